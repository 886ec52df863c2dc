package org.sorb.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.sorb.cases.CaseException;
import org.sorb.cases.ParameterizedCase;

/**
 * Standard errors and correlations from the Jacobian at the optimum (linearised least squares):
 * Cov(theta) = s^2 (J^T J)^-1 with s^2 = sum r_i^2 / (n - p), from the singular values of J; se(p) = (dp/dtheta)
 * se(theta) (delta method; for theta = ln p, se(p) = p se(theta)); the correlation does not depend on the transform.
 */
final class Uncertainty {
    /** Smallest singular value of J, relative to the largest, for which (J^T J)^-1 is trusted. */
    static final double SINGULAR_RATIO = 1e-10;
    /** A Jacobian column whose norm is at most this fraction of the largest is a parameter without effect. */
    static final double NO_EFFECT = 1e-12;

    /** Standard errors (SI) and the correlation matrix. */
    record Result(double[] standardErrors, double[][] correlation) {
    }

    private Uncertainty() {
    }

    /**
     * Refuses a fit in which a parameter does not move the model at the start.
     *
     * @throws CaseException naming the parameter (bad input: exit 2)
     */
    static void checkEffect(double[][] j, List<FitParameter> parameters) throws CaseException {
        double[] norms = columnNorms(j, parameters.size());
        double largest = 0;
        int strongest = 0;
        for (int q = 0; q < norms.length; q++) {
            if (norms[q] > largest) {
                largest = norms[q];
                strongest = q;
            }
        }
        for (int q = 0; q < norms.length; q++) {
            if (!(norms[q] > NO_EFFECT * largest) || largest == 0) {
                throw new CaseException(ParameterizedCase.FIELD, parameters.get(q).key() + ", which has no effect "
                        + "on the data (singular Jacobian: a step of " + FitModel.FD_STEP + " in it moves no model "
                        + "value; column norm " + fmt(norms[q]) + (largest > 0 ? " against " + fmt(largest) + " for "
                        + parameters.get(strongest).key() : "") + ")", "parameters the measured curves depend on; "
                        + "remove it from --fit");
            }
        }
    }

    /**
     * The uncertainty at {@code values} from the Jacobian {@code j} there and the sum of squared residuals.
     *
     * @throws FitFailure when J^T J is singular, naming the parameters that take part in the null direction
     */
    static Result at(double[][] j, double rss, List<FitParameter> parameters, double[] values) {
        int n = j.length;
        int p = parameters.size();
        RealMatrix jm = new Array2DRowRealMatrix(j, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(jm);
        double[] s = svd.getSingularValues();
        RealMatrix v = svd.getV();
        if (!(s[p - 1] > SINGULAR_RATIO * s[0])) {
            throw new FitFailure("singular Jacobian at the optimum: " + nullDirection(v.getColumn(p - 1), parameters)
                    + " (singular values " + fmt(s[0]) + " .. " + fmt(s[p - 1]) + "); the data do not determine them "
                    + "apart: fix one, or add a curve that separates them");
        }
        double s2 = n > p ? rss / (n - p) : Double.NaN;
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double sum = 0;
                for (int k = 0; k < p; k++) {
                    sum += v.getEntry(a, k) * v.getEntry(b, k) / (s[k] * s[k]);
                }
                cov[a][b] = s2 * sum;
            }
        }
        double[] se = new double[p];
        double[][] corr = new double[p][p];
        for (int a = 0; a < p; a++) {
            se[a] = parameters.get(a).slope(values[a]) * Math.sqrt(cov[a][a]);
            for (int b = 0; b < p; b++) {
                corr[a][b] = a == b ? 1.0 : cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]);
            }
        }
        return new Result(se, corr);
    }

    /** The parameters with a share above 10 % in the direction the data do not see. */
    private static String nullDirection(double[] direction, List<FitParameter> parameters) {
        List<String> names = new ArrayList<>();
        for (int q = 0; q < direction.length; q++) {
            if (Math.abs(direction[q]) > 0.1) {
                names.add(parameters.get(q).key() + String.format(Locale.ROOT, " (%.2f)", direction[q]));
            }
        }
        return (names.size() == 1 ? "no effect of " : "only a combination of ") + String.join(", ", names)
                + " is seen";
    }

    private static double[] columnNorms(double[][] j, int p) {
        double[] norms = new double[p];
        for (double[] row : j) {
            for (int q = 0; q < p; q++) {
                norms[q] += row[q] * row[q];
            }
        }
        for (int q = 0; q < p; q++) {
            norms[q] = Math.sqrt(norms[q]);
        }
        return norms;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
