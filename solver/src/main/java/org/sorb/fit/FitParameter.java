package org.sorb.fit;

/**
 * One fitted key path with its start value and bounds (SI). A parameter that starts positive with a lower bound
 * >= 0 is fitted as theta = ln p, so steps are relative and p stays positive; any other is fitted as theta = p.
 *
 * @param key     the key path, as {@code --set} takes it, e.g. {@code binding.qmax[0]}
 * @param initial start value (SI)
 * @param lower   lower bound (SI), may be -infinity (or 0 for a log parameter)
 * @param upper   upper bound (SI), may be +infinity
 */
public record FitParameter(String key, double initial, double lower, double upper) {
    public FitParameter {
        if (!Double.isFinite(initial)) {
            throw new IllegalArgumentException(key + ": start value " + initial + " is not finite");
        }
        if (!(lower < upper)) {
            throw new IllegalArgumentException(key + ": bounds " + lower + ":" + upper + ", expected lower < upper");
        }
        if (initial < lower || initial > upper) {
            throw new IllegalArgumentException(key + ": start value " + initial + " outside its bounds " + lower + ":"
                    + upper);
        }
    }

    /** A parameter with the default bounds: (0, infinity) for a positive start, unbounded otherwise. */
    public static FitParameter unbounded(String key, double initial) {
        return new FitParameter(key, initial, initial > 0 ? 0.0 : Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** True when fitted as theta = ln p. */
    public boolean logarithmic() {
        return initial > 0 && lower >= 0;
    }

    /** theta of the value {@code p}. */
    public double toInternal(double p) {
        return logarithmic() ? Math.log(p) : p;
    }

    /** The value p of {@code theta}. */
    public double toValue(double theta) {
        return logarithmic() ? Math.exp(theta) : theta;
    }

    /** {@code theta} clamped into the bounds. */
    public double clamp(double theta) {
        double lo = toInternal(lower);
        double hi = toInternal(upper);
        if (logarithmic() && lower == 0) {
            lo = Double.NEGATIVE_INFINITY;
        }
        return Math.max(lo, Math.min(hi, theta));
    }

    /** dp/dtheta at {@code p}: p for a log parameter, 1 otherwise (turns standard errors of theta into p's). */
    public double slope(double p) {
        return logarithmic() ? p : 1.0;
    }
}
