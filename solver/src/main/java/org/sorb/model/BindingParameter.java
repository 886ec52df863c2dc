package org.sorb.model;

/**
 * One parameter of a binding model, declared once: its case-file key, the kind of quantity, how many values it
 * takes and their range. Case reading, validation messages, the resolved-case writer and the kernels' parameter
 * packing all derive from these declarations ({@link BindingDeclaration}).
 *
 * @param key          case-file key, e.g. {@code ka}; the kernels' offset is {@code P_<KEY>} upper-cased
 * @param kind         the kind of quantity (its units come from the case reader)
 * @param count        how many values the parameter has
 * @param bound        the range its values must lie in
 * @param positiveAtEquilibrium true when a rapid-equilibrium model needs the values strictly positive (desorption
 *                     rates, which divide in the equilibrium constant)
 * @param bedBasis     true when the value may also be given per volume of packed bed as {@code <key>_bed}
 * @param defaultValue the value of every entry when the key is absent, or null when the key is required
 * @param meaning      a few words on what the parameter is, for messages and docs
 */
public record BindingParameter(String key, Kind kind, Count count, Bound bound, boolean positiveAtEquilibrium,
                               boolean bedBasis, Double defaultValue, String meaning) {

    /** The kind of quantity a parameter is; the case reader maps it to its units. */
    public enum Kind {
        /** 1/s. */
        RATE_CONSTANT,
        /** m^3/(kg s) or m^3/(mol s). */
        ADSORPTION_RATE,
        /** kg/m^3 or mol/m^3. */
        CONCENTRATION,
        /** Dimensionless. */
        NUMBER
    }

    /** How many values a parameter has, from the number of liquid components n_comp. */
    public enum Count {
        /** One value. */
        SCALAR,
        /** One per component: n_comp. */
        PER_COMPONENT,
        /** One per component and site type: 2 n_comp, site type 1 for every component, then site type 2. */
        PER_SITE,
        /** One per component after the first (which is a modulator: pH or salt): n_comp - 1. */
        PER_BINDING_COMPONENT;

        /** The number of values for {@code components} liquid components. */
        public int size(int components) {
            return switch (this) {
                case SCALAR -> 1;
                case PER_COMPONENT -> components;
                case PER_SITE -> 2 * components;
                case PER_BINDING_COMPONENT -> components - 1;
            };
        }
    }

    /** The range a parameter's values must lie in. */
    public enum Bound {
        ANY,
        NON_NEGATIVE,
        POSITIVE;

        /** True when {@code v} is finite and in range. */
        public boolean contains(double v) {
            return Double.isFinite(v) && switch (this) {
                case ANY -> true;
                case NON_NEGATIVE -> v >= 0.0;
                case POSITIVE -> v > 0.0;
            };
        }

        /** The range as words for messages, e.g. "a number > 0". */
        public String text() {
            return switch (this) {
                case ANY -> "a finite number";
                case NON_NEGATIVE -> "a number >= 0";
                case POSITIVE -> "a number > 0";
            };
        }
    }

    public BindingParameter {
        Checks.notNull("key", key);
        Checks.notNull("kind", kind);
        Checks.notNull("count", count);
        Checks.notNull("bound", bound);
        if (defaultValue != null && !bound.contains(defaultValue)) {
            throw new IllegalArgumentException(key + ": default " + defaultValue + " outside " + bound);
        }
    }

    /** A required parameter. */
    public static BindingParameter required(String key, Kind kind, Count count, Bound bound, String meaning) {
        return new BindingParameter(key, kind, count, bound, false, false, null, meaning);
    }

    /** An optional scalar with a default. */
    public static BindingParameter optional(String key, Kind kind, Bound bound, double defaultValue,
                                            String meaning) {
        return new BindingParameter(key, kind, Count.SCALAR, bound, false, false, defaultValue, meaning);
    }

    /** A desorption rate: >= 0, and > 0 for rapid equilibrium. */
    public static BindingParameter desorption(String key, Count count, String meaning) {
        return new BindingParameter(key, Kind.RATE_CONSTANT, count, Bound.NON_NEGATIVE, true, false, null, meaning);
    }

    /** A capacity per volume of solid skeleton that may be given per volume of bed as {@code <key>_bed}. */
    public static BindingParameter capacity(String key, Count count, String meaning) {
        return new BindingParameter(key, Kind.CONCENTRATION, count, Bound.POSITIVE, false, true, null, meaning);
    }

}
