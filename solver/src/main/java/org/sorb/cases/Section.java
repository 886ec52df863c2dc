package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One mapping of the case tree at a known key path, with typed, validating readers for its keys. */
final class Section {
    private final ObjectNode node;
    private final String path;
    private final ReadContext context;

    Section(ObjectNode node, String path, ReadContext context) {
        this.node = node;
        this.path = path;
        this.context = context;
    }

    /** The key path of {@code key} inside this section, e.g. {@code column.length}. */
    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The mapping itself. */
    ObjectNode node() {
        return node;
    }

    ReadContext context() {
        return context;
    }

    /** Fails on the first key not in {@code allowed}, naming the closest allowed key. */
    void allowKeys(Collection<String> allowed) throws CaseException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                Optional<String> guess = KeySuggester.closest(key, allowed);
                throw new CaseException(field(key), "unknown key; " + guess
                        .map(g -> "did you mean " + field(g) + "?")
                        .orElse("expected one of " + String.join(", ", allowed)));
            }
        }
    }

    /** True when {@code key} is present with a non-null value. */
    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The raw value at {@code key}, or null. */
    JsonNode raw(String key) {
        return has(key) ? node.get(key) : null;
    }

    /** The value at {@code key}; fails naming the field and {@code expected} when it is missing. */
    JsonNode require(String key, String expected) throws CaseException {
        if (!has(key)) {
            throw new CaseException(field(key), "nothing", expected);
        }
        return node.get(key);
    }

    /** The mapping at {@code key}, or null when absent. */
    Section section(String key) throws CaseException {
        if (!has(key)) {
            return null;
        }
        JsonNode v = node.get(key);
        if (!(v instanceof ObjectNode object)) {
            throw new CaseException(field(key), YamlTree.display(v), "a mapping of keys");
        }
        return new Section(object, field(key), context);
    }

    /** The mapping at {@code key}; fails when it is missing. */
    Section requireSection(String key, String expected) throws CaseException {
        require(key, expected);
        return section(key);
    }

    /** The text at {@code key}, or {@code fallback} when absent. */
    String text(String key, String fallback) throws CaseException {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            throw new CaseException(field(key), YamlTree.display(v), "a text value");
        }
        return v.asText();
    }

    /** One of the named options at {@code key}, or {@code fallback} when absent. */
    <E> E choice(String key, Map<String, E> options, E fallback) throws CaseException {
        if (!has(key)) {
            if (fallback == null) {
                throw new CaseException(field(key), "nothing", "one of " + String.join(", ", options.keySet()));
            }
            return fallback;
        }
        String name = YamlTree.display(node.get(key));
        E value = options.get(name);
        if (value == null) {
            String hint = KeySuggester.closest(name, options.keySet()).map(g -> "; did you mean " + g + "?")
                    .orElse("");
            throw new CaseException(field(key), name, "one of " + String.join(", ", options.keySet()) + hint);
        }
        return value;
    }

    /** The boolean at {@code key}, or {@code fallback} when absent. */
    boolean bool(String key, boolean fallback) throws CaseException {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String t = v.asText();
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new CaseException(field(key), YamlTree.display(v), "true or false");
    }

    /** The integer at {@code key}, at least {@code min}, or {@code fallback} when absent. */
    int integer(String key, int min, int fallback) throws CaseException {
        if (!has(key)) {
            return fallback;
        }
        String t = YamlTree.display(node.get(key));
        String expected = "an integer >= " + min;
        double v;
        try {
            v = Units.toSi(field(key), t, QuantityKind.NUMBER, "").si();
        } catch (CaseException e) {
            throw new CaseException(field(key), t, expected);
        }
        if (!(v >= min) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new CaseException(field(key), t, expected);
        }
        context.noteValue(field(key), v, QuantityKind.NUMBER);
        return (int) v;
    }

    /** The number at {@code key}, converted to SI; fails when absent. */
    double number(String key, QuantityKind kind, Range range) throws CaseException {
        JsonNode v = require(key, kind.describe(range.text()));
        return Values.number(field(key), v, kind, range, context);
    }

    /** The number at {@code key} converted to SI, or {@code fallback} when absent. */
    double number(String key, QuantityKind kind, Range range, double fallback) throws CaseException {
        return has(key) ? number(key, kind, range) : fallback;
    }

    /**
     * The list at {@code key}, converted to SI, with exactly {@code count} values; a bare scalar counts as a
     * one-element list. {@code countText} explains the count, e.g. "one per component: IgG".
     */
    double[] numbers(String key, QuantityKind kind, Range range, int count, String countText)
            throws CaseException {
        JsonNode v = require(key, count + " value" + (count == 1 ? "" : "s") + " (" + countText + ")");
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else if (v.isValueNode()) {
            items.add(v);
        } else {
            throw new CaseException(field(key), YamlTree.display(v), "a list of " + kind.noun() + " values");
        }
        if (items.size() != count) {
            throw new CaseException(field(key), items.size() + " value" + (items.size() == 1 ? "" : "s") + " "
                    + YamlTree.display(v), count + " value" + (count == 1 ? "" : "s") + " (" + countText + ")");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = Values.number(field(key) + "[" + i + "]", items.get(i), kind, range, context);
        }
        return out;
    }

    /** The list at {@code key} as sections, one per element; fails when absent or not a list of mappings. */
    List<Section> sectionList(String key, String expected) throws CaseException {
        JsonNode v = require(key, expected);
        if (!(v instanceof ArrayNode array) || array.isEmpty()) {
            throw new CaseException(field(key), YamlTree.display(v), expected);
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String itemPath = field(key) + "[" + i + "]";
            if (!(array.get(i) instanceof ObjectNode object)) {
                throw new CaseException(itemPath, YamlTree.display(array.get(i)), expected);
            }
            out.add(new Section(object, itemPath, context));
        }
        return out;
    }

    /** The value at {@code key} as written, for messages. */
    String display(String key) {
        return YamlTree.display(node.get(key));
    }
}
