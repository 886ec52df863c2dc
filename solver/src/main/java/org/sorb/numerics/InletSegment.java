package org.sorb.numerics;

import org.sorb.model.InletPolynomial;
import org.sorb.model.InletSection;

/**
 * A column's current inlet segment from {@link #start()}: per component the cubic
 * c_in,i(t) = value_i + slope_i dt + quadratic_i dt^2 + cubic_i dt^3, dt = t - start ({@link InletPolynomial}).
 * Term p (0 to 3) is the coefficient of dt^p.
 */
public final class InletSegment {
    /** Terms of the cubic: powers 0, 1, 2, 3. */
    public static final int TERMS = 4;

    private final double[][] terms;
    private double start;

    /** A zero inlet at t = 0 for {@code components} components. */
    public InletSegment(int components) {
        terms = new double[TERMS][components];
    }

    /** Sets the segment: start time and the coefficients of dt^0 .. dt^3 per component. */
    public void set(double start, double[] value, double[] slope, double[] quadratic, double[] cubic) {
        this.start = start;
        double[][] from = {value, slope, quadratic, cubic};
        for (int p = 0; p < TERMS; p++) {
            System.arraycopy(from[p], 0, terms[p], 0, terms[p].length);
        }
    }

    /** Sets the segment to inlet section {@code s} starting at {@code start}. */
    public void set(double start, InletSection s) {
        set(start, s.concentration(), s.slope(), s.quadratic(), s.cubic());
    }

    /** Start of the segment (s): the origin of dt. */
    public double start() {
        return start;
    }

    /** Coefficient of dt^p of component i. */
    public double term(int p, int i) {
        return terms[p][i];
    }

    /** Inlet concentration of component i at time t. */
    public double value(int i, double t) {
        return InletPolynomial.value(terms[0][i], terms[1][i], terms[2][i], terms[3][i], t - start);
    }

    /** Exact integral of component i's inlet concentration over [t, t + h] (concentration x s). */
    public double integral(int i, double t, double h) {
        return InletPolynomial.integral(terms[0][i], terms[1][i], terms[2][i], terms[3][i], t - start, h);
    }
}
