package org.sorb.model;

/** Argument checks for the model records; each failure names the field, the value and what was expected. */
public final class Checks {
    private Checks() {
    }

    public static void notNull(String field, Object value) {
        if (value == null) {
            throw new InvalidModelException(field, "null", "a value");
        }
    }

    public static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidModelException(field, Double.toString(value), "a finite number");
        }
    }

    public static void positive(String field, double value) {
        finite(field, value);
        if (!(value > 0)) {
            throw new InvalidModelException(field, Double.toString(value), "a number > 0");
        }
    }

    public static void nonNegative(String field, double value) {
        finite(field, value);
        if (!(value >= 0)) {
            throw new InvalidModelException(field, Double.toString(value), "a number >= 0");
        }
    }

    /** Value in the open interval (0, 1). */
    public static void openUnit(String field, double value) {
        inRange(field, value, 0.0, false, 1.0, false);
    }

    public static void inRange(String field, double value, double lo, boolean loIncluded, double hi,
                               boolean hiIncluded) {
        finite(field, value);
        boolean ok = (loIncluded ? value >= lo : value > lo) && (hiIncluded ? value <= hi : value < hi);
        if (!ok) {
            throw new InvalidModelException(field, Double.toString(value),
                    "a number in " + (loIncluded ? "[" : "(") + lo + ", " + hi + (hiIncluded ? "]" : ")"));
        }
    }

    public static void allPositive(String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            positive(field + "[" + i + "]", values[i]);
        }
    }

    public static void allNonNegative(String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            nonNegative(field + "[" + i + "]", values[i]);
        }
    }

    /**
     * Desorption rates: >= 0 for kinetic binding, > 0 for rapid equilibrium, where they divide in the equilibrium
     * constant ka / kd.
     */
    public static void desorption(String field, double[] kd, boolean kinetic) {
        if (kinetic) {
            allNonNegative(field, kd);
        } else {
            allPositive(field, kd);
        }
    }

    public static void allFinite(String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            finite(field + "[" + i + "]", values[i]);
        }
    }

    /** An array with one value per component. */
    public static void length(String field, double[] values, int expected) {
        if (values.length != expected) {
            throw new InvalidModelException(field, values.length + " values",
                    expected + " value" + (expected == 1 ? "" : "s") + " (one per component)");
        }
    }
}
