package org.sorb.fit;

import java.util.List;

/**
 * One measured outlet curve, in SI units: x values (strictly increasing) and, per x, one concentration per measured
 * component, each with a weight.
 *
 * @param source     the file it came from, for messages
 * @param axis       what x counts
 * @param x          x values in the axis' SI unit, n values
 * @param components the measured components (names of the case's components), m of them
 * @param y          measured concentrations, row-major [n][m], in the case's concentration unit (SI)
 * @param weights    weight of each value, row-major [n][m], >= 0
 * @param lines      the file line of each row (1-based), for messages
 */
public record MeasuredCurve(String source, XAxis axis, double[] x, List<String> components, double[] y,
                            double[] weights, int[] lines) {
    public MeasuredCurve {
        components = List.copyOf(components);
        int n = x.length;
        int m = components.size();
        if (n == 0 || m == 0 || y.length != n * m || weights.length != n * m || lines.length != n) {
            throw new IllegalArgumentException("a curve needs n x values and n x m concentrations and weights");
        }
        for (int k = 1; k < n; k++) {
            if (!(x[k] > x[k - 1])) {
                throw new IllegalArgumentException("x must increase strictly (line " + lines[k] + ")");
            }
        }
        x = x.clone();
        y = y.clone();
        weights = weights.clone();
        lines = lines.clone();
    }

    /** Number of rows. */
    public int size() {
        return x.length;
    }

    /** Measured concentration of component j at row k. */
    public double value(int k, int j) {
        return y[k * components.size() + j];
    }

    /** Weight of the value of component j at row k. */
    public double weight(int k, int j) {
        return weights[k * components.size() + j];
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public int[] lines() {
        return lines.clone();
    }
}
