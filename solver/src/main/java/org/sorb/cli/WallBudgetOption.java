package org.sorb.cli;

import org.sorb.cases.CaseException;
import org.sorb.cases.QuantityKind;
import org.sorb.cases.Units;
import org.sorb.numerics.RunBudget;
import picocli.CommandLine.Option;

/** The {@code --max-wall DURATION} option of the commands that simulate: a wall-clock budget for the run. */
final class WallBudgetOption {
    static final String OPTION = "--max-wall";

    @Option(names = OPTION, paramLabel = "DURATION",
            description = "Wall-clock budget of the run, e.g. 2h, '90 min', 30s (default: none). When it is spent "
                    + "the run stops with exit status 1: a single run writes nothing; a sweep writes the designs "
                    + "that finished and records the others as failed.")
    private String maxWall;

    /**
     * The budget counted from {@code startNanos} (a {@link System#nanoTime} reading), or no limit without the option.
     *
     * @throws UsageException when DURATION is not a time > 0
     */
    RunBudget budget(long startNanos) throws UsageException {
        if (maxWall == null) {
            return RunBudget.UNLIMITED;
        }
        double seconds;
        try {
            seconds = Units.toSi(OPTION, maxWall, QuantityKind.TIME, "> 0").si();
        } catch (CaseException e) {
            throw new UsageException(e.getMessage());
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new UsageException(OPTION + ": got " + maxWall + ", expected " + QuantityKind.TIME.describe("> 0"));
        }
        return RunBudget.wallClock(seconds, startNanos);
    }
}
