package org.sorb.fit;

import java.util.ArrayList;
import java.util.List;
import org.sorb.backend.Backend;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;

/** Simulates all designs through the backend's batch entry point (threads on Java, one batch on OpenCL). */
public final class BatchRunner implements DesignRunner {
    private final Backend backend;
    private final RunBudget budget;
    private final ProgressListener progress;

    public BatchRunner(Backend backend, RunBudget budget, ProgressListener progress) {
        this.backend = backend;
        this.budget = budget;
        this.progress = progress;
    }

    /** As the backend's. */
    @Override
    public int concurrentDesigns() {
        return backend.concurrentDesigns();
    }

    @Override
    public String description() {
        return "batched on " + backend.name();
    }

    @Override
    public List<SimulationResult> run(List<ColumnCase> designs) {
        List<DesignOutcome> outcomes = backend.runBatch(designs, budget, progress);
        List<SimulationResult> out = new ArrayList<>(outcomes.size());
        for (int d = 0; d < outcomes.size(); d++) {
            if (outcomes.get(d).failed()) {
                throw new FitFailure("simulation of design " + d + " of a batch of " + designs.size()
                        + " failed on the " + backend.name() + " backend: " + outcomes.get(d).failure());
            }
            out.add(outcomes.get(d).result());
        }
        return out;
    }
}
