package org.sorb.numerics;

/**
 * The simplified Newton iteration's settings and its test, in one place for {@link EsdirkStepper}, the kernels' Java
 * reference batch device ({@code ReferenceBatchDevice}, through EsdirkStepper) and the kernels (as -D constants, {@code KernelLayout}): a stage converges when
 * eta ||delta|| <= tolerance, with eta = theta / (1 - theta) from the observed contraction theta, or, in the first
 * iteration, the carried eta raised to etaExponent (floored at etaFloor); a contraction theta >= divergenceRate or a
 * non-finite norm fails (Hairer and Wanner, Solving ODEs II, IV.8).
 *
 * @param maxIterations  iterations allowed per stage before the step is retried smaller
 * @param tolerance      bound on eta ||delta|| in the weighted RMS norm
 * @param divergenceRate smallest contraction rate that counts as divergence
 * @param etaExponent    exponent applied to the carried eta for a stage's first iteration
 * @param etaFloor       smallest carried eta
 */
public record NewtonSettings(int maxIterations, double tolerance, double divergenceRate, double etaExponent,
                             double etaFloor) {
    /**
     * Sorb's settings. The tolerance 0.1 is ARKode's and CVODE's default (IDA, under CADET, takes 0.33): the iteration
     * error left in a stage is then a tenth of what the error test allows per step. Against 1e-3 it saved 34 % of the
     * Newton iterations on the protein A case (rel_tol 1e-6) and 36 % on CADET's linear GRM benchmark (64 x 16,
     * rel_tol 1e-5), the time errors within their spread (docs/numerics.md, "Time integration").
     */
    public static final NewtonSettings DEFAULT = new NewtonSettings(8, 0.1, 0.9, 0.8, 1e-16);

    /** Eta of a stage's first iteration from the carried eta. */
    public double firstEta(double carried) {
        return Math.pow(Math.max(carried, etaFloor), etaExponent);
    }

    /** Whether a contraction rate norm_k / norm_{k-1} means divergence. */
    public boolean diverges(double rate) {
        return rate >= divergenceRate;
    }

    /** Eta from a contraction rate that does not diverge. */
    public static double etaOf(double rate) {
        return rate / (1.0 - rate);
    }

    /** Whether an iteration with this eta and correction norm has converged. */
    public boolean converged(double eta, double norm) {
        return eta * norm <= tolerance || norm == 0.0;
    }
}
