package org.sorb.cases;

/** An allowed interval for a number, with the words an error message uses for it. */
record Range(double lo, boolean loIncluded, double hi, boolean hiIncluded, String text) {

    static final Range ANY = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, "");
    static final Range POSITIVE = new Range(0.0, false, Double.POSITIVE_INFINITY, true, "> 0");
    static final Range NON_NEGATIVE = new Range(0.0, true, Double.POSITIVE_INFINITY, true, ">= 0");
    static final Range OPEN_UNIT = new Range(0.0, false, 1.0, false, "in (0, 1)");
    static final Range ZERO_TO_ONE = new Range(0.0, true, 1.0, false, "in [0, 1)");

    /** True when {@code v} is finite and inside the interval. */
    boolean contains(double v) {
        return Double.isFinite(v) && (loIncluded ? v >= lo : v > lo) && (hiIncluded ? v <= hi : v < hi);
    }
}
