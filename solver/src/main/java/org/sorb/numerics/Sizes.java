package org.sorb.numerics;

/**
 * Size arithmetic for array lengths and byte counts: exact products that saturate instead of overflowing (an
 * estimate of more than Long.MAX_VALUE bytes is simply too much), and the checked cast to an array length.
 */
public final class Sizes {
    /** Longest array the JVM allocates: HotSpot refuses lengths within a few elements of Integer.MAX_VALUE. */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Sizes() {
    }

    /** a x b x ... for non-negative factors, Long.MAX_VALUE when the product does not fit a long. */
    public static long times(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                throw new IllegalArgumentException("negative size factor " + f);
            }
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return p;
    }

    /** a + b for non-negative terms, Long.MAX_VALUE when the sum does not fit a long. */
    public static long plus(long a, long b) {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("negative size term " + (a < 0 ? a : b));
        }
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** ceil(x) for x >= 0 as a count, Long.MAX_VALUE when it does not fit a long (or is not a number). */
    public static long ceil(double x) {
        if (x < 0) {
            throw new IllegalArgumentException("negative count " + x);
        }
        return x < 0x1p62 ? (long) Math.ceil(x) : Long.MAX_VALUE;
    }

    /**
     * {@code length} as an array length, for allocation sites whose sizes were checked before (the case guards).
     *
     * @throws ArithmeticException when {@code length} is negative or above {@link #MAX_ARRAY_LENGTH}
     */
    public static int length(long length, String what) {
        if (length < 0 || length > MAX_ARRAY_LENGTH) {
            throw new ArithmeticException(what + ": " + length + " elements, more than one Java array holds ("
                    + MAX_ARRAY_LENGTH + ")");
        }
        return (int) length;
    }
}
