package org.sorb.cases;

import java.util.regex.Matcher;

/**
 * Times written in column volumes ({@code 20 CV}): t = n tau with tau = V_bed / Q = L / u_s the residence time of
 * the case's column (s), so they need the column read first.
 */
final class ColumnVolumes {
    /** The unit symbol. */
    static final String UNIT = "CV";

    private ColumnVolumes() {
    }

    /**
     * The time of {@code text} in seconds when it is written in CV, else null (an ordinary time).
     *
     * @throws CaseException when the case has no column read yet, or the number is not finite
     */
    static Quantity time(String field, String text, ReadContext context) throws CaseException {
        Matcher m = Units.NUMBER_THEN_UNIT.matcher(text);
        if (!m.matches() || !m.group(2).equals(UNIT)) {
            return null;
        }
        Double tau = context.residenceTime();
        if (tau == null) {
            throw new CaseException(field, text, "a time in " + QuantityKind.TIME.units() + " (CV, column volumes, "
                    + "only in inlet sections and output of a column case)");
        }
        double n = Double.parseDouble(m.group(1));
        context.noteConversion(field, "from " + text + " x residence time " + Format.number(tau)
                + " s (length / superficial velocity)");
        return new Quantity(n * tau, null);
    }
}
