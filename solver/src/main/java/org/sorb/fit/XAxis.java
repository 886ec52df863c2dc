package org.sorb.fit;

import org.sorb.cases.QuantityKind;
import org.sorb.model.Column;

/** What the x column of a measured curve counts, and its conversion to the outlet's time. */
public enum XAxis {
    /** Time since the start of the run (s). */
    TIME("time", QuantityKind.TIME, "s"),
    /** Volume loaded since the start: V = eps_c u A t (m^3); needs the column's cross-section A. */
    VOLUME("volume", QuantityKind.VOLUME, "m^3"),
    /** Column volumes loaded: CV = eps_c u t / L (1). */
    COLUMN_VOLUMES("column_volumes", QuantityKind.NUMBER, "1");

    private final String key;
    private final QuantityKind kind;
    private final String siUnit;

    XAxis(String key, QuantityKind kind, String siUnit) {
        this.key = key;
        this.kind = kind;
        this.siUnit = siUnit;
    }

    /** The name a CSV header gives this axis ({@code time}, {@code volume}, {@code column_volumes}). */
    public String key() {
        return key;
    }

    /** The kind of quantity the header's unit must be. */
    public QuantityKind kind() {
        return kind;
    }

    /** The SI unit of its values. */
    public String siUnit() {
        return siUnit;
    }

    /** The axis a header name means ({@code CV} and {@code column volumes} for column volumes), or null. */
    public static XAxis named(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        return switch (n) {
            case "time", "t" -> TIME;
            case "volume", "v" -> VOLUME;
            case "column_volumes", "cv" -> COLUMN_VOLUMES;
            default -> null;
        };
    }

    /**
     * The outlet time (s) of {@code x}: t = x (time), t = V / (eps_c u A) (volume), t = CV L / (eps_c u) (column
     * volumes).
     *
     * @param area the column's cross-section A (m^2); used by {@link #VOLUME} only
     */
    public double toTime(double x, Column column, double area) {
        return switch (this) {
            case TIME -> x;
            case VOLUME -> x / (column.superficialVelocity() * area);
            case COLUMN_VOLUMES -> x * column.residenceTime();
        };
    }
}
