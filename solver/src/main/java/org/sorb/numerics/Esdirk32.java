package org.sorb.numerics;

/**
 * Butcher tableau of ESDIRK3(2)4L[2]SA (Kennedy and Carpenter, Appl. Numer. Math. 44 (2003) 139, the implicit
 * part of ARK3(2)4L[2]SA): four stages, explicit first stage, diagonal gamma, L-stable, stiffly accurate
 * (b = last row of A), stage order 2, with an embedded second-order solution b_hat for error control.
 */
public final class Esdirk32 {
    /** Diagonal coefficient gamma. */
    public static final double GAMMA = 1767732205903.0 / 4055673282236.0;
    /** Number of stages. */
    public static final int STAGES = 4;
    /** Order of the embedded solution plus one: the exponent base of the step-size controller. */
    public static final int ERROR_ORDER = 3;

    /** Stage times c_i. */
    public static final double[] C = {0.0, 2.0 * GAMMA, 3.0 / 5.0, 1.0};

    /** Coefficients a_ij, row-major 4 x 4 (lower triangle and diagonal). */
    public static final double[] A = {
        0.0, 0.0, 0.0, 0.0,
        GAMMA, GAMMA, 0.0, 0.0,
        2746238789719.0 / 10658868560708.0, -640167445237.0 / 6845629431997.0, GAMMA, 0.0,
        1471266399579.0 / 7840856788654.0, -4482444167858.0 / 7529755066697.0,
        11266239266428.0 / 11593286722821.0, GAMMA
    };

    /** Weights of the third-order solution (the last row of A). */
    public static final double[] B = {A[12], A[13], A[14], A[15]};

    /** Weights of the embedded second-order solution. */
    public static final double[] B_HAT = {
        2756255671327.0 / 12835298489170.0, -10771552573575.0 / 22201958757719.0,
        9247589265047.0 / 10645013368117.0, 2193209047091.0 / 5459859503100.0
    };

    private Esdirk32() {
    }

    /**
     * Cubic Lagrange interpolation at relative time theta in [0, 1] through values at the stage times C_j
     * (the stage values, stage order 2): the dense output of a step.
     */
    public static double interpolate(double theta, double v0, double v1, double v2, double v3) {
        double value = 0.0;
        for (int j = 0; j < STAGES; j++) {
            double l = 1.0;
            for (int m = 0; m < STAGES; m++) {
                if (m != j) {
                    l *= (theta - C[m]) / (C[j] - C[m]);
                }
            }
            value += l * (j == 0 ? v0 : j == 1 ? v1 : j == 2 ? v2 : v3);
        }
        return value;
    }

    /** a_ij. */
    public static double a(int i, int j) {
        return A[i * STAGES + j];
    }
}
