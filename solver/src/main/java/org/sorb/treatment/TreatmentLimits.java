package org.sorb.treatment;

import java.math.BigDecimal;
import java.math.MathContext;
import org.sorb.model.InvalidModelException;

/**
 * The plausible physiological and technical range of every number of a treatment case, declared once.
 *
 * <p>The case reader checks each field against its range (the message in the case's usual unit) and the records
 * check the same ranges in their constructors. Each bound has its source; ESTIMATE marks a bound set to catch
 * mistakes (a ratio of 20 meant as 1:20, mL/h written for mL/min, a value in the wrong field) rather than a
 * published limit. Bounds are closed and SI.
 */
public final class TreatmentLimits {
    private static final double ML = 1e-6;
    private static final double LITRE = 1e-3;
    private static final double ML_PER_MIN = 1e-6 / 60.0;
    private static final double MINUTE = 60.0;
    private static final double HOUR = 3600.0;
    private static final double DAY = 86400.0;

    /**
     * Relative slack of every bound, so that a value written exactly at a bound in another unit (300 mL/min as
     * 5e-6 m^3/s) is never refused by rounding.
     */
    public static final double BOUND_TOLERANCE = 1e-9;

    private TreatmentLimits() {
    }

    /**
     * Body weight: 2-300 kg. ESTIMATE: apheresis is done down to newborns of about 2 kg (paediatric chapter of
     * the ASFA guidelines, Connelly-Smith et al., J. Clin. Apher. 38 (2023) 77-278) and 300 kg is beyond any
     * adult patient.
     */
    public static final Limit WEIGHT = new Limit("patient.weight", 2.0, 300.0, 1.0, "kg");

    /**
     * Haematocrit: 0.15-0.65. ESTIMATE: adult reference about 0.36-0.50 (textbook physiology); below 0.15 is an
     * anaemia that is transfused before apheresis, above 0.65 a polycythaemia that is treated first.
     */
    public static final Limit HEMATOCRIT = new Limit("patient.hematocrit", 0.15, 0.65, 1.0, "");

    /**
     * Plasma volume: what Kaplan's formula (0.065 L/kg x W x (1 - Hct), {@link PatientDefaults}) gives at the
     * weight and haematocrit limits, 0.046-16.6 L. Nadler's blood volume for a 2 m, 300 kg man (0.3669 H^3 +
     * 0.03219 W + 0.6041 = 13.2 L; Nadler, Hidalgo and Bloch, Surgery 51 (1962) 224-232) times 1 - 0.15 = 11.2 L
     * lies inside.
     */
    public static final Limit PLASMA_VOLUME = new Limit("patient.plasma_volume",
            PatientDefaults.KAPLAN_PLASMA_VOLUME_PER_KG * WEIGHT.lo() * (1.0 - HEMATOCRIT.hi()),
            PatientDefaults.KAPLAN_PLASMA_VOLUME_PER_KG * WEIGHT.hi() * (1.0 - HEMATOCRIT.lo()), LITRE, "L");

    /**
     * Plasma pH: 6.8-7.8, the range compatible with life (textbook acid-base physiology; normal arterial pH
     * 7.35-7.45).
     */
    public static final Limit PLASMA_PH = new Limit("patient.plasma_ph", 6.8, 7.8, 1.0, "");

    /**
     * Blood flow: 10-300 mL/min. Apheresis runs at 30-150 mL/min through peripheral or central venous access
     * (ASFA guidelines, above; device manuals); ESTIMATE: 10 mL/min leaves room for small children, 300 mL/min is
     * beyond what any access or apheresis pump delivers.
     */
    public static final Limit BLOOD_FLOW = new Limit("circuit.blood_flow", 10 * ML_PER_MIN, 300 * ML_PER_MIN,
            ML_PER_MIN, "mL/min");

    /**
     * Anticoagulant per blood flow: 0-0.5. ACD-A runs at 1:10 to 1:25 of the blood flow (0.04-0.1; ASFA
     * guidelines, above), 0 with heparin alone; ESTIMATE: 0.5 (1:2) is far beyond any setting and catches a ratio
     * written as 20 for 1:20 or 1.5.
     */
    public static final Limit ANTICOAGULANT_RATIO = new Limit("circuit.anticoagulant_ratio", 0.0, 0.5, 1.0, "");

