package org.sorb.numerics;

/** The time integration could not continue (step size underflow, step budget, singular matrix). */
public final class SolverException extends RuntimeException {
    public SolverException(String message) {
        super(message);
    }
}
