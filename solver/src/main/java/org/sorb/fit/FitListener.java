package org.sorb.fit;

/** Told of each Levenberg-Marquardt iteration, e.g. to print progress. */
public interface FitListener {
    /** Does nothing. */
    FitListener NONE = (iteration, sumOfSquares, values) -> { };

    /**
     * @param iteration    the iteration just finished (from 1)
     * @param sumOfSquares the weighted sum of squares there
     * @param values       the parameter values there (SI), in the order of the fitted keys
     */
    void iteration(int iteration, double sumOfSquares, double[] values);
}
