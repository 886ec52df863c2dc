package org.sorb.cases;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Converts case-file values such as "10 cm", "300 cm/h" or a bare SI number to SI. */
public final class Units {
    /** A number, then an optional unit: groups 1 and 2. */
    static final Pattern NUMBER_THEN_UNIT =
            Pattern.compile("\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*");

    private Units() {
    }

    /**
     * Converts {@code text} (a number, optionally followed by a unit) of the given kind to SI.
     *
     * @param field     the key path, for the error message
     * @param text      the value as written
     * @param kind      what the field holds
     * @param rangeText the allowed range, e.g. "&gt; 0", used only in the error message (may be empty)
     * @throws CaseException when the text is not a number or its unit does not fit the kind
     */
    public static Quantity toSi(String field, String text, QuantityKind kind, String rangeText)
            throws CaseException {
        Matcher m = NUMBER_THEN_UNIT.matcher(text);
        if (!m.matches()) {
            throw new CaseException(field, text, kind.describe(rangeText));
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            return new Quantity(number, null);
        }
        UnitExpression.Scaled scaled = UnitExpression.parse(unit);
        if (scaled == null) {
            throw new CaseException(field, text + " (unknown unit " + unit + ")", kind.describe(rangeText));
        }
        if (!kind.accepts(scaled.dimension())) {
            throw new CaseException(field, text + " (" + describe(scaled.dimension()) + ")",
                    kind.describe(rangeText));
        }
        return new Quantity(number * scaled.factor(), kind.familyOf(scaled.dimension()));
    }

    /** Names what a unit of dimension {@code d} measures, e.g. "a time". */
    private static String describe(Dimension d) {
        for (QuantityKind k : QuantityKind.values()) {
            if (k != QuantityKind.FILM_COEFFICIENT && k.accepts(d)) {
                return d.equals(Dimension.NONE) ? "a plain number" : k.noun();
            }
        }
        return "a unit of another dimension";
    }
}
