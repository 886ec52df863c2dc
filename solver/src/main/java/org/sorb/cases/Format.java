package org.sorb.cases;

/** Number formatting shared by messages, notes and the resolved YAML. */
final class Format {
    private Format() {
    }

    /**
     * The shortest text that reads back as exactly {@code v}, with a signed exponent so that YAML 1.1 readers
     * (PyYAML) also see a float: 0.1, 60.0, 1.0E-8, 1.0E+10.
     */
    static String number(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e >= 0 && s.charAt(e + 1) != '-') {
            s = s.substring(0, e + 1) + "+" + s.substring(e + 1);
        }
        return s;
    }

    /** A list of numbers as [a, b, c]. */
    static String numbers(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return sb.append(']').toString();
    }
}
