package org.sorb.model;

/**
 * Concentrations at t = 0, uniform along the column.
 *
 * @param bulk  bulk (and pore) liquid concentration per component
 * @param bound bound concentration per bound state, or null for equilibrium with {@code bulk}
 */
public record InitialState(double[] bulk, double[] bound) {
    public InitialState {
        bulk = bulk.clone();
        Checks.allNonNegative("initial.bulk", bulk);
        if (bound != null) {
            bound = bound.clone();
            Checks.allNonNegative("initial.bound", bound);
        }
    }

    /** Empty column: no liquid solute, nothing bound. */
    public static InitialState empty(int components) {
        return new InitialState(new double[components], null);
    }

    @Override
    public double[] bulk() {
        return bulk.clone();
    }

    @Override
    public double[] bound() {
        return bound == null ? null : bound.clone();
    }
}
