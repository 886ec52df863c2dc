package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The range of one sampled sweep parameter, in the unit its {@code min} was written in: a unit-cube coordinate t
 * in [0, 1) becomes {@code min + t (max - min)} (linear) or {@code min (max/min)^t} (log, uniform in log).
 *
 * @param min  lower end, in {@code unit}
 * @param max  upper end, in {@code unit} (converted from max's own unit when it differs), {@code max > min}
 * @param unit the unit of {@code min} as written; empty for a bare (SI) number
 * @param log  true for {@code scale: log}
 */
record SweepRange(double min, double max, String unit, boolean log) {
    static final List<String> KEYS = List.of("min", "max", "scale");
    static final String EXPECTED = "a range {min: .., max: .., scale: linear|log}, e.g. {min: 30 um, max: 90 um}";

    private static final Map<String, Boolean> SCALES = scales();

    SweepRange {
        if (!(max > min) || (log && !(min > 0))) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "]");
        }
    }

    /** Reads {@code node}, a mapping at {@code field} (e.g. {@code sweep.parameters.column.length}). */
    static SweepRange read(String field, JsonNode node) throws CaseException {
        if (!(node instanceof ObjectNode map)) {
            throw new CaseException(field, YamlTree.display(node), EXPECTED);
        }
        Section s = new Section(map, field, new ReadContext());
        s.allowKeys(KEYS);
        boolean log = s.choice("scale", SCALES, false);
        String[] lo = split(s, "min");
        String[] hi = split(s, "max");
        double min = Double.parseDouble(lo[0]);
        double max = Double.parseDouble(hi[0]) * factor(s, "max", hi[1], lo[1]);
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new CaseException(field, "min " + s.display("min") + ", max " + s.display("max"), "finite numbers");
        }
        if (log && !(min > 0)) {
            throw new CaseException(s.field("min"), s.display("min"), "a number > 0 for scale: log (log of min)");
        }
        if (!(max > min)) {
            throw new CaseException(field, "min " + s.display("min") + " >= max " + s.display("max"),
                    "min < max");
        }
        return new SweepRange(min, max, lo[1], log);
    }

    private static Map<String, Boolean> scales() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("linear", false);
        m.put("log", true);
        return m;
    }

    /** Number and unit of the text at {@code key}. */
    private static String[] split(Section s, String key) throws CaseException {
        JsonNode v = s.require(key, "a number, with a unit where the key takes one (e.g. 30 um)");
        Matcher m = v.isValueNode() && !v.isBoolean() ? Units.NUMBER_THEN_UNIT.matcher(YamlTree.display(v)) : null;
        if (m == null || !m.matches()) {
            throw new CaseException(s.field(key), s.display(key), "a number, with a unit where the key takes one "
                    + "(e.g. 30 um)");
        }
        return new String[] {m.group(1), m.group(2)};
    }

    /** Factor from {@code unit} to {@code target} (units of one dimension, or both empty). */
    private static double factor(Section s, String key, String unit, String target) throws CaseException {
        if (unit.equals(target)) {
            return 1.0;
        }
        UnitExpression.Scaled from = unit.isEmpty() ? null : UnitExpression.parse(unit);
        UnitExpression.Scaled to = target.isEmpty() ? null : UnitExpression.parse(target);
        if (from == null || to == null || !from.dimension().equals(to.dimension())) {
            throw new CaseException(s.field(key), s.display(key) + " against min " + s.display("min"),
                    "min and max in known units of one dimension (or both bare SI numbers)");
        }
        return from.factor() / to.factor();
    }

    /** The value at unit coordinate {@code t} in [0, 1), in {@code unit}, kept inside [min, max]. */
    double at(double t) {
        double v = log ? min * Math.pow(max / min, t) : min + t * (max - min);
        return Math.min(max, Math.max(min, v));
    }

    /** {@link #at} as case-file text, e.g. {@code 41.27 um}, for the design's override. */
    JsonNode node(double t) {
        String number = Double.toString(at(t));
        return TextNode.valueOf(unit.isEmpty() ? number : number + " " + unit);
    }
}
