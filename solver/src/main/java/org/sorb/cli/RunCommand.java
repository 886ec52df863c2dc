package org.sorb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sorb.backend.Backend;
import org.sorb.cases.LoadedCase;
import org.sorb.io.ResultWriter;
import org.sorb.model.InvalidModelException;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sorb run}: loads a case, simulates it on a backend and writes the HDF5 result. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate a case and write the result as HDF5 (nothing is written when the run fails).",
                "A case with a patient: section is a treatment case (see sorb treat)."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CaseArguments caseArguments;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.h5",
            description = "Result file (default: the case name with .h5, in the working directory).")
    private Path output;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.AUTO,
            description = "auto (best available), java or opencl (default: ${DEFAULT-VALUE}).")
    private String backend;

    @Override
    public Integer call() {
        return Failures.guard(spec.commandLine().getErr(), this::run);
    }

    private int run() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!cli.backends().choices().contains(backend)) {
            throw new UsageException("unknown backend '" + backend + "', expected one of "
                    + String.join(", ", cli.backends().choices()));
        }
        if (caseArguments.isTreatment(cli.workingDir())) {
            if (!backend.equals(Backends.AUTO) && !backend.equals("java")) {
                err.println("note: treatment cases run on the Java path");
            }
            return TreatRunner.run(cli, caseArguments, output, out, err);
        }
        LoadedCase loaded = caseArguments.load(cli.workingDir());
        Path target = outputPath(loaded.model().name());
        Backends.Selection selection = cli.backends().select(backend);
        if (selection.notice() != null) {
            err.println(selection.notice());
            err.flush();
        }
        SimulationResult result;
        String name;
        String description;
        try (Backend b = selection.backend()) {
            name = b.name();
            description = b.description();
            result = simulate(b, loaded, err);
        }
        ResultWriter.write(target, loaded, result, name, description);
        SolverStats s = result.stats();
        out.println("wrote " + target);
        out.println(String.format(Locale.ROOT, "mass balance: relative error %.2e", result.massBalance().relativeError()));
        out.println("steps: " + s.steps() + " accepted, " + s.rejectedSteps() + " rejected, " + s.newtonIterations()
                + " Newton iterations, " + s.jacobianEvaluations() + " Jacobian evaluations");
        out.println(String.format(Locale.ROOT, "wall time: %.2f s on %s (%s)", s.wallSeconds(), name, description));
        out.flush();
        return 0;
    }

    private SimulationResult simulate(Backend b, LoadedCase loaded, PrintWriter err) throws RunFailure {
        ProgressPrinter progress = new ProgressPrinter(err, cli.terminal(), System::nanoTime);
        try {
            return b.simulate(loaded.model(), progress);
        } catch (InvalidModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunFailure("simulation failed on the " + b.name() + " backend: " + Failures.describe(e), e);
        } finally {
            progress.finish();
        }
    }

    /** The result path: {@code -o} against the working directory, or the case name with {@code .h5} there. */
    private Path outputPath(String caseName) throws UsageException {
        Path target = output != null ? cli.workingDir().resolve(output).normalize()
                : cli.workingDir().resolve(caseName.replaceAll("[^A-Za-z0-9._-]", "_") + ".h5");
        if (Files.isDirectory(target)) {
            throw new UsageException("output path is a directory: " + target);
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException("output directory does not exist: " + dir);
        }
        return target;
    }
}
