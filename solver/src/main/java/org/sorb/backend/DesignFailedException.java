package org.sorb.backend;

import org.sorb.numerics.SolverException;

/** One design of a batch failed; the message names its index (0-based) and the cause. */
public final class DesignFailedException extends RuntimeException {
    private final int design;

    public DesignFailedException(int design, RuntimeException cause) {
        super("design " + design + ": " + reason(cause), cause);
        this.design = design;
    }

    /** Design {@code design} failed for {@code reason} (as a {@link org.sorb.model.DesignOutcome} records it). */
    public DesignFailedException(int design, String reason) {
        super("design " + design + ": " + reason);
        this.design = design;
    }

    /** Index of the failing design in the batch, from 0. */
    public int design() {
        return design;
    }

    /**
     * The reason a design failed with {@code e}: a solver's message as it is (it says what happened where), any
     * other exception with its class name in front.
     */
    public static String reason(RuntimeException e) {
        String m = e.getMessage();
        if (e instanceof SolverException && m != null) {
            return m;
        }
        return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
    }
}