    /**
     * Plasma flow to the adsorber: 1 mL/min (ESTIMATE: a 2.5 plasma-volume session of the smallest patient, 0.11
     * L, then takes under 2 h) up to the largest blood flow times 1 minus the smallest haematocrit, 255 mL/min
     * (above that no blood carries the plasma; each case is also held to its own blood_flow x (1 - hematocrit)).
     */
    public static final Limit PLASMA_FLOW = new Limit("circuit.plasma_flow", 1 * ML_PER_MIN,
            BLOOD_FLOW.hi() * (1.0 - HEMATOCRIT.lo()), ML_PER_MIN, "mL/min");

    /**
     * Each dead volume of the circuit (separator plasma side, inlet line, return line): 0-500 mL. ESTIMATE: a
     * whole apheresis set holds about 100-300 mL, and paediatric practice keeps the extracorporeal volume under
     * 10-15 % of the blood volume; 500 mL for one part is beyond any set.
     */
    public static final Limit SEPARATOR_VOLUME = deadVolume("circuit.separator_volume");
    /** Inlet line volume: as {@link #SEPARATOR_VOLUME}. */
    public static final Limit INLET_LINE_VOLUME = deadVolume("circuit.inlet_line_volume");
    /** Return line volume: as {@link #SEPARATOR_VOLUME}. */
    public static final Limit RETURN_LINE_VOLUME = deadVolume("circuit.return_line_volume");

    /**
     * Bed volume of one adsorber column (length x pi d^2 / 4), reported on column.diameter: 1-1000 mL. Clinical
     * immunoadsorbers hold about 60-400 mL (the examples' protein A columns 62.8 mL); ESTIMATE: 1 mL (a lab
     * column) to 1 L.
     */
    public static final Limit COLUMN_VOLUME = new Limit("column.diameter", 1 * ML, 1000 * ML, ML, "mL");

    /**
     * Plasma through a column per cycle: 10 mL to 100 L. ESTIMATE: clinical cycles are 0.4-2 L; 100 L is more
     * than any session processes (5 plasma volumes of 16.6 L), so a column that never switches can be written.
     */
    public static final Limit CYCLE_VOLUME = new Limit("operation.cycle_volume", 10 * ML, 100 * LITRE, LITRE, "L");

    /**
     * Regeneration flow: 1-500 mL/min. ESTIMATE: regeneration pumps run at about 50-150 mL/min (100 mL/min in the
     * examples).
     */
    public static final Limit REGENERATION_FLOW = new Limit("operation.regeneration.flow", 1 * ML_PER_MIN,
            500 * ML_PER_MIN, ML_PER_MIN, "mL/min");

    /** Wash volume: 0-5 L. ESTIMATE: protocols use 100-500 mL per regeneration phase. */
    public static final Limit WASH_VOLUME = phaseVolume("operation.regeneration.wash_volume", 0.0);
    /** Elution volume: 1 mL-5 L (some elution is needed); as {@link #WASH_VOLUME}. */
    public static final Limit ELUTION_VOLUME = phaseVolume("operation.regeneration.elution_volume", 1 * ML);
    /** Re-equilibration volume: 0-5 L; as {@link #WASH_VOLUME}. */
    public static final Limit REEQUILIBRATION_VOLUME = phaseVolume("operation.regeneration.reequilibration_volume",
            0.0);

    /** Buffer pH: the pH scale, 0-14. */
    public static final Limit BUFFER_PH = new Limit("operation.regeneration.buffer_ph", 0.0, 14.0, 1.0, "");
    /** Elution pH: the pH scale, 0-14 (glycine or citrate buffers elute at 2.2-3.0). */
    public static final Limit ELUTION_PH = new Limit("operation.regeneration.elution_ph", 0.0, 14.0, 1.0, "");

    /**
     * Sessions of a course: 1-30. ESTIMATE: immunoadsorption courses are 3-10 sessions (ASFA guidelines, above);
     * 30 leaves room for repeated series.
     */
    public static final Limit SESSIONS = new Limit("schedule.sessions", 1, 30, 1.0, "");

    /**
     * Plasma processed per session: 0.01-5 plasma volumes. Immunoadsorption processes 1-3 plasma volumes per
     * session (ASFA guidelines, above); ESTIMATE: up to 5 for intensified protocols.
     */
    public static final Limit PLASMA_VOLUMES = new Limit("schedule.plasma_volumes", 0.01, 5.0, 1.0, "");

