package org.sorb.backend.opencl;

import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;

import java.util.EnumMap;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_program;
import org.sorb.numerics.batch.BatchBuffers;
import org.sorb.numerics.batch.BatchDevice;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.numerics.batch.KernelLayout;

/**
 * A {@link BatchDevice} on an OpenCL device: the column kernels built from the classpath sources with the
 * batch's sizes as -D constants, one device buffer per {@link Buf} and {@link IntBuf}. Released on close; the
 * context (and its program cache) belongs to the caller.
 *
 * <p>With {@code lanes} > 1 each work-item advances that many neighbouring designs in the lanes of
 * {@code double<lanes>} vectors (SIMD across designs, for CPU devices); the number of designs must then be a
 * multiple of {@code lanes}, and the device holds every buffer in tiles of {@code lanes} designs
 * ({@link TiledLayout}), so that each work-item's designs are contiguous whatever the batch size; {@link #write},
 * {@link #read} and {@link #readDesign} convert, so callers see the host layout [l * nd + b] for any lane count.
 * With work-groups per design (a GPU) the device holds each design's elements contiguously (tiles of one design),
 * so that the work-items of a group touch one compact block; {@link #tileFor} gives these defaults.
 */
public final class OpenClBatchDevice implements BatchDevice {
    /** The step attempt's source, instantiated once per kernel family. */
    static final String ATTEMPT_SOURCE = "kernels/column_attempt.clh";

    /**
     * Kernel sources of a batch of structure {@code k}, concatenated in this order into one program: the shared
     * definitions, exactly the batch's binding model ({@link KernelConstants#bindingSource()}), then the kernels
     * (the DG files compile to nothing on finite volumes, and a DG particle's program leaves out the shells' assembly
     * and solve, whose functions {@code column_dg_solve.cl} defines in their place).
     * The step attempt's one source, {@code column_attempt.clh}, follows each kernel family's file, which defines
     * what differs (per-design lanes, a work-group per design), so it is instantiated twice.
     */
    public static String[] sources(KernelConstants k) {
        return new String[] {
            "kernels/column_common.cl", k.bindingSource(), "kernels/column_dg.cl", "kernels/column_residual.cl",
            "kernels/column_band.cl", "kernels/column_dg_solve.cl", "kernels/column_assemble.cl",
            "kernels/column_solve.cl", "kernels/batch_vector.cl", "kernels/column_stage.cl", "kernels/column_fused.cl",
            ATTEMPT_SOURCE, "kernels/column_group.cl", ATTEMPT_SOURCE
        };
    }

    private final OpenClContext context;
    private final KernelConstants k;
    private final int nd;
    private final int lanes;
    private final int groupSize;
    private final int tile;
    private final TiledLayout layout;
    private final cl_program program;
    private final Map<Buf, DeviceBuffer> buffers = new EnumMap<>(Buf.class);
    private final Map<IntBuf, DeviceBuffer> intBuffers = new EnumMap<>(IntBuf.class);

    /** Lane counts the kernels accept. */
    public static final int[] LANE_COUNTS = {1, 2, 4, 8, 16};

    /** Scalar kernels: one design per work-item. */
    public OpenClBatchDevice(OpenClContext context, KernelConstants k, int designs) {
        this(context, k, designs, 1);
    }

    /**
     * Kernels with {@code lanes} designs per work-item.
     *
     * @throws IllegalArgumentException when lanes is not one of {@link #LANE_COUNTS} or does not divide designs
     */
    public OpenClBatchDevice(OpenClContext context, KernelConstants k, int designs, int lanes) {
        this(context, k, designs, lanes, 0);
    }

    /**
     * Kernels with {@code lanes} designs per work-item, or, with {@code groupSize} > 0 (and one lane), the
     * factorization and step attempt of each design by a work-group of that many work-items that share its cells.
     *
     * @throws IllegalArgumentException when lanes is not one of {@link #LANE_COUNTS} or does not divide designs, or
     *                                  groupSize is not 0 or a power of two up to 1024 with one lane
     */
    public OpenClBatchDevice(OpenClContext context, KernelConstants k, int designs, int lanes, int groupSize) {
        this(context, k, designs, lanes, groupSize, tileFor(lanes, groupSize));
    }

