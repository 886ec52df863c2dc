package org.sorb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sorb.bench.ReferenceBenchmark;
import org.sorb.io.CadetReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sorb bench reference FILE}: time to solution against a CADET reference file on the Java path. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. 'reference FILE': median wall time and max outlet error against a CADET "
                + "reference file (linear single-column cases), per grid and tolerance.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", description = "Benchmark kind: reference")
    private String kind;

    @Parameters(index = "1", description = "CADET reference file (e.g. ../shared/reference/casema_GRM_dynLin_1comp_benchmark1.h5)")
    private Path file;

    @Option(names = "--grid", split = ",", defaultValue = "64x8@1e-5,64x16@1e-5,256x32@1e-7",
            description = "Configurations NZxNR@REL_TOL (abs tol = 1e-4 rel tol), comma-separated. Default: ${DEFAULT-VALUE}")
    private List<String> grids;

    @Option(names = "--repeats", defaultValue = "5", description = "Measured runs per configuration (median reported).")
    private int repeats;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured warm-up runs per configuration.")
    private int warmup;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Failures.guard(spec.commandLine().getErr(), () -> {
            if (!"reference".equals(kind)) {
                throw new UsageException("bench: unknown kind '" + kind + "', expected: reference");
            }
            CadetReference ref;
            try {
                ref = CadetReference.read(cli.workingDir().resolve(file).normalize());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            out.printf("reference: %s (%s)%n", file.getFileName(), ref.model().key());
            out.printf("java %s, %d cores, repeats %d (median), warm-up %d%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), repeats, warmup);
            out.println("| cells (axial x particle) | rel tol | max abs error | median time (s) | min time (s) | steps |");
            out.println("|---|---|---|---|---|---|");
            for (ReferenceBenchmark.Measurement m : ReferenceBenchmark.run(ref, grids, warmup, repeats)) {
                out.printf("| %d x %d | %.0e | %.2e | %.3f | %.3f | %d |%n", m.axialCells(), m.particleCells(),
                        m.relTol(), m.maxError(), m.medianSeconds(), m.minSeconds(), m.steps());
                out.flush();
            }
            return 0;
        });
    }
}
