package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lays a case over its material: the material's particle, column.bed_porosity and binding form the base, and
 * every key the case sets replaces the material's. A case {@code qmax} replaces the material's
 * {@code qmax_bed} (and the other way round, for every parameter declared on a bed basis); a case binding with a
 * different model ignores the material's binding values. A key the case sets to null is treated as not set.
 */
final class MaterialMerger {
    private MaterialMerger() {
    }

    /** The part of a material that a case inherits, shaped like a case tree. */
    static ObjectNode contribution(Material material) {
        ObjectNode doc = material.document();
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        if (doc.get("particle") instanceof ObjectNode particle) {
            base.set("particle", particle);
        }
        if (doc.get("column") instanceof ObjectNode column && column.has("bed_porosity")) {
            base.putObject("column").set("bed_porosity", column.get("bed_porosity"));
        }
        if (doc.get("binding") instanceof ObjectNode binding) {
            base.set("binding", binding);
        }
        return base;
    }

    /** A new tree: {@code caseTree} laid over the material's contribution. */
    static ObjectNode merge(ObjectNode caseTree, Material material) {
        ObjectNode base = contribution(material);
        ObjectNode merged = caseTree.deepCopy();
        for (String section : new String[] {"particle", "column", "binding"}) {
            JsonNode fromMaterial = base.get(section);
            if (!(fromMaterial instanceof ObjectNode materialSection)) {
                continue;
            }
            JsonNode fromCase = merged.get(section);
            if (fromCase == null || fromCase.isNull()) {
                merged.set(section, materialSection.deepCopy());
            } else if (fromCase instanceof ObjectNode caseSection) {
                if (section.equals("binding")) {
                    dropReplacedCapacity(caseSection, materialSection);
                    if (!sameModel(caseSection, materialSection)) {
                        continue;
                    }
                }
                merged.set(section, overlay(materialSection, caseSection));
            }
        }
        return merged;
    }

    private static boolean sameModel(ObjectNode caseBinding, ObjectNode materialBinding) {
        JsonNode model = caseBinding.get("model");
        return model == null || model.isNull() || model.equals(materialBinding.get("model"));
    }

    private static void dropReplacedCapacity(ObjectNode caseBinding, ObjectNode materialBinding) {
        for (List<String> pair : BindingReader.exclusivePairs()) {
            if (present(caseBinding, pair.get(0))) {
                materialBinding.remove(pair.get(1));
            }
            if (present(caseBinding, pair.get(1))) {
                materialBinding.remove(pair.get(0));
            }
        }
    }

    private static boolean present(ObjectNode node, String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private static ObjectNode overlay(ObjectNode base, ObjectNode top) {
        ObjectNode out = base.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = top.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }
}
