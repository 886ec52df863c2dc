package org.sorb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sorb.bench.BenchConfiguration;
import org.sorb.bench.SmaLoadWashElute;
import org.sorb.io.CadetReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sorb bench reference FILE}: time to solution against a CADET reference file on the Java path;
 * {@code sorb bench batch [CASE]}: designs per second of batches on each backend, beside the machine's ceilings;
 * {@code sorb bench cache}: the OpenCL device's copy bandwidth against the footprint per compute unit.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks.",
            "'reference FILE': median in-process wall time and max outlet error against a CADET reference file "
                + "(linear single-column cases), per grid (finite volumes or DG spectral elements) and tolerance, "
                + "then the fastest of each method within each error decade.",
            "'batch [CASE]': designs per second for batches of slightly different columns (capacity varied "
                + "+-5 %%) on the Java path (1 thread, all threads) and OpenCL, with the machine's memory, cache "
                + "and fp64 FMA ceilings and a kernel profile (default case: cases/protein-a-igg-breakthrough.yaml; "
                + "'sma-lwe': the built-in steric-mass-action load-wash-elute column).",
            "'cache': the OpenCL device's copy bandwidth for each footprint per compute unit (where the caches end)."})
final class BenchCommand implements Callable<Integer> {
    static final String DEFAULT_BATCH_CASE = "cases/protein-a-igg-breakthrough.yaml";
    /** The built-in SMA load-wash-elute case's grid in {@code bench batch} (the equivalence tests' 32 x 4). */
    static final int SMA_AXIAL_CELLS = 32;
    static final int SMA_PARTICLE_CELLS = 4;
    static final String SMA_REFERENCE = "cadet_GRM_reqSMA_4comp_LWE_FV_Z512parZ64.h5 /input";

    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", description = "Benchmark kind: reference, batch or cache")
    private String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
            description = "reference: CADET reference file (e.g. ../shared/reference/casema_GRM_dynLin_1comp_benchmark1.h5); "
                    + "batch: case file (default " + DEFAULT_BATCH_CASE + "), or " + SmaLoadWashElute.NAME
                    + " for the built-in steric-mass-action load-wash-elute column (CADET's benchmark, 32 x 4 cells)")
    private Path file;

    @Option(names = "--grid", split = ",", defaultValue = "64x8@1e-5,64x16@1e-5,256x32@1e-7,dg:P3x8:P4x1@1e-6",
            description = "reference: configurations, comma-separated: NZxNR@REL_TOL (finite volumes, equidistant "
                    + "shells, WENO3) or dg:PaxEa:PpxEp[:exact]@REL_TOL (spectral elements: axial degree x elements, "
                    + "particle degree x elements; particle degree 0: equidistant finite-volume shells); abs tol = "
                    + "1e-4 rel tol unless given as @REL_TOL/ABS_TOL. Default: ${DEFAULT-VALUE}")
    private List<String> grids;

    @Option(names = "--repeats", description = "Measured runs per configuration (reference: median of 5; "
            + "batch: best of 1).")
    private Integer repeats;

    @Option(names = "--warmup", defaultValue = "2", description = "reference: unmeasured warm-up runs per configuration.")
    private int warmup;

    @Option(names = "--sizes", split = ",", defaultValue = "1,16,256,4096",
            description = "batch: batch sizes, comma-separated. Default: ${DEFAULT-VALUE}")
    private List<Integer> sizes;

    @Option(names = "--slices", split = ",", defaultValue = "16,64,128,256,512,768,1024,2048,8192",
            paramLabel = "KIB", description = "cache: slice sizes in KiB (two slices per work-item), comma-separated. "
                    + "Default: ${DEFAULT-VALUE}")
    private List<Integer> slices;

    @Option(names = "--max-seconds", defaultValue = "60",
            description = "batch: time budget per configuration; the Java path stops there and extrapolates from the "
                    + "designs done. Default: ${DEFAULT-VALUE}")
    private double maxSeconds;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "batch, cache: OpenCL device (index as 'sorb devices' lists it, or part of its name).")
    private String device;

    @Option(names = "--no-ceilings", description = "batch: skip the bandwidth and FMA ceilings (the profile then "
            + "prints no ceiling fractions).")
    private boolean noCeilings;

    @Option(names = "--work-group", defaultValue = "auto", paramLabel = "auto|N",
            description = "batch: OpenCL work-items per design on one lane (0: one work-item per design; a power of "
                    + "two: a work-group per design); auto lets the device type decide. Default: ${DEFAULT-VALUE}")
    private String workGroup;

    @Option(names = "--device-layout", defaultValue = "auto", paramLabel = "auto|host",
            description = "batch: OpenCL buffer layout with one lane: auto (each design's elements contiguous when a "
                    + "work-group shares a design) or host (neighbouring designs side by side). Default: "
                    + "${DEFAULT-VALUE}")
    private String deviceLayout;

    @Option(names = "--profile-size", defaultValue = "256", paramLabel = "N",
            description = "batch: after the ceilings, one OpenCL run of N designs with kernel profiling: device time "
                    + "per kernel, the dominant kernel's traffic against the bandwidth ceilings, and the parts of a "
                    + "Newton iteration timed apart (0: skip). Default: ${DEFAULT-VALUE}")
    private int profileSize;

    @Option(names = "--paths", defaultValue = "all", paramLabel = "all|java|opencl",
            description = "batch: which paths to time (the Java path's first design is always run, as the reference "
                    + "the OpenCL warm-up is compared with). Default: ${DEFAULT-VALUE}")
    private String paths;

    private int workGroupSize() throws UsageException {
        if (workGroup.equals("auto")) {
            return org.sorb.backend.opencl.OpenClBackend.AUTO;
        }
        try {
            int n = Integer.parseInt(workGroup);
            if (n == 0 || (n > 0 && n <= 1024 && Integer.bitCount(n) == 1)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--work-group '" + workGroup + "': expected auto, 0 or a power of two up to 1024");
    }

    private boolean hostLayout() throws UsageException {
        return switch (deviceLayout) {
            case "auto" -> false;
            case "host" -> true;
            default -> throw new UsageException("--device-layout '" + deviceLayout + "': expected auto or host");
        };
    }

    private BatchBench.Paths batchPaths() throws UsageException {
        return switch (paths) {
            case "all" -> BatchBench.Paths.ALL;
            case "java" -> BatchBench.Paths.JAVA;
            case "opencl" -> BatchBench.Paths.OPENCL;
            default -> throw new UsageException("--paths '" + paths + "': expected all, java or opencl");
        };
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Failures.guard(spec, () -> switch (kind) {
            case "reference" -> reference(out);
            case "batch" -> {
                BatchBench bench = new BatchBench(out, sizes, repeats == null ? 1 : repeats, maxSeconds, device,
                        !noCeilings, batchPaths(), workGroupSize(), hostLayout(), profileSize);
                yield builtIn() ? bench.run(SmaLoadWashElute.of(SMA_AXIAL_CELLS, SMA_PARTICLE_CELLS),
                        "built-in, CADET's " + SMA_REFERENCE) : bench.run(batchCase());
            }
            case "cache" -> new CacheBench(out, slices, device).run();
            default -> throw new UsageException("bench: unknown kind '" + kind
                    + "', expected: reference, batch, cache");
        });
    }

    private int reference(PrintWriter out) throws UsageException {
        if (file == null) {
            throw new UsageException("bench reference: give the CADET reference file");
        }
        int n = repeats == null ? 5 : repeats;
        if (n < 1) {
            throw new UsageException("--repeats " + n + ": expected at least 1");
        }
        if (warmup < 0) {
            throw new UsageException("--warmup " + warmup + ": expected 0 or more");
        }
        List<BenchConfiguration> configs;
        try {
            configs = BenchConfiguration.parseAll(grids);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        CadetReference ref;
        try {
            ref = CadetReference.read(cli.workingDir().resolve(file).normalize());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ReferenceTable.print(out, file.getFileName().toString(), ref, configs, warmup, n);
        return 0;
    }

    /** True when the batch case argument names the built-in SMA case and no file of that name exists. */
    private boolean builtIn() {
        return file != null && file.toString().equals(SmaLoadWashElute.NAME)
                && !Files.exists(cli.workingDir().resolve(file));
    }

    /** The batch case: as given against the working directory, or the default in the working directory or repo. */
    private Path batchCase() throws UsageException {
        if (file != null) {
            Path p = cli.workingDir().resolve(file).normalize();
            if (!Files.isRegularFile(p)) {
                throw new UsageException("case file not found: " + p);
            }
            return p;
        }
        Path here = cli.workingDir().resolve(DEFAULT_BATCH_CASE);
        if (Files.isRegularFile(here)) {
            return here;
        }
        Path repo = BatchBench.repoRoot();
        if (repo != null && Files.isRegularFile(repo.resolve(DEFAULT_BATCH_CASE))) {
            return repo.resolve(DEFAULT_BATCH_CASE);
        }
        throw new UsageException("bench batch: " + DEFAULT_BATCH_CASE + " not found here; give the case file");
    }
}
