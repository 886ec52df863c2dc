package org.sorb.backend;

/** One design of a batch failed; the message names its index (0-based) and the cause. */
public final class DesignFailedException extends RuntimeException {
    private final int design;

    public DesignFailedException(int design, RuntimeException cause) {
        super("design " + design + ": " + describe(cause), cause);
        this.design = design;
    }

    /** Index of the failing design in the batch, from 0. */
    public int design() {
        return design;
    }

    private static String describe(RuntimeException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
