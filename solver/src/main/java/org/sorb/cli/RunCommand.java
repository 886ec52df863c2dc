package org.sorb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sorb.backend.Backend;
import org.sorb.cadet.CadetResultWriter;
import org.sorb.cases.LoadedCase;
import org.sorb.cases.LoadedSweep;
import org.sorb.io.MetricsFileReader;
import org.sorb.io.ResultWriter;
import org.sorb.metrics.MetricsReport;
import org.sorb.model.InvalidModelException;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;
import org.sorb.numerics.RunBudget;
import org.sorb.shard.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sorb run}: loads a case, simulates it on a backend and writes the HDF5 result; a case with a
 * {@code sweep:} section runs all its designs as one batch and writes the sweep layout, with the designs that
 * failed recorded as such (exit status 1 when any did).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate a case (or every design of a sweep case) and write the result as HDF5 (nothing "
                + "is written when the run fails).", "A case with a patient: section is a treatment case (see sorb treat)."})
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

    @Mixin
    private BackendChoice backendChoice;

    @Mixin
    private WallBudgetOption wallBudget;

    @Mixin
    private ShardOptions shardOptions;

    @Option(names = "--format", paramLabel = "sorb|cadet", defaultValue = "sorb",
            description = "cadet: also write the result in CADET's layout into the same file (/input as a CADET v5 "
                    + "input, /output/solution/SOLUTION_TIMES and unit_XXX/SOLUTION_OUTLET), for CADET-Python and "
                    + "CADET-Process scripts. Default: ${DEFAULT-VALUE}.")
    private String format;

    /** Designs of a sweep whose failure the summary spells out; the rest are counted. */
    static final int FAILURES_LISTED = 5;

    @Override
    public Integer call() {
        return Failures.guard(spec, this::run);
    }

    private int run() throws Exception {
        RunBudget budget = wallBudget.budget(System.nanoTime());
        backendChoice.check(cli.backends());
        if (!format.equals("sorb") && !format.equals("cadet")) {
            throw new UsageException("--format: got " + format + ", expected sorb or cadet");
        }
        boolean treatment = caseArguments.isTreatment(cli.workingDir());
        if (cadetFormat() && (treatment || caseArguments.isSweep(cli.workingDir()))) {
            throw new UsageException("--format cadet: writes a single column run; a " + (treatment ? "treatment"
                    : "sweep") + " case has no CADET layout");
        }
        if (treatment && shardOptions.sharded()) {
            throw new UsageException("--shard: a treatment case is one simulation and cannot be split into shards");
        }
        if (treatment) {
            return TreatRunner.run(cli, caseArguments, output, budget, backendChoice, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (caseArguments.isSweep(cli.workingDir())) {
            return runSweep(caseArguments.loadSweep(cli.workingDir()), budget);
        }
        if (shardOptions.sharded()) {
            throw new UsageException("--shard: the case has no sweep: section, so there is nothing to split");
        }
        return runSingle(caseArguments.load(cli.workingDir()), budget);
    }

    private int runSingle(LoadedCase loaded, RunBudget budget) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = outputPath(loaded.model().name());
        shardOptions.check(target);
        if (target.equals(caseArguments.file(cli.workingDir()))) {
            throw new UsageException("-o " + target + ": is the case file itself (choose another output file)");
        }
        CadetResultWriter cadet = cadetFormat() ? CadetResultWriter.content(loaded.model(),
                caseArguments.cadetNetwork(cli.workingDir(), loaded.model().column().superficialVelocity())) : null;
        SimulationResult result;
        SimulationResult companion;
        String name;
        String description;
        try (Backend b = open(err, 1)) {
            name = b.name();
            description = b.description();
            result = simulate(b, loaded, budget, err);
            companion = MetricsStep.companion(b, loaded, budget);
        }
        MetricsReport metrics = MetricsStep.single(loaded, result, companion);
        ResultWriter.write(target, loaded, result, name, description, metrics,
                cadet == null ? null : file -> cadet.writeTo(file, result));
        SolverStats s = result.stats();
        out.println("wrote " + target);
        out.println(String.format(Locale.ROOT, "mass balance: relative error %.2e", result.massBalance().relativeError()));
        out.println("steps: " + s.steps() + " accepted, " + s.rejectedSteps() + " rejected, " + s.newtonIterations()
                + " Newton iterations, " + s.jacobianEvaluations() + " Jacobian evaluations");
        out.println(String.format(Locale.ROOT, "wall time: %.2f s on %s (%s)", s.wallSeconds(), name, description));
        MetricsStep.printSingle(out, metrics);
        out.flush();
        MetricsStep.warnSingle(err, metrics, loaded.model());
        return 0;
    }

    private int runSweep(LoadedSweep sweep, RunBudget budget) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Shard shard = shardOptions.shard(System.getenv());
        int[] rows = shard.designs(sweep.size());
        if (rows.length == 0) {
            throw new UsageException("--shard " + shard.label() + ": the sweep has only " + sweep.size()
                    + " designs, so this shard has none (use at most " + sweep.size() + " shards)");
        }
        Path target = OutputTarget.resolve(cli.workingDir(), output, cli.workingDir().resolve(
                shard.fileName(OutputTarget.fileName(sweep.base().model().name(), ""))));
        shardOptions.check(target);
        SweepTally tally;
        String name;
        String description;
        long started = System.nanoTime();
        try (Backend b = open(err, rows.length)) {
            name = b.name();
            description = b.description();
            ProgressPrinter progress = new ProgressPrinter(err, cli.terminal(), System::nanoTime);
            try {
                tally = new SweepRunner(b, budget, progress, err).run(sweep, shard, target,
                        shardOptions.blockSize(name, backendChoice.threads() > 0 ? backendChoice.threads() : Runtime.getRuntime().availableProcessors()));
            } finally {
                progress.finish();
            }
        }
        double wall = (System.nanoTime() - started) * 1e-9;
        List<SweepTally.Failure> failed = tally.failures();
        int n = tally.designs();
        out.println("wrote " + target);
        out.println("sweep: " + sweep.mode() + ", " + n + " designs of " + String.join(", ", sweep.names())
                + (shard.whole() ? "" : " (shard " + shard.label() + " of " + sweep.size() + " designs)"));
        if (!failed.isEmpty()) {
            out.println("failed: " + failed.size() + " of " + n + " designs (/sweep/failed, "
                    + "/sweep/failure_reason; their outlet rows are NaN)");
            for (int i = 0; i < Math.min(FAILURES_LISTED, failed.size()); i++) {
                SweepTally.Failure f = failed.get(i);
                out.println("  design " + f.design() + " (" + sweep.describe(f.design()) + "): " + f.reason());
            }
            if (failed.size() > FAILURES_LISTED) {
                out.println("  ... and " + (failed.size() - FAILURES_LISTED) + " more");
            }
        }
        if (failed.size() < n) {
            out.println(String.format(Locale.ROOT, "mass balance: worst relative error %.2e", tally.worstMassBalance()));
        }
        out.println("steps: " + tally.steps() + " accepted over all designs");
        out.println(String.format(Locale.ROOT, "wall time: %.2f s on %s (%s), %.3g designs/s", wall, name,
                description, n / wall));
        MetricsReport metrics = MetricsFileReader.read(target);
        if (metrics != null) {
            MetricsStep.printSweep(out, metrics);
        }
        out.flush();
        if (metrics != null) {
            MetricsStep.warnSweep(err, metrics, sweep, rows);
        }
        if (!failed.isEmpty()) {
            err.println("error: " + failed.size() + " of " + n + " designs failed (first: design "
                    + failed.get(0).design() + "); the results of the others are in " + target);
            err.flush();
            return 1;
        }
        return 0;
    }

    private boolean cadetFormat() {
        return format.equals("cadet");
    }

    /** Opens the chosen backend for {@code designs} (a named --device counts as a batch, so auto opens it). */
    private Backend open(PrintWriter err, int designs) throws Exception {
        return backendChoice.open(cli.backends(), err, backendChoice.deviceNamed() ? 2 : designs);
    }

    private SimulationResult simulate(Backend b, LoadedCase loaded, RunBudget budget, PrintWriter err)
            throws RunFailure {
        ProgressPrinter progress = new ProgressPrinter(err, cli.terminal(), System::nanoTime);
        try {
            return b.simulate(loaded.model(), budget, progress);
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
        return OutputTarget.resolve(cli.workingDir(), output, cli.workingDir().resolve(OutputTarget.fileName(caseName,
                ".h5")));
    }
}
