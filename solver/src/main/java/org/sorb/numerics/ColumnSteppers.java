package org.sorb.numerics;

import org.sorb.model.TimeIntegration;

/**
 * Makes the {@link SteppedColumn}s of a simulation that advances several physical columns with host-given inlets
 * (a treatment's alternating columns), and owns whatever they run on: {@link #JAVA} makes {@link ColumnIntegrator}s;
 * {@code org.sorb.numerics.batch.DeviceColumns} makes columns on batch devices, opened once per physical column and
 * closed with this.
 */
@FunctionalInterface
public interface ColumnSteppers extends AutoCloseable {
    /** The Java path: a {@link ColumnIntegrator} per start, nothing to close. */
    ColumnSteppers JAVA = (unit, equations, tolerances, budget, y0, t0) ->
            new ColumnIntegrator(equations, tolerances, budget, y0, t0);

    /**
     * A column of physical column {@code unit} with {@code equations} (its flow and binding for this phase), from
     * state {@code y0} at time {@code t0}; it replaces any column this made for the unit before.
     *
     * @throws SolverException when y0 holds a NaN or an infinity
     */
    SteppedColumn start(int unit, ColumnEquations equations, TimeIntegration tolerances, RunBudget budget,
                        double[] y0, double t0);

    /** Releases what the columns ran on; the columns made are unusable afterwards. */
    @Override
    default void close() {
    }
}
