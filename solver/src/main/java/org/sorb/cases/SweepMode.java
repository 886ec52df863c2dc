package org.sorb.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/** How a sweep combines its parameter lists. */
public enum SweepMode {
    /** Every combination (cartesian product); the first parameter varies slowest, the last fastest. */
    GRID("grid"),
    /** The i-th value of every list together; all lists have the same length. */
    ZIP("zip");

    private final String key;

    SweepMode(String key) {
        this.key = key;
    }

    /** The name used in case files. */
    public String key() {
        return key;
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
