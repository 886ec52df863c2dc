package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The case's component names, read from {@code components:} and checked to be distinct. */
record Components(List<String> names) {

    static Components read(Section root) throws CaseException {
        JsonNode v = root.require("components", "a list of component names, e.g. [IgG]");
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        if (items.isEmpty()) {
            throw new CaseException("components", "[]", "at least one component name");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String field = "components[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new CaseException(field, YamlTree.display(item), "a component name");
            }
            String name = item.asText().trim();
            if (names.contains(name)) {
                throw new CaseException(field, name, "distinct component names (" + name + " is also components["
                        + names.indexOf(name) + "])");
            }
            names.add(name);
        }
        return new Components(List.copyOf(names));
    }

    int count() {
        return names.size();
    }

    /** Explains a per-component count, e.g. "one per component: IgG, HSA". */
    String perComponentText() {
        return "one per component: " + String.join(", ", names);
    }

    /** Explains a per-bound-state count for two site types. */
    String perSiteText() {
        return "2 per component: site type 1 for " + String.join(", ", names) + ", then site type 2";
    }
}
