package org.sorb.cases;

import java.util.List;
import java.util.Map;

/**
 * Writes nested maps as block YAML with flow-style lists: strings double-quoted, numbers in a form every
 * YAML reader sees as a float; null values are left out.
 */
public final class YamlEmitter {
    private YamlEmitter() {
    }

    /**
     * {@code map} as a YAML document: nested maps as blocks, lists of maps as block lists of flow mappings, values as
     * Double, double[], Integer, Boolean, String or lists of them.
     */
    public static String document(Map<String, ?> map) {
        StringBuilder out = new StringBuilder();
        mapping(map, 0, out);
        return out.toString();
    }

    /** Appends {@code map} as a block mapping indented by {@code indent} spaces. */
    static void mapping(Map<String, ?> map, int indent, StringBuilder out) {
        String pad = " ".repeat(indent);
        for (Map.Entry<String, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v == null || (v instanceof Map<?, ?> m && m.isEmpty())) {
                continue;
            }
            out.append(pad).append(key(e.getKey())).append(':');
            if (v instanceof Map<?, ?> m) {
                out.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, ?> nested = (Map<String, ?>) m;
                mapping(nested, indent + 2, out);
            } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                out.append('\n');
                for (Object item : list) {
                    out.append(pad).append("  - ").append(flowMapping((Map<?, ?>) item)).append('\n');
                }
            } else {
                out.append(' ').append(scalar(v)).append('\n');
            }
        }
    }

    private static String flowMapping(Map<?, ?> map) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() != null) {
                sb.append(sb.length() == 1 ? "" : ", ").append(key(e.getKey().toString())).append(": ")
                        .append(scalar(e.getValue()));
            }
        }
        return sb.append('}').toString();
    }

    private static String scalar(Object v) {
        if (v instanceof Double d) {
            return Format.number(d);
        }
        if (v instanceof double[] values) {
            return Format.numbers(values);
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(scalar(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof String s) {
            return quote(s);
        }
        return String.valueOf(v);
    }

    private static String key(String k) {
        return k.matches("[A-Za-z_][A-Za-z0-9_.]*") ? k : quote(k);
    }

    /** A double-quoted YAML string with JSON-style escapes. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
