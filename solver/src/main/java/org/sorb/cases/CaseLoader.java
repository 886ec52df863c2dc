package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.ColumnCase;

/**
 * Loads a case file: parses the YAML, applies {@code --set} overrides, merges the material, converts units to
 * SI, validates, and builds the model together with its resolved YAML.
 */
public final class CaseLoader {
    private CaseLoader() {
    }

    /**
     * Loads the case file {@code file} with {@code overrides} ({@code key.path=value}, may be empty).
     *
     * @throws CaseException when the case is not valid; its field names the offending key
     * @throws IOException   when the file cannot be read
     */
    public static LoadedCase load(Path file, List<String> overrides) throws CaseException, IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        LoadedCase parsed = parse(text, file.toString(), overrides);
        return new LoadedCase(parsed.model(), parsed.resolvedYaml(), parsed.concentrationUnit(), file);
    }

    /**
     * Loads a case from YAML text.
     *
     * @param sourceName where the text came from, recorded in the resolved YAML (may be null)
     * @throws CaseException when the case is not valid; its field names the offending key
     */
    public static LoadedCase parse(String yamlText, String sourceName, List<String> overrides)
            throws CaseException {
        List<SetOverride> parsedOverrides = Overrides.parse(overrides);
        ObjectNode tree = YamlTree.parseMapping(yamlText);
        for (SetOverride o : parsedOverrides) {
            if (o.path().size() == 1 && o.path().get(0).equals("material")) {
                Overrides.apply(tree, o, null);
            }
        }
        CaseReader.checkTopLevelKeys(tree);
        Material material = material(tree);
        ObjectNode inherited = material == null ? null : MaterialMerger.contribution(material);
        for (SetOverride o : parsedOverrides) {
            if (!(o.path().size() == 1 && o.path().get(0).equals("material"))) {
                Overrides.apply(tree, o, inherited);
            }
        }
        ObjectNode merged = material == null ? tree : MaterialMerger.merge(tree, material);
        ReadContext context = new ReadContext();
        ColumnCase model = CaseReader.read(merged, context);
        String unit = context.family().siUnit();
        String yaml = ResolvedCaseWriter.write(model, unit, context.conversions(),
                provenance(sourceName, material, overrides));
        return new LoadedCase(model, yaml, unit, null);
    }

    private static Material material(ObjectNode tree) throws CaseException {
        JsonNode name = tree.get("material");
        if (name == null || name.isNull()) {
            return null;
        }
        if (!name.isTextual()) {
            throw new CaseException("material", YamlTree.display(name), "a material name, one of "
                    + String.join(", ", MaterialLibrary.names()));
        }
        return MaterialLibrary.load(name.asText());
    }

    private static Map<String, Object> provenance(String sourceName, Material material, List<String> overrides) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (sourceName != null) {
            p.put("source", sourceName);
        }
        if (material != null) {
            p.put("material", material.name());
            p.put("material_name", material.displayName());
        }
        if (overrides != null && !overrides.isEmpty()) {
            p.put("overrides", new ArrayList<>(overrides));
        }
        return p;
    }
}
