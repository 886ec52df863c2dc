package org.sorb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.sorb.backend.Backend;
import org.sorb.cases.LoadedTreatment;
import org.sorb.io.TreatmentResultWriter;
import org.sorb.model.InvalidModelException;
import org.sorb.treatment.Schedule;
import org.sorb.numerics.ColumnSteppers;
import org.sorb.numerics.RunBudget;
import org.sorb.treatment.TreatmentResult;
import org.sorb.treatment.TreatmentSimulator;

/**
 * Runs a treatment case on the chosen backend and writes its HDF5 result; shared by {@code run} and {@code treat}.
 * {@code auto} keeps the Java path (a treatment is one simulation); {@code opencl} advances its columns on the
 * OpenCL kernels ({@link Backend#columnSteppers}).
 */
final class TreatRunner {
    private TreatRunner() {
    }

    static int run(SorbCli cli, CaseArguments args, Path output, RunBudget budget, BackendChoice choice,
                   PrintWriter out, PrintWriter err) throws Exception {
        choice.check(cli.backends());
        LoadedTreatment loaded = args.loadTreatment(cli.workingDir());
        Path target = OutputTarget.resolve(cli.workingDir(), output,
                cli.workingDir().resolve(OutputTarget.fileName(loaded.model().name(), ".h5")));
        err.println("[sorb] treatment " + loaded.model().name() + ": plasma volume "
                + String.format(Locale.ROOT, "%.2f L", loaded.model().patient().plasmaVolume() * 1e3) + ", "
                + loaded.model().operation().columns() + " column(s), " + loaded.model().schedule().sessions()
                + " session(s)");
        err.flush();
        TreatmentResult result;
        String name;
        String description;
        try (Backend backend = choice.open(cli.backends(), err, 1);
             ColumnSteppers steppers = backend.columnSteppers()) {
            name = backend.name();
            description = backend.description();
            err.println("[sorb] columns on the " + name + " backend (" + description + ")");
            err.flush();
            ProgressPrinter progress = new ProgressPrinter(err, cli.terminal(), System::nanoTime);
            try {
                result = new TreatmentSimulator(loaded.model(), line -> {
                    progress.finish();
                    err.println("[sorb] " + line);
                    err.flush();
                }, steppers).run(budget, progress);
            } catch (InvalidModelException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new RunFailure("treatment simulation failed: " + Failures.describe(e), e);
            } finally {
                progress.finish();
            }
        }
        TreatmentResultWriter.write(target, loaded, result, name, description);
        out.println("wrote " + target);
        for (int s = 0; s < result.sessionStart().length; s++) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "session %d: %.2f plasma volumes in "
                    + "%.2f h; reduction", s + 1, result.sessionVolume()[s] / loaded.model().patient().plasmaVolume(),
                    (result.sessionEnd()[s] - result.sessionStart()[s]) / 3600.0));
            for (int k = 0; k < result.nSpecies(); k++) {
                b.append(String.format(Locale.ROOT, " %s %.1f%%", result.species().get(k), 100 * result.reduction(s, k)));
            }
            Schedule schedule = loaded.model().schedule();
            if (!schedule.reachedTarget(result.sessionVolume()[s], loaded.model().patient().plasmaVolume())) {
                b.append(String.format(Locale.ROOT, "; stopped at schedule.max_duration (%.2f h) before the target "
                        + "of %.2f plasma volumes", schedule.maxDuration() / 3600.0, schedule.plasmaVolumes()));
            }
            out.println(b);
        }
        out.println(String.format(Locale.ROOT, "mass balance: relative error %.2e", result.balance().relativeError()));
        out.println(String.format(Locale.ROOT, "cycles: %d; wall time: %.2f s on %s (%s)", result.cycles().size(),
                result.wallSeconds(), name, description));
        out.flush();
        return 0;
    }
}