    /**
     * The default device layout: tiles of {@code lanes} designs with vector lanes, of one design (design-major) with
     * work-groups per design, else 0 (the host layout [l * nd + b], where neighbouring work-items hold neighbouring
     * designs).
     */
    public static int tileFor(int lanes, int groupSize) {
        return lanes > 1 ? lanes : groupSize > 0 ? 1 : 0;
    }

    /**
     * As above with the device layout given: {@code tile} designs per tile ({@link TiledLayout}), 0 for the host
     * layout.
     *
     * @throws IllegalArgumentException also when tile is neither 0 nor the lane count
     */
    public OpenClBatchDevice(OpenClContext context, KernelConstants k, int designs, int lanes, int groupSize,
                             int tile) {
        if (tile != 0 && tile != lanes) {
            throw new IllegalArgumentException("tiles of " + tile + " designs with " + lanes
                    + " lanes: expected 0 (the host layout) or the lane count");
        }
        if (groupSize != 0 && (lanes != 1 || groupSize < 1 || groupSize > 1024 || Integer.bitCount(groupSize) != 1)) {
            throw new IllegalArgumentException("work-group size " + groupSize + " with " + lanes
                    + " lanes: expected 0, or a power of two up to 1024 with one lane");
        }
        if (java.util.Arrays.stream(LANE_COUNTS).noneMatch(n -> n == lanes)) {
            throw new IllegalArgumentException("lanes " + lanes + ": expected one of 1, 2, 4, 8, 16");
        }
        if (designs < 1 || designs % lanes != 0) {
            throw new IllegalArgumentException(designs + " designs: expected a positive multiple of " + lanes
                    + " lanes");
        }
        this.context = context;
        this.k = k;
        this.nd = designs;
        this.lanes = lanes;
        this.groupSize = groupSize;
        this.tile = tile;
        this.layout = new TiledLayout(designs, tile > 0 ? tile : designs);
        this.program = context.build(k.defines() + " " + KernelLayout.defines(k) + " -D LANES=" + lanes + " -D TILE_W=" + tile
                + (groupSize > 0 ? " -D WG=" + groupSize : "") + " -D BLOCK_INVERSE=" + (blockInverse() ? 1 : 0)
                + " -cl-std=CL1.2", sources(k));
        try {
            for (Buf b : Buf.values()) {
                int size = Math.max(1, BatchBuffers.size(b, k, designs));
                buffers.put(b, context.doubles(size));
                d(b).write(new double[size]);
            }
            for (IntBuf b : IntBuf.values()) {
                int size = Math.max(1, BatchBuffers.size(b, k, designs));
                intBuffers.put(b, context.bytes(4L * size));
                writeInts(b, new int[size]);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Build time of the column program (ms), 0 when it came from the context's cache. */
    public double buildMillis() {
        return context.buildMillis(program);
    }

    @Override
    public KernelConstants constants() {
        return k;
    }

    @Override
    public int designs() {
        return nd;
    }

    /** Designs per work-item. */
    public int lanes() {
        return lanes;
    }

    /** Work-items per design (0: one work-item advances whole designs). */
    public int groupSize() {
        return groupSize;
    }

    /** Designs per tile of the device layout (0: the host layout). */
    public int tile() {
        return tile;
    }

    private DeviceBuffer d(Buf b) {
        return buffers.get(b);
    }

    private DeviceBuffer i(IntBuf b) {
        return intBuffers.get(b);
    }

    /** True for buffers held per design (all but the tableau, which every design shares). */
    private static boolean perDesign(Buf buffer) {
        return buffer != Buf.TABLEAU;
    }

    @Override
    public void write(Buf buffer, double[] data) {
        d(buffer).write(perDesign(buffer) ? layout.toTiles(data) : data);
    }

    @Override
    public void read(Buf buffer, double[] data) {
        if (!perDesign(buffer) || layout.isIdentity(layout.perDesign(data.length))) {
            d(buffer).read(data);
            return;
        }
        double[] tiled = new double[data.length];
        d(buffer).read(tiled);
        layout.fromTiles(tiled, data);
    }

    @Override
    public void readDesign(Buf buffer, int b, double[] into) {
        if (b < 0 || b >= nd) {
            throw new IndexOutOfBoundsException("design " + b + " of " + nd);
        }
        int len = BatchBuffers.size(buffer, k, 1);
        d(buffer).readColumn(layout.first(b, len), layout.stride(), into);
    }

    @Override
    public void write(IntBuf buffer, int[] data) {
        writeInts(buffer, layout.toTiles(data));
    }

    /** Copies {@code data} as it is to the start of an int buffer, and waits. */
    private void writeInts(IntBuf buffer, int[] data) {
        clEnqueueWriteBuffer(context.queue(), i(buffer).mem(), true, 0, (long) data.length * Sizeof.cl_int,
                Pointer.to(data), 0, null, null);
    }

    @Override
    public void read(IntBuf buffer, int[] data) {
        int[] tiled = layout.isIdentity(layout.perDesign(data.length)) ? data : new int[data.length];
        clEnqueueReadBuffer(context.queue(), i(buffer).mem(), true, 0, (long) tiled.length * Sizeof.cl_int,
                Pointer.to(tiled), 0, null, null);
        if (tiled != data) {
            layout.fromTiles(tiled, data);
        }
    }

    /**
     * Launches a kernel. With lanes > 1 (a CPU device) every work-item is its own work-group, so the runtime spreads
     * them over all cores (PoCL runs one work-group per thread, and would pick a single group for a small range);
     * otherwise the driver picks the work-group size.
     */
    private void launch(String name, long[] global, Object... args) {
        long[] local = null;
        if (lanes > 1) {
            local = new long[global.length];
            java.util.Arrays.fill(local, 1L);
        }
        run(name, global, local, args);
    }

    /** Launches kernel {@code name} of the column program with {@code args} ({@code local} null: the driver's). */
    private void run(String name, long[] global, long[] local, Object... args) {
        cl_kernel kernel = context.kernel(program, name);
        context.setArgs(kernel, args);
        context.enqueue(name, kernel, global, local);
    }

    private long[] cells() {
        return new long[] {nd / lanes, k.nz()};
    }

    /**
     * Element-wise kernels: one work-item per design group and element on a GPU; on a CPU (lanes > 1, every
     * work-item its own work-group) one work-item walks all elements of its tile, since PoCL's cost per work-group
     * dominates a one-vector body (copy_active took 5 % of a batch's time with one work-group per element).
     */
    private long[] elements() {
        return new long[] {nd / lanes, lanes > 1 ? 1 : k.unknowns()};
    }

    /** Work-items of one design that run together in an element-wise kernel on the design-major layout. */
    static final int ELEMENT_GROUP = 64;

    /**
     * Launches an element-wise kernel ({@link #elements}). On the design-major layout (tiles of one design) the
     * work-groups run along one design's elements, which lie side by side, instead of across designs, whose elements
     * lie a whole design apart.
     */
    private void launchElements(String name, Object... args) {
        if (tile != 1) {
            launch(name, elements(), args);
            return;
        }
        long rounded = (k.unknowns() + ELEMENT_GROUP - 1L) / ELEMENT_GROUP * ELEMENT_GROUP;
        run(name, new long[] {nd, rounded}, new long[] {1, ELEMENT_GROUP}, args);
    }

    private long[] perDesign() {
        return new long[] {nd / lanes};
    }

    @Override
    public void residual(Buf y, Buf f) {
        launch("residual", cells(), d(y), d(Buf.CIN), d(Buf.PAR), i(IntBuf.ACTIVE), d(f), nd);
    }

    @Override
    public void stageRhs(Buf ys) {
        launch("stage_rhs", cells(), d(ys), d(Buf.Y), d(Buf.SUM), d(Buf.HG), d(Buf.CIN), d(Buf.PAR),
                i(IntBuf.ACTIVE), d(Buf.RHS), nd);
    }

    /** Launches a work-group kernel: global size nd x groupSize, local size groupSize. */
    private void launchGroups(String name, Object... args) {
        run(name, new long[] {(long) nd * groupSize}, new long[] {groupSize}, args);
    }

    /**
     * Whether the shell blocks are solved by their inverses (per-design kernels: vector lanes on a CPU) or by their
     * LU factors (work-group kernels: a GPU, where the inverses were slower); the reference device
     * ({@code ReferenceBatchDevice}) solves with the LU factors either way. A DG particle's dense matrix is solved by
     * its LU factors in both families.
     */
    public boolean blockInverse() {
        return groupSize == 0 && !k.dgParticle();
    }

    @Override
    public void factor(Buf y) {
        if (groupSize > 0) {
            launchGroups("factor_design_group", d(y), d(Buf.PAR), d(Buf.HG), i(IntBuf.ACTIVE), d(Buf.BLOCKS),
                    i(IntBuf.PIV), d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT), d(Buf.CMAT), d(Buf.BAND),
                    i(IntBuf.BAND_PIV), i(IntBuf.OK), nd);
            return;
        }
        launch("factor_design", perDesign(), d(y), d(Buf.PAR), d(Buf.HG), i(IntBuf.ACTIVE), d(Buf.BLOCKS),
                i(IntBuf.PIV), d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT), d(Buf.CMAT), d(Buf.BAND), i(IntBuf.BAND_PIV),
                i(IntBuf.OK), nd);
    }

    @Override
    public void solve(Buf x) {
        if (groupSize > 0) {
            launchGroups("solve_design_group", d(Buf.BLOCKS), i(IntBuf.PIV), d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT),
                    d(Buf.CMAT), d(Buf.BAND), i(IntBuf.BAND_PIV), i(IntBuf.ACTIVE), d(x), d(Buf.BULK_RHS), nd);
            return;
        }
        launch("solve_design", perDesign(), d(Buf.BLOCKS), i(IntBuf.PIV), d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT),
                d(Buf.CMAT), d(Buf.BAND), i(IntBuf.BAND_PIV), i(IntBuf.ACTIVE), d(x), d(Buf.BULK_RHS), nd);
    }

    @Override
    public void newtonIteration(Buf ys) {
        Object[] args = {d(ys), d(Buf.Y), d(Buf.SUM), d(Buf.HG), d(Buf.CIN), d(Buf.PAR), d(Buf.WEIGHT),
            i(IntBuf.ACTIVE), d(Buf.BLOCKS), i(IntBuf.PIV), d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT), d(Buf.CMAT),
            d(Buf.BAND), i(IntBuf.BAND_PIV), d(Buf.RHS), d(Buf.BULK_RHS), d(Buf.NORM), nd};
        if (groupSize > 0) {
            launchGroups("newton_iteration_group", args);
        } else {
            launch("newton_iteration", perDesign(), args);
        }
    }

    @Override
    public void attempt() {
        Object[] args = {d(Buf.Y), d(Buf.PREV), d(Buf.PREV_S2), d(Buf.F1), d(Buf.S1), d(Buf.S2), d(Buf.S3),
            d(Buf.FS1), d(Buf.FS2), d(Buf.FS3), d(Buf.SUM), d(Buf.RHS), d(Buf.ERR), d(Buf.BULK_RHS), d(Buf.CIN),
            d(Buf.PAR), d(Buf.TOL), d(Buf.WEIGHT), d(Buf.HG), d(Buf.TABLEAU), d(Buf.STEP), d(Buf.ETA), d(Buf.RESULT), d(Buf.BLOCKS),
            i(IntBuf.PIV), d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT), d(Buf.CMAT), d(Buf.BAND), i(IntBuf.BAND_PIV),
            i(IntBuf.ACTIVE), nd};
        if (groupSize > 0) {
            launchGroups("attempt_design_group", args);
        } else {
            launch("attempt_design", perDesign(), args);
        }
    }

    @Override
    public void newtonWeights() {
        launch("newton_weights", perDesign(), d(Buf.Y), d(Buf.TOL), i(IntBuf.ACTIVE), d(Buf.WEIGHT), nd);
    }

    @Override
    public void copyActive(Buf src, Buf dst) {
        launchElements("copy_active", d(src), i(IntBuf.ACTIVE), d(dst), nd);
    }

    @Override
    public void gatherStageOutlets() {
        launch("gather_stage_outlets", perDesign(), d(Buf.Y), d(Buf.S1), d(Buf.S2), d(Buf.S3), d(Buf.OUTLET), nd);
    }

    @Override
    public void close() {
        for (DeviceBuffer b : buffers.values()) {
            b.close();
        }
        for (DeviceBuffer b : intBuffers.values()) {
            b.close();
        }
        buffers.clear();
        intBuffers.clear();
    }
}
