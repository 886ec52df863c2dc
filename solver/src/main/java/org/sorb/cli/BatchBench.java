package org.sorb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sorb.backend.opencl.KernelTimes;
import org.sorb.backend.opencl.OpenClBackend;
import org.sorb.backend.opencl.OpenClContext;
import org.sorb.backend.opencl.OpenClDevices;
import org.sorb.backend.opencl.OpenClProbe;
import org.sorb.bench.BatchBenchmark;
import org.sorb.bench.Ceilings;
import org.sorb.bench.KernelBreakdown;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedCase;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.batch.BatchBuffers;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.numerics.batch.NewtonIterationFlops;
import org.sorb.numerics.batch.NewtonIterationTraffic;

/** Runs {@code sorb bench batch} and prints its Markdown tables. */
final class BatchBench {
    private static final long COPY_BYTES = 256L << 20;
    /** Per work-item slice of the cache ceiling: two of them (256 KiB) fit any current core's L2. */
    private static final long CACHE_SLICE_BYTES = 128L << 10;
    private static final int BREAKDOWN_REPEATS = 100;
    private static final Map<String, String> PART_NAMES = Map.of(
            "newton_iteration", "one whole iteration: right-hand side, direct solve, update",
            "solve_design", "the direct solve (block elimination, band solve, back substitution)",
            "stage_rhs", "the right-hand side (a work-item per cell and design tile)",
            "factor_design", "Jacobian assembly, elimination and band LU (once per step)",
            "newton_iteration_group", "one whole iteration by a work-group: right-hand side, direct solve, update",
            "solve_design_group", "the direct solve by a work-group (band solve on one work-item)",
            "factor_design_group", "assembly and elimination by a work-group, band LU on one work-item");

    private final PrintWriter out;
    private final List<Integer> sizes;
    private final int repeats;
    private final double maxSeconds;
    private final String device;
    private final boolean ceilings;
    private final Paths paths;
    private final int workGroup;
    private final boolean hostLayout;
    private final int profileSize;

    /** Which paths the benchmark runs. */
    enum Paths {
        ALL, JAVA, OPENCL;

        boolean java() {
            return this != OPENCL;
        }

        boolean openCl() {
            return this != JAVA;
        }
    }

    BatchBench(PrintWriter out, List<Integer> sizes, int repeats, double maxSeconds, String device,
               boolean ceilings, Paths paths, int workGroup, boolean hostLayout, int profileSize) {
        this.paths = paths;
        this.hostLayout = hostLayout;
        this.profileSize = profileSize;
        this.workGroup = workGroup;
        this.out = out;
        this.sizes = sizes;
        this.repeats = repeats;
        this.maxSeconds = maxSeconds;
        this.device = device;
        this.ceilings = ceilings;
    }

    int run(Path caseFile) throws Exception {
        LoadedCase loaded = CaseLoader.declaresSweep(caseFile) ? CaseLoader.loadSweep(caseFile, List.of()).base()
                : CaseLoader.load(caseFile, List.of());
        return run(loaded.model(), caseFile.toString());
    }

