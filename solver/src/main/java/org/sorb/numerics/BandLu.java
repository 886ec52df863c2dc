package org.sorb.numerics;

/**
 * Banded LU factorization with partial pivoting (LAPACK dgbtf2 / dgbtrs by rows) of an n x n matrix with
 * kl sub- and ku super-diagonals: the along-column solve.
 *
 * <p>Row i stores columns i - kl .. i + kl + ku (the extra kl for fill-in from row interchanges) at
 * {@code a[i * width + (col - i + kl)]}, width = 2 kl + ku + 1.
 */
public final class BandLu {
    private final int n;
    private final int kl;
    private final int ku;
    private final int width;
    private final double[] a;
    private final int[] piv;

    public BandLu(int n, int kl, int ku) {
        this.n = n;
        this.kl = kl;
        this.ku = ku;
        this.width = Sizes.length(width(kl, ku), "band width");
        this.a = new double[Sizes.length(entries(n, kl, ku), "band entries")];
        this.piv = new int[n];
    }

    /** Adds what a band of n rows allocates: n (2 kl + ku + 1) doubles and n pivots. */
    public static void footprint(long n, int kl, int ku, Footprint f) {
        f.doubles(Footprint.Part.GRID, 1, entries(n, kl, ku));
        f.ints(Footprint.Part.GRID, 1, n);
    }

    /** Stored entries per row: 2 kl + ku + 1. */
    private static long width(int kl, int ku) {
        return Sizes.plus(Sizes.times(2, kl), Sizes.plus(ku, 1));
    }

    /** Stored entries: n (2 kl + ku + 1). */
    private static long entries(long n, int kl, int ku) {
        return Sizes.times(n, width(kl, ku));
    }

    public int size() {
        return n;
    }

    /** Sets every entry to zero, ready for assembly. */
    public void clear() {
        java.util.Arrays.fill(a, 0.0);
    }

    /** Adds v to entry (row, col); |col - row| must lie within the band. */
    public void add(int row, int col, double v) {
        a[row * width + (col - row + kl)] += v;
    }

    /** Entry (row, col) before factorization. */
    public double get(int row, int col) {
        int d = col - row;
        if (d < -kl || d > ku) {
            return 0.0;
        }
        return a[row * width + (d + kl)];
    }

    /**
     * Factors in place.
     *
     * @return false when the matrix is singular
     */
    public boolean factor() {
        for (int k = 0; k < n; k++) {
            int last = Math.min(n - 1, k + kl);
            int p = k;
            double max = Math.abs(a[k * width + kl]);
            for (int r = k + 1; r <= last; r++) {
                double v = Math.abs(a[r * width + (k - r + kl)]);
                if (v > max) {
                    max = v;
                    p = r;
                }
            }
            piv[k] = p;
            if (max == 0.0) {
                return false;
            }
            int lastCol = Math.min(n - 1, k + kl + ku);
            if (p != k) {
                for (int c = k; c <= lastCol; c++) {
                    int ik = k * width + (c - k + kl);
                    int ip = p * width + (c - p + kl);
                    double t = a[ik];
                    a[ik] = a[ip];
                    a[ip] = t;
                }
            }
            double inv = 1.0 / a[k * width + kl];
            for (int r = k + 1; r <= last; r++) {
                int rk = r * width + (k - r + kl);
                double l = a[rk] * inv;
                a[rk] = l;
                if (l != 0.0) {
                    int rowOff = r * width - r + kl;
                    int kOff = k * width - k + kl;
                    for (int c = k + 1; c <= lastCol; c++) {
                        a[rowOff + c] -= l * a[kOff + c];
                    }
                }
            }
        }
        return true;
    }

    /** Solves A x = b in place, b[off .. off + n). */
    public void solve(double[] b, int off) {
        for (int k = 0; k < n; k++) {
            int p = piv[k];
            if (p != k) {
                double t = b[off + k];
                b[off + k] = b[off + p];
                b[off + p] = t;
            }
            double bk = b[off + k];
            if (bk != 0.0) {
                int last = Math.min(n - 1, k + kl);
                for (int r = k + 1; r <= last; r++) {
                    b[off + r] -= a[r * width + (k - r + kl)] * bk;
                }
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            int lastCol = Math.min(n - 1, k + kl + ku);
            int kOff = k * width - k + kl;
            double s = b[off + k];
            for (int c = k + 1; c <= lastCol; c++) {
                s -= a[kOff + c] * b[off + c];
            }
            b[off + k] = s / a[k * width + kl];
        }
    }
}
