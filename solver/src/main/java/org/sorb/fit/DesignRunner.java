package org.sorb.fit;

import java.util.List;
import org.sorb.backend.Backend;
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

    /** About how many designs this runner simulates in the time of one ({@link Backend#concurrentDesigns}). */
    default int concurrentDesigns() {
        return 1;
    }
}
