package org.sorb.fit;

/**
 * Stopping rules of a fit.
 *
 * @param maxIterations    most Levenberg-Marquardt iterations
 * @param maxEvaluations   most residual evaluations
 * @param costTolerance    stop when the sum of squares changes by less than this fraction in an iteration
 * @param stepTolerance    stop when no theta moves by more than this in an iteration (relative for log parameters)
 * @param defaultRange     without --bounds a log parameter stays within start / range .. start x range
 */
public record FitSettings(int maxIterations, int maxEvaluations, double costTolerance, double stepTolerance,
                          double defaultRange) {
    /** 50 iterations, 200 evaluations, 1e-6 in the cost, 1e-5 in theta, a factor 1000 either side of the start. */
    public static final FitSettings DEFAULT = new FitSettings(50, 200, 1e-6, 1e-5, 1e3);

    public FitSettings {
        if (maxIterations < 1 || maxEvaluations < 2) {
            throw new IllegalArgumentException("a fit needs at least 1 iteration and 2 evaluations");
        }
        if (!(costTolerance > 0) || !(stepTolerance > 0) || !(defaultRange > 1)) {
            throw new IllegalArgumentException("tolerances must be > 0 and the default range > 1");
        }
    }
}
