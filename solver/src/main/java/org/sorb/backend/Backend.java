package org.sorb.backend;

import java.util.ArrayList;
import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.InvalidModelException;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSteppers;
import org.sorb.numerics.DesignProgress;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;

/** Something that simulates columns: the plain-Java reference or an accelerator. */
public interface Backend extends AutoCloseable {
    /** Short name written to results, e.g. {@code java} or {@code opencl}. */
    String name();

    /** One-line description of the device, for logs and result attributes. */
    String description();

    /**
     * Simulates one column case within a wall-clock budget.
     *
     * @throws org.sorb.numerics.SolverException when a budget is spent or the integration cannot continue
     */
    SimulationResult simulate(ColumnCase columnCase, RunBudget budget, ProgressListener progress);

    /** Simulates one column case without a wall-clock budget. */
    default SimulationResult simulate(ColumnCase columnCase, ProgressListener progress) {
        return simulate(columnCase, RunBudget.UNLIMITED, progress);
    }

    /**
     * Simulates many designs as one batch within a wall-clock budget; one outcome per design, in the order of
     * {@code designs}. A design that fails (a budget, a non-finite state, step size underflow) is recorded with its
     * reason and stops; the others finish. The default runs them one after the other; backends that can do better
     * (threads, OpenCL) override it.
     */
    default List<DesignOutcome> runBatch(List<ColumnCase> designs, RunBudget budget, ProgressListener progress) {
        List<DesignOutcome> out = new ArrayList<>(designs.size());
        int n = designs.size();
        int failed = 0;
        for (int d = 0; d < n; d++) {
            ProgressListener design = ProgressListener.part(progress, d, failed, 1, n);
            try {
                out.add(DesignOutcome.ok(simulate(designs.get(d), budget,
                        (f, m) -> design.designs(new DesignProgress(0, 0, 1, f)))));
            } catch (InvalidModelException e) {
                throw e; // bad input for the whole run (e.g. a grid the backend cannot hold), not one design's failure
            } catch (RuntimeException e) {
                out.add(DesignOutcome.failed(DesignFailedException.reason(e)));
                failed++;
            }
            progress.designs(new DesignProgress(d + 1, failed, n, (d + 1.0) / n));
        }
        return out;
    }

    /**
     * Simulates many designs as one batch without a wall-clock budget, for callers that need every design: results
     * in the order of {@code designs}.
     *
     * @throws DesignFailedException naming the first design that failed (after the others have finished)
     */
    default List<SimulationResult> simulateBatch(List<ColumnCase> designs, ProgressListener progress) {
        return resultsOf(runBatch(designs, RunBudget.UNLIMITED, progress));
    }

    /**
     * The results of {@code outcomes}, in order.
     *
     * @throws DesignFailedException naming the first design that failed
     */
    static List<SimulationResult> resultsOf(List<DesignOutcome> outcomes) {
        List<SimulationResult> out = new ArrayList<>(outcomes.size());
        for (int d = 0; d < outcomes.size(); d++) {
            if (outcomes.get(d).failed()) {
                throw new DesignFailedException(d, outcomes.get(d).failure());
            }
            out.add(outcomes.get(d).result());
        }
        return out;
    }

    /**
     * About how many designs this backend advances in the time of one: a batch up to this size costs about one
     * design's time (threads on the Java path, compute units times vector lanes on an OpenCL CPU device). Callers use
     * it to decide whether simulating extra designs beside the ones they need is free. Default 1.
     */
    default int concurrentDesigns() {
        return 1;
    }

    /**
     * Advances the columns of a simulation that gives their inlets from the host step by step (a treatment's
     * alternating columns). The default is the Java path ({@link ColumnSteppers#JAVA}); a backend with devices opens
     * them per column; the caller closes what this returns before this backend.
     */
    default ColumnSteppers columnSteppers() {
        return ColumnSteppers.JAVA;
    }

    @Override
    default void close() {
    }
}
