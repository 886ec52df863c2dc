package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set key.path=value} overrides to a case tree, in order. Setting one of a set of mutually
 * exclusive keys (the three velocity keys; a binding parameter and its bed basis, qmax and qmax_bed; profile interval and times) removes the others,
 * so an override replaces what the file said; {@code key=null} removes a key (falling back to the material or
 * the default). An index into a list the case takes from its material copies
 * that list first.
 */
final class Overrides {
    private static final Map<String, List<List<String>>> EXCLUSIVE = Map.of(
            "column", List.of(ColumnReader.VELOCITY_KEYS),
            "binding", BindingReader.exclusivePairs(),
            "output.profiles", List.of(OutputReader.PROFILE_KEYS));

    private Overrides() {
    }

    /** Parses every {@code key.path=value} text. */
    static List<SetOverride> parse(List<String> texts) throws CaseException {
        List<SetOverride> out = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            out.add(SetOverride.parse(text));
        }
        return out;
    }

    /**
     * Applies one override to {@code tree}.
     *
     * @param base values the case inherits (its material's contribution), or null
     */
    static void apply(ObjectNode tree, SetOverride override, ObjectNode base) throws CaseException {
        List<Object> path = override.path();
        JsonNode node = tree;
        JsonNode baseNode = base;
        for (int i = 0; i < path.size() - 1; i++) {
            Object segment = path.get(i);
            boolean nextIsIndex = path.get(i + 1) instanceof Integer;
            JsonNode child = child(node, segment);
            JsonNode baseChild = baseNode == null ? null : child(baseNode, segment);
            if (child == null || child.isNull()) {
                if (nextIsIndex && baseChild instanceof ArrayNode inherited) {
                    child = inherited.deepCopy();
                } else if (nextIsIndex) {
                    throw new CaseException(override.field(), "an index into " + override.prefix(i + 1)
                            + ", which is not set", "a path to an existing list, or the whole list, e.g. "
                            + override.prefix(i + 1) + "=[1.0]");
                } else {
                    child = JsonNodeFactory.instance.objectNode();
                }
                put(node, segment, child);
            }
            if (nextIsIndex ? !child.isArray() : !child.isObject()) {
                throw new CaseException(override.field(), override.prefix(i + 1) + " = "
                        + YamlTree.display(child), nextIsIndex ? "a list to index" : "a section with keys");
            }
            node = child;
            baseNode = baseChild;
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index && index > node.size()) {
            throw new CaseException(override.field(), "index " + index + " into " + YamlTree.display(node),
                    "an index up to " + node.size() + " (the list has " + node.size() + " values)");
        }
        boolean remove = override.value() == null || override.value().isNull();
        if (remove && last instanceof String key) {
            ((ObjectNode) node).remove(key);
            return;
        }
        put(node, last, override.value());
        if (last instanceof String key && node instanceof ObjectNode object) {
            for (List<String> group : EXCLUSIVE.getOrDefault(override.prefix(path.size() - 1), List.of())) {
                if (group.contains(key)) {
                    group.stream().filter(k -> !k.equals(key)).forEach(object::remove);
                }
            }
        }
    }

    private static JsonNode child(JsonNode node, Object segment) {
        if (segment instanceof Integer index) {
            return node.isArray() && index < node.size() ? node.get(index) : null;
        }
        return node.isObject() ? node.get((String) segment) : null;
    }

    private static void put(JsonNode node, Object segment, JsonNode value) {
        if (segment instanceof Integer index) {
            ArrayNode array = (ArrayNode) node;
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else {
            ((ObjectNode) node).set((String) segment, value);
        }
    }
}
