package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An adsorbent from the material library: its descriptive fields and the particle, column and binding values
 * a case can take from it.
 *
 * @param name     the library name, equal to the file name without {@code .yaml}
 * @param document the whole material file as a tree, scalars as written
 */
public record Material(String name, ObjectNode document) {
    public Material {
        document = document.deepCopy();
    }

    @Override
    public ObjectNode document() {
        return document.deepCopy();
    }

    /** The product name, e.g. "MabSelect PrismA", or the library name when none is given. */
    public String displayName() {
        return text("display_name", name);
    }

    /** The vendor, or an empty string. */
    public String vendor() {
        return text("vendor", "");
    }

    /** What the adsorbent binds, e.g. "IgG", or an empty string. */
    public String target() {
        return text("target", "");
    }

    /** The source of every number, keyed by its dotted path (e.g. {@code particle.radius}). */
    public Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode sources = document.get("sources");
        if (sources != null && sources.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = sources.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), YamlTree.display(e.getValue()));
            }
        }
        return out;
    }

    private String text(String key, String fallback) {
        JsonNode v = document.get(key);
        return v == null || v.isNull() ? fallback : YamlTree.display(v);
    }
}
