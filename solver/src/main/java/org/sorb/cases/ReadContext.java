package org.sorb.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/** State shared while one case is read: its concentration family and the notes on derived values. */
final class ReadContext {
    private ConcentrationFamily family;
    private String familyField;
    private final Map<String, String> conversions = new LinkedHashMap<>();
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, QuantityKind> kinds = new LinkedHashMap<>();
    private Double residenceTime;

    /** Records that {@code field} uses {@code found}; fails when the case already uses the other family. */
    void useFamily(String field, String text, ConcentrationFamily found) throws CaseException {
        if (found == null) {
            return;
        }
        if (family == null) {
            family = found;
            familyField = field;
        } else if (family != found) {
            throw new CaseException(field, text, "a concentration in " + family.description() + " like "
                    + familyField + "; a case must not mix mass and molar concentrations");
        }
    }

    /** The case's concentration family; mass when no concentration unit appeared. */
    ConcentrationFamily family() {
        return family == null ? ConcentrationFamily.MASS : family;
    }

    /** Sets the column's residence time L / u_s (s), the time of one column volume (CV), once the column is read. */
    void residenceTime(double seconds) {
        residenceTime = seconds;
    }

    /** The column's residence time (s), or null before the column is read. */
    Double residenceTime() {
        return residenceTime;
    }

    /** Notes how the value at {@code field} was derived from what the case wrote. */
    void noteConversion(String field, String note) {
        conversions.put(field, note);
    }

    /** Records the SI value read at {@code field} (e.g. {@code binding.qmax[0]}), for sweeps' design matrices. */
    void noteValue(String field, double si, QuantityKind kind) {
        values.put(field, si);
        kinds.put(field, kind);
    }

    /** The SI unit of every number read, by field, in the case's concentration family. */
    Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        kinds.forEach((field, kind) -> units.put(field, kind.siUnit(family())));
        return units;
    }

    /** Every number read, SI, by field. */
    Map<String, Double> values() {
        return values;
    }

    /** The notes, in the order they were made. */
    Map<String, String> conversions() {
        return conversions;
    }
}
