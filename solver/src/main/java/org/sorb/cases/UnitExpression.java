package org.sorb.cases;

import java.util.HashMap;
import java.util.Map;

/**
 * Parses a unit expression such as {@code mL/(mg s)}, {@code mg/mL/min} or {@code cm^2/s} into its SI factor
 * and dimension; products are written with a space or {@code *}, quotients with {@code /}.
 */
final class UnitExpression {

    /** A unit's factor to SI and its dimension. */
    record Scaled(double factor, Dimension dimension) {
        Scaled times(Scaled other) {
            return new Scaled(factor * other.factor, dimension.times(other.dimension));
        }

        Scaled power(int exponent) {
            return new Scaled(Math.pow(factor, exponent), dimension.power(exponent));
        }
    }

    private static final Dimension LENGTH = new Dimension(1, 0, 0, 0);
    private static final Dimension TIME = new Dimension(0, 1, 0, 0);
    private static final Dimension VOLUME = new Dimension(3, 0, 0, 0);
    private static final Dimension MASS = new Dimension(0, 0, 1, 0);
    private static final Dimension AMOUNT = new Dimension(0, 0, 0, 1);
    private static final Dimension MOLARITY = new Dimension(-3, 0, 0, 1);
    private static final Map<String, Scaled> SYMBOLS = symbols();

    private final String text;
    private int pos;

    private UnitExpression(String text) {
        this.text = text;
    }

    /** The SI factor and dimension of {@code unit}, or null when it is not a unit this parser knows. */
    static Scaled parse(String unit) {
        UnitExpression parser = new UnitExpression(unit);
        try {
            Scaled result = parser.quotient();
            parser.skipSpaces();
            return parser.pos == unit.length() ? result : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Scaled quotient() {
        Scaled value = product();
        skipSpaces();
        while (pos < text.length() && text.charAt(pos) == '/') {
            pos++;
            value = value.times(product().power(-1));
            skipSpaces();
        }
        return value;
    }

    private Scaled product() {
        Scaled value = factor();
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                return value;
            }
            char c = text.charAt(pos);
            if (c == '*' || c == '\u00b7') {
                pos++;
                value = value.times(factor());
            } else if (c == '(' || Character.isLetter(c)) {
                value = value.times(factor());
            } else {
                return value;
            }
        }
    }

    private Scaled factor() {
        skipSpaces();
        if (pos >= text.length()) {
            throw new IllegalArgumentException("unit ends early");
        }
        Scaled base;
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            base = quotient();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw new IllegalArgumentException("missing )");
            }
            pos++;
        } else if (c == '1') {
            pos++;
            base = new Scaled(1.0, Dimension.NONE);
        } else {
            int start = pos;
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            base = SYMBOLS.get(text.substring(start, pos));
            if (base == null) {
                throw new IllegalArgumentException("unknown symbol");
            }
        }
        if (pos < text.length() && text.charAt(pos) == '^') {
            pos++;
            int start = pos;
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            base = base.power(Integer.parseInt(text.substring(start, pos)));
        }
        return base;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static Map<String, Scaled> symbols() {
        Map<String, Scaled> m = new HashMap<>();
        m.put("m", new Scaled(1.0, LENGTH));
        m.put("cm", new Scaled(1e-2, LENGTH));
        m.put("mm", new Scaled(1e-3, LENGTH));
        m.put("ms", new Scaled(1e-3, TIME));
        m.put("s", new Scaled(1.0, TIME));
        m.put("min", new Scaled(60.0, TIME));
        m.put("h", new Scaled(3600.0, TIME));
        m.put("d", new Scaled(86400.0, TIME));
        m.put("L", new Scaled(1e-3, VOLUME));
        m.put("l", new Scaled(1e-3, VOLUME));
        m.put("mL", new Scaled(1e-6, VOLUME));
        m.put("ml", new Scaled(1e-6, VOLUME));
        m.put("kg", new Scaled(1.0, MASS));
        m.put("g", new Scaled(1e-3, MASS));
        m.put("mg", new Scaled(1e-6, MASS));
        m.put("mol", new Scaled(1.0, AMOUNT));
        m.put("mmol", new Scaled(1e-3, AMOUNT));
        m.put("M", new Scaled(1e3, MOLARITY));
        m.put("mM", new Scaled(1.0, MOLARITY));
        for (String micro : new String[] {"u", "\u00b5", "\u03bc"}) {
            m.put(micro + "m", new Scaled(1e-6, LENGTH));
            m.put(micro + "L", new Scaled(1e-9, VOLUME));
            m.put(micro + "g", new Scaled(1e-9, MASS));
            m.put(micro + "mol", new Scaled(1e-6, AMOUNT));
            m.put(micro + "M", new Scaled(1e-3, MOLARITY));
        }
        m.put("nM", new Scaled(1e-6, MOLARITY));
        Dimension pressure = new Dimension(-1, -2, 1, 0);
        m.put("Pa", new Scaled(1.0, pressure));
        m.put("mPa", new Scaled(1e-3, pressure));
        m.put("cP", new Scaled(1e-3, new Dimension(-1, -1, 1, 0)));
        return Map.copyOf(m);
    }
}
