package org.sorb.numerics;

import java.util.Locale;

/**
 * A wall-clock budget for a run, checked once per integration step by comparing {@link System#nanoTime} with a
 * deadline (no thread is ever interrupted); an exhausted budget stops the integration with a
 * {@link SolverException} that says how far the simulation got.
 *
 * @param limitSeconds  the budget (s), or positive infinity for none
 * @param deadlineNanos the {@link System#nanoTime} at which it is spent (unused without a limit)
 * @param horizon       the simulated end of the run (s), for messages; NaN when unknown
 */
public record RunBudget(double limitSeconds, long deadlineNanos, double horizon) {
    /** No wall-clock limit. */
    public static final RunBudget UNLIMITED = new RunBudget(Double.POSITIVE_INFINITY, 0L, Double.NaN);
    /** Longest budget that is kept as a deadline (about 30 years); longer ones mean no limit. */
    static final double LONGEST_SECONDS = 1e9;

    public RunBudget {
        if (!(limitSeconds > 0)) {
            throw new IllegalArgumentException("wall-clock budget " + limitSeconds + " s, expected > 0");
        }
        if (limitSeconds > LONGEST_SECONDS) {
            limitSeconds = Double.POSITIVE_INFINITY;
        }
    }

    /** A budget of {@code seconds} from {@code startNanos} (a {@link System#nanoTime} reading). */
    public static RunBudget wallClock(double seconds, long startNanos) {
        long span = seconds > LONGEST_SECONDS ? 0L : (long) Math.ceil(seconds * 1e9);
        return new RunBudget(seconds, startNanos + span, Double.NaN);
    }

    /** The same deadline for a run that ends at simulated time {@code end} (s). */
    public RunBudget over(double end) {
        return new RunBudget(limitSeconds, deadlineNanos, end);
    }

    /** True when there is a wall-clock limit. */
    public boolean limited() {
        return limitSeconds != Double.POSITIVE_INFINITY;
    }

    /** True when the deadline has passed. */
    public boolean exhausted() {
        return limited() && System.nanoTime() - deadlineNanos >= 0;
    }

    /**
     * Stops the run at simulated time {@code t} when the deadline has passed.
     *
     * @throws SolverException naming the budget and how far the simulation got
     */
    public void check(double t) {
        if (exhausted()) {
            throw new SolverException(exhaustedAt(t));
        }
    }

    /** "wall-clock budget of 2 h exhausted at simulated t = 12.5 s of 4800 s". */
    public String exhaustedAt(double t) {
        return "wall-clock budget of " + duration(limitSeconds) + " exhausted at " + simulatedTime(t);
    }

    /** "simulated t = 12.5 s of 4800 s" (without "of" when the horizon is unknown). */
    public String simulatedTime(double t) {
        return simulatedTime(t, horizon);
    }

    /** "simulated t = 12.5 s of 4800 s" for a run that ends at {@code end} (NaN: unknown, no "of"). */
    public static String simulatedTime(double t, double end) {
        return "simulated t = " + number(t) + " s" + (Double.isNaN(end) ? "" : " of " + number(end) + " s");
    }

    /** A duration in the largest of h and min that gives a whole number, else in s or ms: "2 h", "90 min", "1 ms". */
    public static String duration(double seconds) {
        if (seconds == Double.POSITIVE_INFINITY) {
            return "none";
        }
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return String.format(Locale.ROOT, "%.0f h", seconds / 3600);
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return seconds < 1 ? number(seconds * 1e3) + " ms" : number(seconds) + " s";
    }

    /** Six significant digits without trailing zeros: 0, 12.5, 0.001, 1.5e-07. */
    public static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }
}
