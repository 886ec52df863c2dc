package org.sorb.cases;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The Sobol sequence of Commons Math (Joe-Kuo direction numbers, up to {@link #MAX_DIMENSIONS} dimensions), made
 * random by a digital shift: x_i' = x_i XOR s with one seeded 52-bit word s per dimension (Well19937c).
 *
 * <p>Commons Math's points are exact multiples of 2^-52, so the XOR acts on their binary fractions; it maps every
 * dyadic interval [a 2^-k, (a + 1) 2^-k) onto another one, hence the first 2^m points keep every balance of the
 * unshifted sequence (each elementary interval of volume 2^-m, in any one or two dimensions, holds one point).
 * No point is skipped: the sequence's first point (the origin) becomes s itself.
 */
final class SobolDesign implements UnitDesign {
    /** Dimensions Commons Math ships direction numbers for. */
    static final int MAX_DIMENSIONS = 1000;
    /** Bits of Commons Math's Sobol fractions. */
    private static final int BITS = 52;
    private static final double SCALE = Math.scalb(1.0, BITS);
    private static final long MASK = (1L << BITS) - 1;

    @Override
    public double[][] points(int n, int dimensions, long seed) {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimensions);
        RandomGenerator random = new Well19937c(seed);
        long[] shift = new long[dimensions];
        for (int j = 0; j < dimensions; j++) {
            shift[j] = random.nextLong() & MASK;
        }
        double[][] out = new double[n][dimensions];
        for (int i = 0; i < n; i++) {
            double[] x = sobol.nextVector();
            for (int j = 0; j < dimensions; j++) {
                long bits = (long) (x[j] * SCALE);
                out[i][j] = (bits ^ shift[j]) / SCALE;
            }
        }
        return out;
    }
}
