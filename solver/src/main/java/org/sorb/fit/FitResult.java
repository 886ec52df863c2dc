package org.sorb.fit;

import java.util.List;
import org.sorb.cases.LoadedCase;

/**
 * What a fit found.
 *
 * @param parameters     the fitted parameters (key, start, bounds)
 * @param values         best-fit values (SI)
 * @param standardErrors their standard errors (SI), NaN where not determined
 * @param correlation    correlation matrix [p][p] from the Jacobian at the optimum
 * @param cost           sum of squared weighted residuals at the optimum
 * @param curves         per experiment: measured against fitted
 * @param iterations     Levenberg-Marquardt iterations
 * @param evaluations    residual evaluations (each one batch of one design per experiment)
 * @param simulations    column simulations in all
 * @param converged      true when a convergence test was met
 * @param reason         why the fit stopped, one line
 * @param wallSeconds    wall time of the fit
 * @param fittedCase     the case with the best-fit values (its resolved YAML is a ready case file)
 * @param runner         how the designs were simulated
 */
public record FitResult(List<FitParameter> parameters, double[] values, double[] standardErrors,
                        double[][] correlation, double cost, List<CurveFit> curves, int iterations, int evaluations,
                        long simulations, boolean converged, String reason, double wallSeconds,
                        LoadedCase fittedCase, String runner) {
    public FitResult {
        parameters = List.copyOf(parameters);
        curves = List.copyOf(curves);
        values = values.clone();
        standardErrors = standardErrors.clone();
    }

    /** The fitted keys, in order. */
    public List<String> keys() {
        return parameters.stream().map(FitParameter::key).toList();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }
}
