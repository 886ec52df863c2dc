package org.sorb.metrics;

import java.util.List;

/**
 * The design metrics of a run (one row) or of every design of a sweep, with their grid-error estimates.
 *
 * @param names     metric names (see {@link DesignMetrics})
 * @param units     unit of each metric
 * @param values    [n_design][n_metric]; a failed design's row is NaN
 * @param gridError estimated absolute discretization error [n_design][n_metric], NaN where not estimated
 * @param tolerance relative error above which a metric counts as not converged
 * @param method    how the error was estimated
 * @param notes     per design, why metrics are NaN (empty lists where none is)
 */
public record MetricsReport(List<String> names, List<String> units, double[][] values, double[][] gridError,
                            double tolerance, String method, List<List<String>> notes) {
    public MetricsReport {
        names = List.copyOf(names);
        units = List.copyOf(units);
        notes = List.copyOf(notes);
        if (units.size() != names.size() || gridError.length != values.length || notes.size() != values.length) {
            throw new IllegalArgumentException("metrics report sizes differ");
        }
        for (int d = 0; d < values.length; d++) {
            if (values[d].length != names.size() || gridError[d].length != names.size()) {
                throw new IllegalArgumentException("design " + d + " has a metrics row of another length");
            }
        }
    }

    /** Relative estimated error of metric j of design d, |E| / |M|; NaN when either is NaN or M is 0. */
    public double relativeError(int d, int j) {
        double m = Math.abs(values[d][j]);
        return m > 0.0 ? gridError[d][j] / m : Double.NaN;
    }

    /** True when some metric of design d has a relative error estimate above the tolerance. */
    public boolean flagged(int d) {
        for (int j = 0; j < names.size(); j++) {
            if (relativeError(d, j) > tolerance) {
                return true;
            }
        }
        return false;
    }

    /** The metric of design d with the largest relative error estimate, or -1 when none is estimated. */
    public int worst(int d) {
        int worst = -1;
        double largest = -1.0;
        for (int j = 0; j < names.size(); j++) {
            double r = relativeError(d, j);
            if (r > largest * (1.0 + 1e-9)) { // a tie (DBC_10 and its utilisation) names the first
                largest = r;
                worst = j;
            }
        }
        return worst;
    }
}
