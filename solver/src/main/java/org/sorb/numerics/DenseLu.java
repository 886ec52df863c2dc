package org.sorb.numerics;

/**
 * In-place LU factorization with partial pivoting of small dense row-major n x n matrices stored in a flat
 * array at an offset, rows {@code stride} apart (a corner of a larger block when stride > n): P A = L U.
 * Allocation-free; used for the per-shell blocks of the local elimination and the bound blocks of a particle.
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
        return factor(a, off, n, n, piv, pivOff);
    }

    /** As {@link #factor(double[], int, int, int[], int)}, rows {@code stride} apart. */
    public static boolean factor(double[] a, int off, int n, int stride, int[] piv, int pivOff) {
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(a[off + k * stride + k]);
            for (int r = k + 1; r < n; r++) {
                double v = Math.abs(a[off + r * stride + k]);
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
                    double t = a[off + k * stride + c];
                    a[off + k * stride + c] = a[off + p * stride + c];
                    a[off + p * stride + c] = t;
                }
            }
            double inv = 1.0 / a[off + k * stride + k];
            for (int r = k + 1; r < n; r++) {
                double l = a[off + r * stride + k] * inv;
                a[off + r * stride + k] = l;
                if (l != 0.0) {
                    for (int c = k + 1; c < n; c++) {
                        a[off + r * stride + c] -= l * a[off + k * stride + c];
                    }
                }
            }
        }
        return true;
    }

    /** Solves A x = b in place in b[bOff .. bOff + n) with the factors from {@link #factor}. */
    public static void solve(double[] a, int off, int n, int[] piv, int pivOff, double[] b, int bOff) {
        solve(a, off, n, n, piv, pivOff, b, bOff);
    }

    /** As {@link #solve(double[], int, int, int[], int, double[], int)}, rows {@code stride} apart. */
    public static void solve(double[] a, int off, int n, int stride, int[] piv, int pivOff, double[] b, int bOff) {
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
                s -= a[off + r * stride + c] * b[bOff + c];
            }
            b[bOff + r] = s;
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = b[bOff + r];
            for (int c = r + 1; c < n; c++) {
                s -= a[off + r * stride + c] * b[bOff + c];
            }
            b[bOff + r] = s / a[off + r * stride + r];
        }
    }
}
