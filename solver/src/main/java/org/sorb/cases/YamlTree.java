package org.sorb.cases;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into a tree whose scalars keep the text exactly as written (so "0.10", ".nan" and "10 cm" reach
 * the validators unchanged); booleans and nulls stay typed, duplicate keys are rejected.
 *
 * <p>One document, nested at most {@link #MAX_NESTING_DEPTH} levels, of at most {@link CaseText#MAX_BYTES} code
 * points. Aliases ({@code *name}) are refused: the parser does not expand them (it would hand over the anchor's
 * name as if it were the value), so an alias is either a mistake read wrongly or an alias bomb.
 */
final class YamlTree {
    static final String YAML_FIELD = "(yaml)";
    /**
     * Deepest nesting of mappings and lists: a case is nested 4 levels deep (e.g. sweep.parameters.key[i]), so 32
     * is generous, and it keeps a pathological document far from the recursion limit of the reader.
     */
    static final int MAX_NESTING_DEPTH = 32;
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions()).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlTree() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(CaseText.MAX_BYTES);
        return options;
    }

    /** Parses one YAML document (a value of --set, say); an empty document gives null. */
    static JsonNode parse(String text) throws CaseException {
        return parse(text, null);
    }

    /** Parses one YAML document; an empty document gives null. {@code source} names it in messages (may be null). */
    static JsonNode parse(String text, String source) throws CaseException {
        String in = source == null ? "" : " of " + source;
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? null : read(parser, "", 1, in);
            if (root != null && parser.nextToken() != null) {
                throw new CaseException(YAML_FIELD, "a second YAML document" + at(parser.currentLocation(), in),
                        "one document per file (no second ---)");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, in);
        } catch (IOException e) {
            throw new CaseException(YAML_FIELD, "unreadable text" + in + " (" + e.getMessage() + ")",
                    "well-formed YAML");
        }
    }

    /** Parses a document that must be a mapping of keys (a case or material file); {@code source} may be null. */
    static ObjectNode parseMapping(String text, String source) throws CaseException {
        JsonNode root = parse(text, source);
        if (!(root instanceof ObjectNode object)) {
            String what = root == null ? "an empty document" : root.isArray() ? "a list " + display(root)
                    : display(root);
            throw new CaseException(YAML_FIELD, what + (source == null ? "" : " in " + source),
                    "a YAML mapping of keys (name:, components:, column:, ...)");
        }
        return object;
    }

    private static JsonNode read(JsonParser parser, String path, int depth, String in)
            throws IOException, CaseException {
        JsonToken token = parser.currentToken();
        if (token.isStructStart() && depth > MAX_NESTING_DEPTH) {
            throw new CaseException(YAML_FIELD, "nesting deeper than " + MAX_NESTING_DEPTH + " levels"
                    + (path.isEmpty() ? "" : " at " + path) + at(parser.currentLocation(), in),
                    "a case nested at most " + MAX_NESTING_DEPTH + " levels deep");
        }
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new CaseException(YAML_FIELD, "the alias *" + parser.getText()
                    + (path.isEmpty() ? "" : " at " + path) + at(parser.currentLocation(), in),
                    "values written out: Sorb does not expand YAML anchors and aliases (&name, *name)");
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    String field = path.isEmpty() ? key : path + "." + key;
                    parser.nextToken();
                    JsonNode value = read(parser, field, depth + 1, in);
                    if (object.has(key)) {
                        throw new CaseException(field, "a second value " + display(value),
                                "each key once per section (first value " + display(object.get(key)) + ")");
                    }
                    object.set(key, value);
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, path + "[" + index++ + "]", depth + 1, in));
                }
                return array;
            }
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.instance;
            default:
                return TextNode.valueOf(parser.getText());
        }
    }

    private static String at(JsonLocation location, String in) {
        return location == null ? in : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + in
                + ")";
    }

    private static CaseException syntaxError(JsonProcessingException e, String in) {
        JsonLocation at = e.getLocation();
        StringBuilder problem = new StringBuilder();
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        for (String line : original.split("\n")) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            if (problem.length() > 0) {
                problem.append("; ");
            }
            problem.append(line.trim());
        }
        String where = (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + in;
        return new CaseException(YAML_FIELD, "invalid YAML" + where + " (" + problem + ")", "well-formed YAML");
    }

    /** The node as a short YAML-like text for messages: scalars as written, lists as [a, b]. */
    static String display(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(display(node.get(i)));
            }
            return sb.append(']').toString();
        }
        if (node.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(e.getKey()).append(": ").append(display(e.getValue())).append(it.hasNext() ? ", " : "");
            }
            return sb.append('}').toString();
        }
        return node.asText();
    }
}
