package org.sorb.model;

/**
 * Work done by the time integrator.
 *
 * @param steps               accepted steps
 * @param rejectedSteps       steps rejected by the error test or by Newton failure
 * @param newtonIterations    Newton iterations over all stages
 * @param jacobianEvaluations Jacobian evaluations and factorizations
 * @param wallSeconds         wall-clock time of the solve (s)
 */
public record SolverStats(long steps, long rejectedSteps, long newtonIterations, long jacobianEvaluations,
                          double wallSeconds) {
}
