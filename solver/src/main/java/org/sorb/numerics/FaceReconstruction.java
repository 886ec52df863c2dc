package org.sorb.numerics;

import org.sorb.model.ConvectionScheme;

/**
 * Upwind-biased value at the face between cells i and i+1 from (c_{i-1}, c_i, c_{i+1}), flow towards i+1,
 * and its derivatives with respect to those three values.
 */
public final class FaceReconstruction {
    /** WENO smoothness regularisation, CADET's default (WENO_EPS). */
    public static final double WENO_EPSILON = 1e-10;

    private FaceReconstruction() {
    }

    /**
     * Face value for the given scheme.
     *
     * <p>WENO3: v = (w0 (3 c_i - c_{i-1}) / 2 + w1 (c_i + c_{i+1}) / 2), w_k = a_k / (a_0 + a_1),
     * a_0 = (1/3) / (eps + (c_i - c_{i-1})^2)^2, a_1 = (2/3) / (eps + (c_{i+1} - c_i)^2)^2.
     * Koren: v = c_i + psi / 2, psi = s min(2 |d1|, (|d0| + 2 |d1|) / 3, 2 |d0|) when d0 d1 > 0 else 0,
     * d0 = c_i - c_{i-1}, d1 = c_{i+1} - c_i.
     */
    public static double value(ConvectionScheme scheme, double cm, double c0, double cp) {
        switch (scheme) {
            case WENO3: {
                // (a0 v0 + a1 v1) / (a0 + a1) with numerator and denominator times 3 p0 p1: one division, not three
                double s0 = WENO_EPSILON + (c0 - cm) * (c0 - cm);
                double s1 = WENO_EPSILON + (cp - c0) * (cp - c0);
                double p0 = s0 * s0;
                double p1 = s1 * s1;
                double v0 = 1.5 * c0 - 0.5 * cm;
                double v1 = 0.5 * c0 + 0.5 * cp;
                return (p1 * v0 + 2.0 * p0 * v1) / (p1 + 2.0 * p0);
            }
            case KOREN: {
                double d0 = c0 - cm;
                double d1 = cp - c0;
                if (d0 * d1 <= 0.0) {
                    return c0;
                }
                double a0 = Math.abs(d0);
                double a1 = Math.abs(d1);
                double m = Math.min(2.0 * a1, Math.min((a0 + 2.0 * a1) / 3.0, 2.0 * a0));
                return c0 + 0.5 * Math.copySign(m, d0);
            }
            default:
                return c0;
        }
    }

    /** Derivatives dv/dc_{i-1}, dv/dc_i, dv/dc_{i+1} into {@code d[off..off+2]}. */
    public static void derivative(ConvectionScheme scheme, double cm, double c0, double cp, double[] d, int off) {
        switch (scheme) {
            case WENO3: {
                double e0 = c0 - cm;
                double e1 = cp - c0;
                double s0 = WENO_EPSILON + e0 * e0;
                double s1 = WENO_EPSILON + e1 * e1;
                double a0 = (1.0 / 3.0) / (s0 * s0);
                double a1 = (2.0 / 3.0) / (s1 * s1);
                double sum = a0 + a1;
                double w0 = a0 / sum;
                double w1 = a1 / sum;
                double v0 = 1.5 * c0 - 0.5 * cm;
                double v1 = 0.5 * c0 + 0.5 * cp;
                // da0/de0 = -4 a0 e0 / s0, da1/de1 = -4 a1 e1 / s1; dw0 = (a1 da0 - a0 da1) / sum^2
                double da0de0 = -4.0 * a0 * e0 / s0;
                double da1de1 = -4.0 * a1 * e1 / s1;
                double dw0de0 = a1 * da0de0 / (sum * sum);
                double dw0de1 = -a0 * da1de1 / (sum * sum);
                double dv = v0 - v1;
                // e0 = c0 - cm, e1 = cp - c0
                double dw0dcm = -dw0de0;
                double dw0dc0 = dw0de0 - dw0de1;
                double dw0dcp = dw0de1;
                d[off] = -0.5 * w0 + dv * dw0dcm;
                d[off + 1] = 1.5 * w0 + 0.5 * w1 + dv * dw0dc0;
                d[off + 2] = 0.5 * w1 + dv * dw0dcp;
                return;
            }
            case KOREN: {
                double d0 = c0 - cm;
                double d1 = cp - c0;
                d[off] = 0.0;
                d[off + 1] = 1.0;
                d[off + 2] = 0.0;
                if (d0 * d1 <= 0.0) {
                    return;
                }
                double a0 = Math.abs(d0);
                double a1 = Math.abs(d1);
                double lim1 = 2.0 * a1;
                double lim2 = (a0 + 2.0 * a1) / 3.0;
                double lim3 = 2.0 * a0;
                // psi = sign(d0) * min(...); with equal signs sign(d0) |d| = d
                double dpsiDd0;
                double dpsiDd1;
                if (lim1 <= lim2 && lim1 <= lim3) {
                    dpsiDd0 = 0.0;
                    dpsiDd1 = 2.0;
                } else if (lim2 <= lim3) {
                    dpsiDd0 = 1.0 / 3.0;
                    dpsiDd1 = 2.0 / 3.0;
                } else {
                    dpsiDd0 = 2.0;
                    dpsiDd1 = 0.0;
                }
                d[off] = -0.5 * dpsiDd0;
                d[off + 1] = 1.0 + 0.5 * (dpsiDd0 - dpsiDd1);
                d[off + 2] = 0.5 * dpsiDd1;
                return;
            }
            default:
                d[off] = 0.0;
                d[off + 1] = 1.0;
                d[off + 2] = 0.0;
        }
    }
}
