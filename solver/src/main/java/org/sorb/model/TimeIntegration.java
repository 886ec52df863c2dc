package org.sorb.model;

/**
 * Error control of the adaptive implicit time integrator: a step is accepted when the weighted RMS of the
 * local error estimate, with weights 1 / (absTol + relTol |y|), is at most 1.
 *
 * @param absTol      absolute tolerance (concentration units)
 * @param relTol      relative tolerance (-)
 * @param initialStep first step (s)
 * @param maxSteps    step budget per simulation
 */
public record TimeIntegration(double absTol, double relTol, double initialStep, int maxSteps) {
    public TimeIntegration {
        Checks.positive("solver.abs_tol", absTol);
        Checks.positive("solver.rel_tol", relTol);
        Checks.positive("solver.initial_step", initialStep);
        if (maxSteps < 1) {
            throw new InvalidModelException("solver.max_steps", Integer.toString(maxSteps), "an integer >= 1");
        }
    }

    /** Defaults tight enough for verification-grade outlet curves. */
    public static TimeIntegration defaults() {
        return new TimeIntegration(1e-8, 1e-6, 1e-3, 10_000_000);
    }
}
