package org.sorb.model;

/**
 * What one design of a batch came to: its result, or why it failed (the other designs of the batch still finish).
 *
 * @param result  the simulation result, or null when the design failed
 * @param failure why it failed (without the design's index, which is its place in the batch), or null when it did not
 */
public record DesignOutcome(SimulationResult result, String failure) {
    public DesignOutcome {
        if ((result == null) == (failure == null)) {
            throw new IllegalArgumentException("a design outcome is a result or a failure, not both or neither");
        }
        if (failure != null && failure.isBlank()) {
            throw new IllegalArgumentException("a failed design needs a reason");
        }
    }

    /** A design that finished. */
    public static DesignOutcome ok(SimulationResult result) {
        return new DesignOutcome(result, null);
    }

    /** A design that failed for {@code reason}. */
    public static DesignOutcome failed(String reason) {
        return new DesignOutcome(null, reason);
    }

    /** True when the design failed. */
    public boolean failed() {
        return failure != null;
    }
}
