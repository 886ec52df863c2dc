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
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads YAML into a tree whose scalars keep the text exactly as written (so "0.10", ".nan" and "10 cm" reach
 * the validators unchanged); booleans and nulls stay typed, duplicate keys are rejected.
 */
final class YamlTree {
    static final String YAML_FIELD = "(yaml)";
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlTree() {
    }

    /** Parses one YAML document; an empty document gives null. */
    static JsonNode parse(String text) throws CaseException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : read(parser, "");
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new CaseException(YAML_FIELD, "unreadable text (" + e.getMessage() + ")", "well-formed YAML");
        }
    }

    /** Parses a document that must be a mapping of keys (a case or material file). */
    static ObjectNode parseMapping(String text) throws CaseException {
        JsonNode root = parse(text);
        if (!(root instanceof ObjectNode object)) {
            throw new CaseException(YAML_FIELD, root == null ? "an empty document" : display(root),
                    "a YAML mapping of keys (name:, components:, column:, ...)");
        }
        return object;
    }

    private static JsonNode read(JsonParser parser, String path) throws IOException, CaseException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    String field = path.isEmpty() ? key : path + "." + key;
                    parser.nextToken();
                    JsonNode value = read(parser, field);
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
                    array.add(read(parser, path + "[" + index++ + "]"));
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

    private static CaseException syntaxError(JsonProcessingException e) {
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
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
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
