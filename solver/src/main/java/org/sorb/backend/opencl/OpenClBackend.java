package org.sorb.backend.opencl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.numerics.batch.BatchBuffers;
import org.sorb.numerics.batch.BatchIntegrator;
import org.sorb.numerics.batch.DeviceColumns;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.backend.Backend;
import org.sorb.backend.BatchChunking;
import org.sorb.model.ColumnCase;
import org.sorb.model.InvalidModelException;
import org.sorb.model.DesignOutcome;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.Footprint;
import org.sorb.numerics.HostMemory;
import org.sorb.numerics.ColumnSteppers;
import org.sorb.numerics.DesignProgress;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.Sizes;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.SolverException;

/**
 * The OpenCL batch backend on one device. It owns its {@link OpenClContext} and closes it.
 *
 * <p>Designs of equal structure ({@link KernelConstants}) run together through {@link BatchIntegrator} on an
 * {@link OpenClBatchDevice}; a batch larger than the device's memory is split into chunks that fit (the results
 * are the same: designs never interact). On a CPU device each work-item advances several designs in vector
 * lanes ({@link #lanesFor}); a batch is padded to a multiple of the lane count with copies of its last design,
 * whose results are dropped. On a GPU a work-group shares each design's cells ({@link #groupSizeFor}). Every
 * registered binding model has its kernel file ({@code kernels/binding/<key>.cl}). A design that fails is recorded and the others finish;
 * once the wall-clock budget is spent, the chunks not started fail without being set up.
 */
public final class OpenClBackend implements Backend {
    private final OpenClContext context;

    /** A backend on the device of {@code context}; closing the backend closes the context. */
    public OpenClBackend(OpenClContext context) {
        this(context, AUTO);
    }

    /** {@link #groupSizeFor} decides the work-group size. */
    public static final int AUTO = -1;

    /**
     * A backend whose GPU layout is fixed, for benchmarks: {@code groupSize} 0 runs one design per work-item, a power
     * of two a work-group of that size per design (on one lane), {@link #AUTO} lets {@link #groupSizeFor} decide.
     */
    public OpenClBackend(OpenClContext context, int groupSize) {
        this(context, groupSize, false);
    }

    /**
     * As above; {@code hostLayout} keeps one-lane batches in the host layout [l * nd + b] (neighbouring designs side
     * by side) instead of the design-major layout the work-group kernels use by default
     * ({@link OpenClBatchDevice#tileFor}), for benchmarks that compare the two.
     */
    public OpenClBackend(OpenClContext context, int groupSize, boolean hostLayout) {
        if (context == null) {
            throw new IllegalArgumentException("no OpenCL context");
        }
        this.context = context;
        this.groupSize = groupSize;
        this.hostLayout = hostLayout;
    }

    private final int groupSize;
    private final boolean hostLayout;

    /** True: this build's OpenCL backend simulates columns (a seam that lets tests of the backend choice say no). */
    public static boolean supportsColumns() {
        return true;
    }

    /** Fraction of the device's global memory a chunk may use. */
    static final double MEMORY_FRACTION = 0.5;

    /**
     * Host arrays as large as a chunk's largest buffer alive at once: the initial state BatchIntegrator keeps, an
     * array written or read, and its copy in the device's tile layout (OpenClBatchDevice.write, read).
     */
    static final int HOST_STAGING_COPIES = 3;

    /** Host bytes one design of a chunk needs to stage its buffers: HOST_STAGING_COPIES x its largest, with margin. */
    static long hostBytesPerDesign(KernelConstants k) {
        return HostMemory.needed(Sizes.times(HOST_STAGING_COPIES, Footprint.DOUBLE_BYTES,
                Math.max(1, BatchBuffers.longestPerDesign(k))));
    }

