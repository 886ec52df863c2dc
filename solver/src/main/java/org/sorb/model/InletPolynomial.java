package org.sorb.model;

/**
 * The inlet cubic, written once for the host: c(dt) = c0 + s dt + q dt^2 + k dt^3 in powers of dt = t - start
 * (CADET's CONST_COEFF, LIN_COEFF, QUAD_COEFF, CUBE_COEFF). The kernels' twin is {@code stage_inlet} in
 * {@code kernels/column_stage.cl}. With q = k = 0 both give c0 + s dt to the last bit.
 */
public final class InletPolynomial {
    private InletPolynomial() {
    }

    /** c0 + s dt + q dt^2 + k dt^3, by Horner. */
    public static double value(double c0, double s, double q, double k, double dt) {
        return c0 + dt * (s + dt * (q + dt * k));
    }

    /**
     * Exact integral over [a, a + h] (dt from a to a + h): the cubic re-expanded about a, then
     * h (c(a) + h (c'(a)/2 + h (c''(a)/6 + h k/4))), so a short step late in a long section keeps its digits.
     */
    public static double integral(double c0, double s, double q, double k, double a, double h) {
        double c = value(c0, s, q, k, a);
        double s1 = s + a * (2.0 * q + 3.0 * k * a);
        double q1 = q + 3.0 * k * a;
        return h * (c + h * (s1 / 2.0 + h * (q1 / 3.0 + h * (k / 4.0))));
    }
}
