package org.sorb.fit;

/** A fit that stopped on valid input: a failed simulation, a singular Jacobian at the optimum, no convergence. */
public final class FitFailure extends RuntimeException {
    public FitFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public FitFailure(String message) {
        super(message);
    }
}
