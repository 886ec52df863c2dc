package org.sorb.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/** How a sweep combines its parameter lists. */
public enum SweepMode {
    /** Every combination (cartesian product); the first parameter varies slowest, the last fastest. */
    GRID("grid"),
    /** The i-th value of every list together; all lists have the same length. */
    ZIP("zip"),
    /** {@code samples} points of a digitally shifted Sobol sequence ({@link SobolDesign}) mapped to the ranges. */
    SOBOL("sobol"),
    /** {@code samples} points of a Latin hypercube ({@link LatinHypercubeDesign}) mapped to the ranges. */
    LATIN_HYPERCUBE("latin_hypercube");

    private final String key;

    SweepMode(String key) {
        this.key = key;
    }

    /** The name used in case files. */
    public String key() {
        return key;
    }

    /** True for the modes that draw {@code samples} points in ranges rather than combine lists of values. */
    boolean sampled() {
        return this == SOBOL || this == LATIN_HYPERCUBE;
    }

    /** Modes by case-file name. */
    static Map<String, SweepMode> byKey() {
        Map<String, SweepMode> m = new LinkedHashMap<>();
        for (SweepMode mode : values()) {
            m.put(mode.key, mode);
        }
        return m;
    }
}
