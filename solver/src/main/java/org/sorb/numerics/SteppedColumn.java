package org.sorb.numerics;

/**
 * A column advanced in time with an inlet the caller gives segment by segment: the treatment's columns, whose inlet
 * is the patient's plasma. {@link ColumnIntegrator} advances it on the host;
 * {@code org.sorb.numerics.batch.DeviceColumn} on a batch device (the OpenCL kernels).
 */
public interface SteppedColumn {
    /**
     * Sets the inlet from now on: c_in,i(t) = value_i + slope_i dt + quadratic_i dt^2 + cubic_i dt^3, dt = t - now
     * ({@link InletSegment}).
     *
     * @param discontinuous true when the inlet jumps here (the step size restarts small)
     */
    void inlet(double[] value, double[] slope, double[] quadratic, double[] cubic, boolean discontinuous);

    /**
     * Advances to {@code end}, landing on it exactly.
     *
     * @param observer sees every accepted step, or null
     * @throws SolverException when a budget is spent, the step size underflows or a value becomes non-finite
     */
    void advance(double end, StepObserver observer);

    /** Current time (s). */
    double time();

    /** Copy of the current state. */
    double[] state();

    long steps();

    long rejectedSteps();

    long newtonIterations();

    long factorizations();
}
