package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --set key.path=value} override: a path of keys and list indices, and a value parsed as YAML
 * (so "12 cm", "120", "[1, 2]" and "{interval: 5 min}" all work).
 *
 * @param field the key path as a case-file field, e.g. {@code binding.qmax[0]}
 * @param path  the path segments: String keys and Integer indices
 * @param value the new value
 */
record SetOverride(String field, List<Object> path, JsonNode value) {
    static final String FIELD = "--set";
    private static final String EXPECTED = "key.path=value, e.g. column.length=12 cm or binding.qmax[0]=120";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static SetOverride parse(String text) throws CaseException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new CaseException(FIELD, text, EXPECTED);
        }
        String key = text.substring(0, eq).trim();
        String valueText = text.substring(eq + 1).trim();
        List<Object> path = segments(key);
        if (path == null) {
            throw new CaseException(FIELD, text, EXPECTED);
        }
        if (valueText.isEmpty()) {
            throw new CaseException(key, "an empty value in --set " + text, "a value after =");
        }
        JsonNode value;
        try {
            value = YamlTree.parse(valueText);
        } catch (CaseException e) {
            throw new CaseException(key, valueText + " (--set " + text + ")", "a YAML value: " + e.getMessage());
        }
        return new SetOverride(key, List.copyOf(path), value);
    }

    /** The segments of a key path such as {@code inlet[1].concentration}, or null when it is malformed. */
    private static List<Object> segments(String key) {
        List<Object> path = new ArrayList<>();
        int pos = 0;
        while (pos < key.length()) {
            if (key.charAt(pos) == '[') {
                int close = key.indexOf(']', pos);
                if (path.isEmpty() || close < 0 || !key.substring(pos + 1, close).matches("\\d{1,9}")) {
                    return null;
                }
                path.add(Integer.valueOf(key.substring(pos + 1, close)));
                pos = close + 1;
                continue;
            }
            if (!path.isEmpty()) {
                if (key.charAt(pos) != '.') {
                    return null;
                }
                pos++;
            }
            Matcher m = IDENTIFIER.matcher(key).region(pos, key.length());
            if (!m.lookingAt()) {
                return null;
            }
            path.add(m.group());
            pos = m.end();
        }
        return path.isEmpty() ? null : path;
    }

    /** The field of the path's first {@code depth} segments, e.g. {@code binding} for depth 1. */
    String prefix(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            Object seg = path.get(i);
            if (seg instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(seg);
            }
        }
        return sb.toString();
    }
}
