package org.sorb.numerics;

/**
 * In-place LU factorization with partial pivoting of small dense row-major n x n matrices stored in a flat
 * array at an offset: P A = L U. Allocation-free; used for the per-shell blocks of the local elimination.
 */
public final class DenseLu {
    private DenseLu() {
    }

    /**
     * Factors a[off .. off + n*n) in place and writes the pivot rows to piv[pivOff .. pivOff + n).
     *
     * @return false when a pivot is exactly zero (singular matrix)
     */
    public static boolean factor(double[] a, int off, int n, int[] piv, int pivOff) {
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(a[off + k * n + k]);
            for (int r = k + 1; r < n; r++) {
                double v = Math.abs(a[off + r * n + k]);
                if (v > max) {
                    max = v;
                    p = r;
                }
            }
            piv[pivOff + k] = p;
            if (max == 0.0) {
                return false;
            }
            if (p != k) {
                for (int c = 0; c < n; c++) {
                    double t = a[off + k * n + c];
                    a[off + k * n + c] = a[off + p * n + c];
                    a[off + p * n + c] = t;
                }
            }
            double inv = 1.0 / a[off + k * n + k];
            for (int r = k + 1; r < n; r++) {
                double l = a[off + r * n + k] * inv;
                a[off + r * n + k] = l;
                if (l != 0.0) {
                    for (int c = k + 1; c < n; c++) {
                        a[off + r * n + c] -= l * a[off + k * n + c];
                    }
                }
            }
        }
        return true;
    }

    /** Solves A x = b in place in b[bOff .. bOff + n) with the factors from {@link #factor}. */
    public static void solve(double[] a, int off, int n, int[] piv, int pivOff, double[] b, int bOff) {
        for (int k = 0; k < n; k++) {
            int p = piv[pivOff + k];
            if (p != k) {
                double t = b[bOff + k];
                b[bOff + k] = b[bOff + p];
                b[bOff + p] = t;
            }
        }
        for (int r = 1; r < n; r++) {
            double s = b[bOff + r];
            for (int c = 0; c < r; c++) {
                s -= a[off + r * n + c] * b[bOff + c];
            }
            b[bOff + r] = s;
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = b[bOff + r];
            for (int c = r + 1; c < n; c++) {
                s -= a[off + r * n + c] * b[bOff + c];
            }
            b[bOff + r] = s / a[off + r * n + r];
        }
    }
}
