package org.sorb.fit;

import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;

/** Simulates the designs a fit needs: all of them as one batch, or one after the other. */
public interface DesignRunner {
    /** Short description for reports, e.g. {@code batched on java}. */
    String description();

    /**
     * The results of {@code designs}, in order.
     *
     * @throws FitFailure when a design fails
     */
    List<SimulationResult> run(List<ColumnCase> designs);

    /**
     * True when simulating a point's p perturbed designs beside it costs little more than the point alone (one
     * batch on parallel lanes): then every residual evaluation also simulates its Jacobian's designs, in the same
     * batch, speculatively (most Levenberg-Marquardt trial points are accepted and need their Jacobian next).
     */
    default boolean speculative() {
        return false;
    }
}
