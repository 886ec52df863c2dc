package org.sorb.model;

/**
 * Error control of the adaptive implicit time integrator: a step is accepted when the weighted RMS of the
 * local error estimate, with weights 1 / (absTol + relTol |y|), is at most 1.
 *
 * @param absTol      absolute tolerance (concentration units)
 * @param relTol      relative tolerance (-)
 * @param initialStep first step (s)
 * @param maxSteps    step budget: step attempts (accepted and rejected) per column integration, i.e. per simulation,
 *                    per treatment column cycle or regeneration phase, and for a treatment's patient steps
 */
public record TimeIntegration(double absTol, double relTol, double initialStep, int maxSteps) {
    /**
     * Default step budget. The example cases take 2,000-4,000 attempts at the default tolerances, and a run 100 times
     * longer or at tolerances 10^6 times tighter (steps grow as tol^(-1/3)) stays below 400,000; a runaway (a step
     * size stuck far below the physics' time scale) stops after 500,000 attempts, about 4-12 minutes on one core at
     * the default 64 x 8 grid (0.5-1.5 ms per attempt).
     */
    public static final int DEFAULT_MAX_STEPS = 500_000;

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
        return new TimeIntegration(1e-8, 1e-6, 1e-3, DEFAULT_MAX_STEPS);
    }
}