    /**
     * Longest session: 1 min-24 h. ESTIMATE: sessions last 2-5 h; a day is the outer limit of one treatment.
     */
    public static final Limit MAX_DURATION = new Limit("schedule.max_duration", MINUTE, 24 * HOUR, MINUTE, "min");

    /**
     * The longest session when a case gives {@code plasma_volumes} without {@code max_duration}: 8 h. ESTIMATE:
     * beyond any routine session (2-5 h), so that a session that cannot reach its volume still ends, and says so.
     */
    public static final double DEFAULT_MAX_DURATION = 8 * HOUR;

    /** Start-to-start interval of two sessions: 1 h-365 d. ESTIMATE: courses run daily to monthly. */
    public static final Limit INTERVAL = new Limit("schedule.intervals", HOUR, 365 * DAY, HOUR, "h");

    /** Follow-up after the last session: 0-365 d. ESTIMATE: a year of rebound is the longest question asked. */
    public static final Limit FOLLOW_UP = new Limit("schedule.follow_up", 0.0, 365 * DAY, DAY, "d");

    /**
     * Patient-column coupling interval: 1 s-10 min. Technical: the examples use 10-30 s (the coupling error is
     * second order, 3e-7 at 10 s); below 1 s a session takes hours of computing, above 10 min the column inlet
     * is no longer resolved.
     */
    public static final Limit COUPLING_INTERVAL = new Limit("schedule.coupling_interval", 1.0, 10 * MINUTE, 1.0, "s");

    /**
     * Patient step between sessions: 1 min-1 d. Technical: the examples use 1 h; a minute keeps a year of
     * follow-up within half a million samples.
     */
    public static final Limit REST_STEP = new Limit("schedule.rest_step", MINUTE, DAY, MINUTE, "min");

    private static Limit deadVolume(String field) {
        return new Limit(field, 0.0, 500 * ML, ML, "mL");
    }

    private static Limit phaseVolume(String field, double lo) {
        return new Limit(field, lo, 5 * LITRE, LITRE, "L");
    }

    /**
     * A closed interval [lo, hi] (SI) for one field of a treatment case.
     *
     * @param field    the key path the interval belongs to, e.g. {@code circuit.blood_flow}
     * @param lo       lowest plausible value (SI)
     * @param hi       highest plausible value (SI)
     * @param unit     SI value of the unit messages use, e.g. 1e-6 / 60 for mL/min
     * @param unitName that unit's name, empty for a plain number
     */
    public record Limit(String field, double lo, double hi, double unit, String unitName) {
        public Limit {
            if (!(lo <= hi) || !(unit > 0)) {
                throw new IllegalArgumentException(field + ": a limit needs lo <= hi and a unit > 0");
            }
        }

        /** True when {@code v} lies in the interval, within {@link #BOUND_TOLERANCE}. */
        public boolean contains(double v) {
            return v >= lowest() && v <= highest();
        }

        /** The lower bound less its tolerance. */
        public double lowest() {
            return lo - BOUND_TOLERANCE * Math.abs(lo);
        }

        /** The upper bound plus its tolerance. */
        public double highest() {
            return hi + BOUND_TOLERANCE * Math.abs(hi);
        }

        /** The interval in the message unit, e.g. {@code [10, 300] mL/min}. */
        public String text() {
            return "[" + inUnit(lo) + ", " + inUnit(hi) + "]" + (unitName.isEmpty() ? "" : " " + unitName);
        }

        /** Fails naming the field, {@code v} in the message unit and the interval when {@code v} is outside. */
        public void check(double v) {
            check(v, "");
        }

        /** As {@link #check(double)}, with {@code note} after the value (what it was computed from). */
        public void check(double v, String note) {
            if (!contains(v)) {
                throw new InvalidModelException(field, inUnit(v) + (unitName.isEmpty() ? "" : " " + unitName) + note,
                        "a value in " + text());
            }
        }

        /** {@code v} in the message unit with 4 significant digits. */
        public String inUnit(double v) {
            if (!Double.isFinite(v)) {
                return Double.toString(v);
            }
            return BigDecimal.valueOf(v / unit).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
    }
}