    /** The context this backend runs on. */
    public OpenClContext context() {
        return context;
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String description() {
        OpenClDeviceInfo d = context.device();
        return "OpenCL " + d.type() + " " + d.name() + " (" + d.platformName() + ", " + d.platformVersion() + ", "
                + d.computeUnits() + " compute units)";
    }

    /**
     * Compute units times the lanes of a full batch ({@link #lanesFor}) on a CPU device; on a GPU, where a design
     * is a work-group, its compute units (a lower bound: each holds several work-groups).
     */
    @Override
    public int concurrentDesigns() {
        OpenClDeviceInfo info = context.device();
        int units = Math.max(1, info.computeUnits());
        return info.isGpu() ? units : units * lanesFor(info, Integer.MAX_VALUE);
    }

    @Override
    public SimulationResult simulate(ColumnCase columnCase, RunBudget budget, ProgressListener progress) {
        DesignOutcome outcome = runBatch(List.of(columnCase), budget, progress).get(0);
        if (outcome.failed()) {
            throw new SolverException(outcome.failure());
        }
        return outcome.result();
    }

    @Override
    public List<DesignOutcome> runBatch(List<ColumnCase> designs, RunBudget wall, ProgressListener progress) {
        DesignOutcome[] results = new DesignOutcome[designs.size()];
        Map<KernelConstants, List<Integer>> groups = new LinkedHashMap<>();
        for (int d = 0; d < designs.size(); d++) {
            KernelConstants k;
            try {
                k = KernelConstants.of(designs.get(d));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedOperationException("the OpenCL backend cannot run design " + d + ": "
                        + e.getMessage() + "; use --backend java");
            }
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(d);
        }
        int done = 0;
        int failedBefore = 0;
        for (Map.Entry<KernelConstants, List<Integer>> g : groups.entrySet()) {
            KernelConstants k = g.getKey();
            List<Integer> members = g.getValue();
            OpenClDeviceInfo info = context.device();
            int byDevice = chunkSize(k, info.globalMemoryBytes(), info.maxAllocationBytes(), Long.MAX_VALUE);
            long host = HostMemory.availableFor(Sizes.times(Math.min(byDevice, members.size()), hostBytesPerDesign(k)));
            int chunk = chunkSize(k, info.globalMemoryBytes(), info.maxAllocationBytes(), host);
            if (chunk < 1) {
                throw tooLarge(designs.get(members.get(0)), k, info, host);
            }
            int lanes = lanesFor(context.device(), members.size());
            if (chunk < lanes) {
                lanes = 1;
            }
            chunk = chunk / lanes * lanes;
            long budget = (long) chunk * BatchBuffers.bytesPerDesign(k);
            for (BatchChunking.Chunk c : BatchChunking.plan(members.size(), BatchBuffers.bytesPerDesign(k), budget, 1.0)) {
                List<Integer> part = members.subList(c.from(), c.to());
                List<ColumnCase> cases = new ArrayList<>(part.size());
                for (int d : part) {
                    cases.add(designs.get(d));
                }
                if (wall.exhausted()) {
                    for (int d : part) {
                        results[d] = DesignOutcome.failed(wall.over(designs.get(d).inlet().endTime()).exhaustedAt(0.0));
                    }
                    done += cases.size();
                    failedBefore += cases.size();
                    progress.designs(new DesignProgress(done, failedBefore, designs.size(), 0.0));
                    continue;
                }
                List<ColumnCase> padded = padToLanes(cases, lanes);
                final int before = done;
                final int total = designs.size();
                int group = workGroupSize(k, lanes);
                try (OpenClBatchDevice device = new OpenClBatchDevice(context, k, padded.size(), lanes, group,
                        tileFor(lanes, group))) {
                    List<DesignOutcome> r = new BatchIntegrator(padded, device).run(wall, cases.size(),
                            ProgressListener.part(progress, before, failedBefore, cases.size(), total));
                    for (int i = 0; i < part.size(); i++) {
                        results[part.get(i)] = r.get(i);
                        failedBefore += r.get(i).failed() ? 1 : 0;
                    }
                }
                done += cases.size();
            }
        }
        return List.of(results);
    }

    /**
     * Columns on one-design OpenCL devices ({@link DeviceColumns}), one per physical column and design, one design per
     * work-item (or the GPU's work-group per design); the context caches their program.
     *
     * @throws UnsupportedOperationException (when a column starts) for a column the kernels do not take
     */
    @Override
    public ColumnSteppers columnSteppers() {
        return new DeviceColumns(c -> {
            KernelConstants k;
            try {
                k = KernelConstants.of(c);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedOperationException("the OpenCL backend cannot run column " + c.name() + ": "
                        + e.getMessage() + "; use --backend java");
            }
            int group = workGroupSize(k, 1);
            return new OpenClBatchDevice(context, k, 1, 1, group, tileFor(1, group));
        });
    }

    /**
     * Designs per work-item for a batch of {@code designs} on {@code device}. On a CPU: two of its preferred double
     * vectors (SIMD across designs; rounded down to a power of two, at most 16), so that every instruction stream
     * carries two independent dependency chains (the step-attempt kernel is bound by the latency of its solves:
     * 16 lanes ran 256 designs 1.25x faster than 8 on AVX-512, BENCHMARKS.md), halved down to one vector while the
     * batch would leave a compute unit without a work-item. 1 on a GPU (neighbouring work-items already run
     * together there) and for one design.
     */
    public static int lanesFor(OpenClDeviceInfo device, int designs) {
        if (device.isGpu() || designs < 2) {
            return 1;
        }
        int width = 1;
        while (width * 2 <= Math.min(device.doubleVectorWidth(), 16)) {
            width *= 2;
        }
        if (width == 1) {
            return 1;
        }
        int lanes = Math.min(16, 2 * width);
        while (lanes > width && designs < (long) lanes * Math.max(1, device.computeUnits())) {
            lanes /= 2;
        }
        return lanes;
    }

    /**
     * Work-items per design this backend uses for {@code k} on {@code lanes} lanes: the size fixed at construction,
     * else {@link #groupSizeFor}.
     */
    public int workGroupSize(KernelConstants k, int lanes) {
        return groupSize == AUTO || lanes != 1 ? groupSizeFor(context.device(), k, lanes) : groupSize;
    }

    /** Designs per tile of the device layout this backend uses ({@link OpenClBatchDevice#tileFor}; 0: host layout). */
    public int tileFor(int lanes, int group) {
        return hostLayout && lanes == 1 ? 0 : OpenClBatchDevice.tileFor(lanes, group);
    }

    /**
     * Work-items per design for the factorization and step attempt: on a GPU a work-group of 32 (up to 32 cells) or
     * 64 work-items shares a design's cells, so a design's step is not one long serial thread; 0 (one work-item
     * advances whole designs) on other devices or with vector lanes.
     */
    public static int groupSizeFor(OpenClDeviceInfo device, KernelConstants k, int lanes) {
        if (!device.isGpu() || lanes != 1) {
            return 0;
        }
        int group = k.nz() <= 32 ? 32 : 64;
        while (group > 1 && group > device.maxWorkGroupSize()) {
            group /= 2;
        }
        return group;
    }

    /**
     * The designs followed by copies of the last one up to a multiple of {@code lanes}; the copies fill the last
     * vector and their results are dropped.
     */
    public static List<ColumnCase> padToLanes(List<ColumnCase> designs, int lanes) {
        int padded = (designs.size() + lanes - 1) / lanes * lanes;
        List<ColumnCase> out = new ArrayList<>(designs);
        while (out.size() < padded) {
            out.add(designs.get(designs.size() - 1));
        }
        return out;
    }

    /**
     * Designs per chunk: as many as fit in {@link #MEMORY_FRACTION} of the global memory, with the largest buffer
     * within the device's maximum allocation and within one Java array (the host stages every buffer), and the host
     * staging ({@link #HOST_STAGING_COPIES} of the largest buffer, with the margin) within {@code hostBytes}; 0 when
     * not even one design fits.
     */
    static int chunkSize(KernelConstants k, long globalMemory, long maxAllocation, long hostBytes) {
        long perDesign = BatchBuffers.bytesPerDesign(k);
        long longest = Math.max(1, BatchBuffers.longestPerDesign(k));
        long largest = Sizes.times(Footprint.DOUBLE_BYTES, longest);
        long byMemory = (long) (MEMORY_FRACTION * globalMemory) / perDesign;
        long byAllocation = maxAllocation / largest;
        long byArray = Sizes.MAX_ARRAY_LENGTH / longest;
        long byHost = hostBytes / hostBytesPerDesign(k);
        long n = Math.min(Math.min(byMemory, byAllocation), Math.min(byArray, byHost));
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /** The refusal of a design of which not even one fits {@code device} (or the host staging of its buffers). */
    static InvalidModelException tooLarge(ColumnCase design, KernelConstants k, OpenClDeviceInfo device, long host) {
        long largest = Sizes.times(Footprint.DOUBLE_BYTES, BatchBuffers.longestPerDesign(k));
        String value = Footprint.gridValue(design) + " (" + HostMemory.gib(BatchBuffers.bytesPerDesign(k))
                + " of OpenCL buffers per design, the largest " + HostMemory.gib(largest) + ")";
        return new InvalidModelException(Footprint.gridField(design), value, "a grid whose buffers fit "
                + MEMORY_FRACTION + " of the device's " + HostMemory.gib(device.globalMemoryBytes())
                + ", its largest allocation of " + HostMemory.gib(device.maxAllocationBytes()) + " and, staged "
                + HOST_STAGING_COPIES + " times with the margin, the " + HostMemory.gib(host) + " this JVM can use ("
                + "or --backend java, " + HostMemory.MORE_MEMORY + ")");
    }

    @Override
    public void close() {
        context.close();
    }
}
