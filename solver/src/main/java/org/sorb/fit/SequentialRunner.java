package org.sorb.fit;

import java.util.ArrayList;
import java.util.List;
import org.sorb.backend.Backend;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.SolverException;

/**
 * Simulates the designs one after the other with single runs: the finite-difference loop a user of a
 * one-simulation-per-call tool runs, kept as the reference the batched Jacobian is tested and timed against.
 */
public final class SequentialRunner implements DesignRunner {
    private final Backend backend;
    private final RunBudget budget;

    public SequentialRunner(Backend backend, RunBudget budget) {
        this.backend = backend;
        this.budget = budget;
    }

    @Override
    public String description() {
        return "one design at a time on " + backend.name();
    }

    @Override
    public List<SimulationResult> run(List<ColumnCase> designs) {
        List<SimulationResult> out = new ArrayList<>(designs.size());
        for (int d = 0; d < designs.size(); d++) {
            try {
                out.add(backend.simulate(designs.get(d), budget, ProgressListener.NONE));
            } catch (SolverException e) {
                throw new FitFailure("simulation of design " + d + " failed on the " + backend.name()
                        + " backend: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
