package org.sorb.numerics;

import java.util.List;

/**
 * The messages for a state, rate or error estimate that became NaN or infinite, and when the integrators look for
 * one: a rejected step attempt is scanned only from the {@link #CHECK_AFTER_REJECTIONS}-th consecutive rejection of
 * its design on, so that a Newton iterate that overflows once at a too-large step (and recovers at a smaller one)
 * costs nothing, while a design that stays non-finite stops long before its step size underflows.
 */
public final class NonFiniteState {
    /** Consecutive rejected attempts from which each further rejected attempt is scanned for a non-finite entry. */
    public static final int CHECK_AFTER_REJECTIONS = 4;

    private NonFiniteState() {
    }

    /**
     * "non-finite state (NaN) at simulated t = 0 s of 480 s, in a step attempt of h = 2.4e-07 s after 4 rejected
     * attempts: pore liquid c_p of component IgG in axial cell 0 of 8 (...)".
     *
     * @param what  "state" or "error estimate"
     * @param at    the simulated time as {@link RunBudget#simulatedTime} words it
     * @param index the first non-finite entry
     * @param value its value
     */
    public static String inAttempt(String what, StateLayout layout, List<String> names, int index, double value,
                                   String at, double h, int rejections) {
        return "non-finite " + what + " (" + value + ") at " + at + ", in a step attempt of h = "
                + RunBudget.number(h) + " s after " + rejections + " rejected attempts: "
                + layout.locate(index).describe(names);
    }

    /** "non-finite rate dy/dt (Infinity) at simulated t = 0 s: ... (the inlet or the parameters overflow)". */
    public static String inRate(StateLayout layout, List<String> names, int index, double value, String at) {
        return "non-finite rate dy/dt (" + value + ") at " + at + ": " + layout.locate(index).describe(names)
                + " (the inlet or the parameters overflow)";
    }

    /** "non-finite initial state (NaN) at simulated t = 0 s: ...". */
    public static String inInitialState(StateLayout layout, List<String> names, int index, double value, String at) {
        return "non-finite initial state (" + value + ") at " + at + ": " + layout.locate(index).describe(names);
    }
}
