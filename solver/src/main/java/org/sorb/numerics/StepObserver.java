package org.sorb.numerics;

/** Sees every accepted step of a {@link ColumnIntegrator}, e.g. to sample outputs or accumulate fluxes. */
@FunctionalInterface
public interface StepObserver {
    /**
     * @param step the accepted step: its start, size and stage values
     */
    void accepted(AcceptedStep step);
}
