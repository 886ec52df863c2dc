package org.sorb.numerics.dg;

/**
 * A linear operator on the n point values of one component, out = T c + t_in c_in, stored as a band:
 * T_{j,l} for l in [j - lower, j + upper], row-major with (lower + upper + 1) entries a row.
 */
public final class BandOperator {
    private final int n;
    private final int lower;
    private final int upper;
    private final double[] entries;
    private final double[] inlet;

    private BandOperator(int n, int lower, int upper, double[] entries, double[] inlet) {
        this.n = n;
        this.lower = lower;
        this.upper = upper;
        this.entries = entries;
        this.inlet = inlet;
    }

    /** The band of the dense matrix given by its columns (columns[l][j] = T_{j,l}) and inlet column. */
    static BandOperator of(int n, double[][] columns, double[] inlet) {
        int lo = 0;
        int up = 0;
        for (int l = 0; l < n; l++) {
            for (int j = 0; j < n; j++) {
                if (columns[l][j] != 0.0) {
                    lo = Math.max(lo, j - l);
                    up = Math.max(up, l - j);
                }
            }
        }
        int w = lo + up + 1;
        double[] e = new double[n * w];
        for (int l = 0; l < n; l++) {
            for (int j = Math.max(0, l - up); j <= Math.min(n - 1, l + lo); j++) {
                e[j * w + (l - j + lo)] = columns[l][j];
            }
        }
        return new BandOperator(n, lo, up, e, inlet.clone());
    }

    /** Number of points. */
    public int points() {
        return n;
    }

    /** Sub-diagonals (points below the diagonal that a row reads). */
    public int lower() {
        return lower;
    }

    /** Super-diagonals. */
    public int upper() {
        return upper;
    }

    /** T_{j,l}; zero outside the band. */
    public double get(int j, int l) {
        int d = l - j + lower;
        return d < 0 || d > lower + upper ? 0.0 : entries[j * (lower + upper + 1) + d];
    }

    /** t_in,j: the inlet's weight in row j. */
    public double inlet(int j) {
        return inlet[j];
    }

    /** Row j of T dotted with the values v[off + l stride], plus t_in,j cIn. */
    public double row(int j, double[] v, int off, int stride, double cIn) {
        int w = lower + upper + 1;
        int base = j * w;
        int l0 = Math.max(0, j - lower);
        int l1 = Math.min(n - 1, j + upper);
        double s = inlet[j] * cIn;
        for (int l = l0; l <= l1; l++) {
            s += entries[base + l - j + lower] * v[off + l * stride];
        }
        return s;
    }
}