    /** The benchmark on the designs around {@code base}; {@code source} says where the case came from. */
    int run(ColumnCase base, String source) throws Exception {
        if (repeats < 1) {
            throw new UsageException("--repeats " + repeats + ": expected at least 1");
        }
        if (!(maxSeconds > 0)) {
            throw new UsageException("--max-seconds " + maxSeconds + ": expected a positive number");
        }
        if (profileSize < 0) {
            throw new UsageException("--profile-size " + profileSize + ": expected 0 (no profile) or a batch size");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new UsageException("--sizes: batch size " + s + ", expected at least 1");
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        OpenClProbe probe = OpenClDevices.probe();
        String openClState = probe.problem() != null ? probe.problem()
                : !probe.hasFp64Device() ? "no double-precision device"
                : OpenClBackend.supportsColumns() ? "column kernels available"
                : "devices found, column kernels not in this build yet (batch rows skipped; ceilings measured)";
        out.printf(Locale.ROOT, "case: %s (%s), %s, %s; designs: capacity x [0.95, 1.05]%n",
                base.name(), source, base.column().model().key(), grid(base));
        out.printf(Locale.ROOT, "java %s, %d cores; OpenCL: %s%n", System.getProperty("java.version"), cores,
                openClState);
        out.printf(Locale.ROOT, "repeats: best of %d; budget %.0f s per configuration (the Java path stops there and "
                + "extrapolates from the designs done); Java warm-up: 1 design%n%n", repeats, maxSeconds);
        out.flush();

        int maxSize = sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
        List<ColumnCase> all = BatchBenchmark.designs(base, maxSize);
        SimulationResult javaFirst = new org.sorb.backend.JavaBackend(1).simulate(all.get(0), ProgressListener.NONE);
        OpenClBackend backend = paths.openCl() && probe.hasFp64Device() && OpenClBackend.supportsColumns()
                ? new OpenClBackend(OpenClContext.open(device), workGroup, hostLayout) : null;
        try {
            if (backend != null) {
                warmUp(backend, all, javaFirst);
            }
            out.println("| configuration | batch size | designs done | wall (s) | designs/s | note |");
            out.println("|---|---|---|---|---|---|");
            out.flush();
            if (paths.java()) {
                for (int size : sizes) {
                    List<ColumnCase> designs = BatchBenchmark.designs(base, size);
                    row(BatchBenchmark.java(designs, 1, repeats, maxSeconds), "");
                    if (cores > 1) {
                        row(BatchBenchmark.java(designs, cores, repeats, maxSeconds), "");
                    }
                }
            }
            if (backend != null) {
                String label = "opencl, " + backend.context().device().name();
                for (int size : sizes) {
                    List<ColumnCase> designs = BatchBenchmark.designs(base, size);
                    int lanes = OpenClBackend.lanesFor(backend.context().device(), size);
                    int group = backend.workGroupSize(org.sorb.numerics.batch.KernelConstants.of(base), lanes);
                    String layout = backend.tileFor(lanes, group) == 1 ? ", design-major layout"
                            : lanes == 1 && size > 1 ? ", host layout" : "";
                    row(BatchBenchmark.batch(label, backend, designs, repeats, maxSeconds), (lanes > 1
                            ? lanes + " designs per work-item (vector lanes)" : group > 0
                            ? "a work-group of " + group + " per design" : "1 design per work-item") + layout);
                }
            }
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
        out.println();
        DeviceLimits limits = ceilings ? ceilings(probe, cores) : DeviceLimits.NONE;
        if (profileSize > 0 && paths.openCl() && probe.hasFp64Device() && OpenClBackend.supportsColumns()) {
            out.println();
            profile(BatchBenchmark.designs(base, profileSize), limits);
        }
        out.flush();
        return 0;
    }

    /** The grid in words: cells (and shells), or the DG label with its points. */
    static String grid(ColumnCase c) {
        var d = c.discretization();
        boolean grm = c.column().model() == ColumnModel.GENERAL_RATE;
        if (d.isGalerkin()) {
            return d.label() + " (" + d.axialCells() + " axial points" + (grm ? " x " + d.particleCells()
                    + " particle points" : "") + ")";
        }
        return d.axialCells() + " axial cells" + (grm ? " x " + d.particleCells() + " shells" : "");
    }

    /** The OpenCL ceilings of this run: bandwidths by name (memory, and cache on a CPU device) and fp64 FMA (or null). */
    private record DeviceLimits(Map<String, Ceilings.Ceiling> bandwidth, String fmaName, Ceilings.Ceiling fma) {
        static final DeviceLimits NONE = new DeviceLimits(Map.of(), null, null);
    }

    /**
     * One batch on a profiling context: device time per kernel, and the distinct data the step-attempt kernel moves
     * per second and its flops per second (counted from the source) against the OpenCL ceilings of this run.
     */
    private void profile(List<ColumnCase> designs, DeviceLimits limits) {
        try (OpenClBackend backend = new OpenClBackend(OpenClContext.open(device, true), workGroup, hostLayout)) {
            long t0 = System.nanoTime();
            List<SimulationResult> results = backend.simulateBatch(designs, ProgressListener.NONE);
            double wall = (System.nanoTime() - t0) * 1e-9;
            KernelTimes times = backend.context().kernelTimes();
            out.printf(Locale.ROOT, "Kernel device time: one profiled run of %d designs on %s (each launch waits for "
                    + "its end): wall %.2f s, kernels %.2f s%n%n", designs.size(), backend.context().device().name(),
                    wall, times.totalSeconds());
            out.println("| kernel | launches | device time (s) | share of wall |");
            out.println("|---|---|---|---|");
            List<KernelTimes.Entry> entries = times.entries();
            for (KernelTimes.Entry e : entries) {
                out.printf(Locale.ROOT, "| %s | %d | %.2f | %.1f %% |%n", e.kernel(), e.launches(), e.seconds(),
                        100 * e.seconds() / wall);
            }
            KernelTimes.Entry top = entries.isEmpty() ? null : entries.get(0);
            if (top != null && top.kernel().startsWith("attempt_design")) {
                long iterations = results.stream().mapToLong(r -> r.stats().newtonIterations()).sum();
                KernelConstants k = KernelConstants.of(designs.get(0));
                // the work-group kernels solve with the blocks' LU factors, the others with their inverses (a DG
                // particle's dense matrix: LU factors in both)
                boolean blockInverse = !top.kernel().endsWith("_group") && !k.dgParticle();
                long bytes = BatchBuffers.newtonIterationBytes(k, blockInverse);
                double rate = iterations * (double) bytes / top.seconds() / 1e9;
                out.printf(Locale.ROOT, "%nDominant kernel %s: %d Newton iterations x %d distinct bytes each "
                        + "(BatchBuffers.newtonIterationBytes, a lower bound on its traffic) in %.2f s = %.1f GB/s",
                        top.kernel(), iterations, bytes, top.seconds(), rate);
                limits.bandwidth().forEach((name, c) -> out.printf(Locale.ROOT, "; %.0f %% of %s (%.1f GB/s)",
                        100 * rate / c.value(), name, c.value()));
                if (k.dg() != null) {
                    out.println(". The traffic and flop models count the finite-volume kernels, not these (DG).");
                } else {
                    models(k, top, iterations, bytes, blockInverse, limits);
                }
            }
            breakdown(backend, designs);
        } catch (RuntimeException e) {
            out.println("kernel profile: n/a (" + e.getMessage().replace('\n', ' ') + ")");
        }
        out.flush();
    }

    /** The dominant kernel against the traffic and flop models of the finite-volume kernels. */
    private void models(KernelConstants k, KernelTimes.Entry top, long iterations, long bytes, boolean blockInverse,
                        DeviceLimits limits) {
        if (blockInverse) {
            modeledTraffic(k, top.kernel(), iterations, top.seconds(), bytes, limits);
        }
        long flops = NewtonIterationFlops.perDesign(k, blockInverse);
        double flopRate = iterations * (double) flops / top.seconds() / 1e9;
        out.printf(Locale.ROOT, ". At %d flops per iteration (NewtonIterationFlops, counted from the kernel "
                + "source; no hardware counters here): %.1f GFLOP/s", flops, flopRate);
        if (limits.fma() != null) {
            out.printf(Locale.ROOT, "; %.0f %% of %s (%.1f GFLOP/s)", 100 * flopRate / limits.fma().value(),
                    limits.fmaName(), limits.fma().value());
        }
        out.println(".");
    }

    /**
     * The same iterations against the modeled traffic of the per-design kernels' passes, and the bound that the
     * least traffic of any two-half schedule puts on the distinct-bytes fraction (NewtonIterationTraffic).
     */
    private void modeledTraffic(KernelConstants k, String kernel, long iterations, double seconds, long distinct,
                                DeviceLimits limits) {
        long modeled = NewtonIterationTraffic.perDesign(k, true);
        long minimum = NewtonIterationTraffic.twoPassMinimum(k, true);
        double rate = iterations * (double) modeled / seconds / 1e9;
        out.printf(Locale.ROOT, ". Modeled traffic of its passes (NewtonIterationTraffic: each pass over the cells "
                + "moves what it touches once, nothing kept between passes): %d bytes per iteration = %.1f GB/s",
                modeled, rate);
        limits.bandwidth().forEach((name, c) -> out.printf(Locale.ROOT, "; %.0f %% of %s", 100 * rate / c.value(),
                name));
        out.printf(Locale.ROOT, ". Any schedule with the band solve between two passes over the cells moves at least "
                + "%d bytes per iteration, so even streaming at a ceiling's full rate %s's distinct-bytes rate would be "
                + "at most %.0f %% of that ceiling", minimum, kernel, 100.0 * distinct / minimum);
    }

    /** The stand-alone kernels that make up a Newton iteration, timed apart (KernelBreakdown). */
    private void breakdown(OpenClBackend backend, List<ColumnCase> designs) {
        List<KernelTimes.Entry> parts = KernelBreakdown.measure(backend, designs, BREAKDOWN_REPEATS);
        out.printf(Locale.ROOT, "%nParts of a Newton iteration, timed apart: the stand-alone kernels, %d launches each "
                + "on the same %d designs (random state, h gamma 0.5 s)%n%n", BREAKDOWN_REPEATS, designs.size());
        out.println("| kernel | what | device time per launch (ms) | per design (us) |");
        out.println("|---|---|---|---|");
        for (KernelTimes.Entry e : parts) {
            out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f |%n", e.kernel(), PART_NAMES.getOrDefault(e.kernel(), ""),
                    1e3 * e.seconds() / e.launches(), 1e6 * e.seconds() / e.launches() / designs.size());
        }
    }

    /**
     * Builds the programs the rows use (one design, and a batch of two, which takes the vector-lane kernels on a CPU
     * device) and prints the build time and how far the OpenCL outlet of the first design is from the Java path's.
     */
    private void warmUp(OpenClBackend backend, List<ColumnCase> all, SimulationResult javaFirst) {
        long t0 = System.nanoTime();
        double difference = relativeDifference(
                backend.simulateBatch(all.subList(0, 1), ProgressListener.NONE).get(0).outlet(), javaFirst.outlet());
        if (all.size() > 1) {
            difference = Math.max(difference, relativeDifference(
                    backend.simulateBatch(all.subList(0, 2), ProgressListener.NONE).get(0).outlet(), javaFirst.outlet()));
        }
        double warm = (System.nanoTime() - t0) * 1e-9;
        out.printf(Locale.ROOT, "OpenCL warm-up on %s: %.2f s, of which kernel builds %.0f ms; the first design's "
                + "outlet differs from the Java path's by %.2e relative (max abs difference over max abs outlet)%n%n",
                backend.context().device().name(), warm, backend.context().totalBuildMillis(), difference);
        out.flush();
    }

    /** max_i |a_i - b_i| / max_i |b_i|; infinite when the lengths differ. */
    static double relativeDifference(double[] a, double[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale > 0 ? diff / scale : diff;
    }

    private void row(BatchBenchmark.Measurement m, String note) {
        String extrapolated = m.extrapolated() ? "stopped at the budget: rate from " + m.designsDone() + " of "
                + m.batchSize() + " designs, batch extrapolated to " + String.format(Locale.ROOT, "%.0f s",
                m.batchSize() / m.designsPerSecond()) : "";
        String n = note.isEmpty() ? extrapolated : extrapolated.isEmpty() ? note : extrapolated + "; " + note;
        out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.3g | %s |%n", m.configuration(), m.batchSize(),
                m.designsDone(), m.seconds(), m.designsPerSecond(), n);
        out.flush();
    }

    /** Prints the ceilings table; returns the OpenCL ceilings. */
    private DeviceLimits ceilings(OpenClProbe probe, int cores) {
        out.println("| ceiling | value | how |");
        out.println("|---|---|---|");
        ceiling("memory bandwidth, Java 1 thread", "GB/s", Ceilings.javaCopy(COPY_BYTES, 1, 5));
        if (cores > 1) {
            ceiling("memory bandwidth, Java " + cores + " threads", "GB/s", Ceilings.javaCopy(COPY_BYTES, cores, 5));
        }
        ceiling("fp64 FMA, Java 1 thread", "GFLOP/s", Ceilings.javaFma(1, 3));
        if (cores > 1) {
            ceiling("fp64 FMA, Java " + cores + " threads", "GFLOP/s", Ceilings.javaFma(cores, 3));
        }
        if (!probe.hasFp64Device()) {
            out.println("| OpenCL | n/a | " + (probe.problem() != null ? probe.problem() : "no double-precision device")
                    + " |");
            return DeviceLimits.NONE;
        }
        Map<String, Ceilings.Ceiling> bandwidth = new LinkedHashMap<>();
        String fmaName = null;
        Ceilings.Ceiling fma = null;
        try (OpenClContext ctx = OpenClContext.open(device)) {
            String name = ctx.device().name();
            String memory = "memory bandwidth, OpenCL " + name;
            bandwidth.put(memory, ceiling(memory, "GB/s", Ceilings.openClCopy(ctx, COPY_BYTES, 5)));
            if (!ctx.device().isGpu()) {
                String cache = "cache bandwidth, OpenCL " + name;
                bandwidth.put(cache, ceiling(cache, "GB/s", Ceilings.openClCacheCopy(ctx, CACHE_SLICE_BYTES, 5)));
            }
            fmaName = "fp64 FMA, OpenCL " + name;
            fma = ceiling(fmaName, "GFLOP/s", Ceilings.openClFma(ctx, 3));
            out.printf(Locale.ROOT, "| OpenCL build of %s | %.0f ms | not included above |%n", Ceilings.KERNELS,
                    ctx.totalBuildMillis());
        } catch (RuntimeException e) {
            out.println("| OpenCL | n/a | " + e.getMessage().replace('\n', ' ') + " |");
        }
        return new DeviceLimits(bandwidth, fmaName, fma);
    }

    /** Prints one ceiling's row; returns the ceiling. */
    private Ceilings.Ceiling ceiling(String what, String unit, Ceilings.Ceiling c) {
        out.printf(Locale.ROOT, "| %s | %.1f %s | %s |%n", what, c.value(), unit, c.detail());
        out.flush();
        return c;
    }

    /** The repository root when running from {@code solver/target/sorb.jar} or the build tree, else null. */
    static Path repoRoot() {
        try {
            Path code = Path.of(BatchBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (p.resolve("cases").toFile().isDirectory() && p.resolve("solver").toFile().isDirectory()) {
                    return p;
                }
            }
        } catch (Exception ignored) {
            // no repository around the code
        }
        return null;
    }
}
