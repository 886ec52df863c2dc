package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.ColumnCase;

/**
 * Loads a case file: parses the YAML, applies {@code --set} overrides, merges the material, converts units to
 * SI, validates, and builds the model together with its resolved YAML. A case with a {@code sweep:} section is
 * loaded with {@link #loadSweep} into one validated case per design.
 */
public final class CaseLoader {
    private CaseLoader() {
    }

    /**
     * Loads the case file {@code file} with {@code overrides} ({@code key.path=value}, may be empty).
     *
     * @throws CaseException when the case is not valid, or is a sweep; its field names the offending key
     * @throws IOException   when the file cannot be read
     */
    public static LoadedCase load(Path file, List<String> overrides) throws CaseException, IOException {
        String text = CaseText.read(file);
        LoadedCase parsed = parse(text, file.toString(), overrides);
        return withSource(parsed, file);
    }

    /**
     * Loads a case from YAML text.
     *
     * @param sourceName where the text came from, recorded in the resolved YAML (may be null)
     * @throws CaseException when the case is not valid, or is a sweep; its field names the offending key
     */
    public static LoadedCase parse(String yamlText, String sourceName, List<String> overrides)
            throws CaseException {
        ObjectNode tree = YamlTree.parseMapping(yamlText, sourceName);
        if (tree.has(SweepReader.KEY)) {
            throw new CaseException(SweepReader.KEY, "a sweep of designs", "a single case here (sorb run and "
                    + "sorb validate take sweeps; in code, CaseLoader.loadSweep)");
        }
        return prepare(tree, sourceName, overrides).read(List.of()).loaded();
    }

    /**
     * Loads a case from YAML text that was made from {@code source} (a CADET input file, say): {@link #parse} with
     * {@code source} recorded as the case's file.
     */
    public static LoadedCase parseFrom(String yamlText, Path source, List<String> overrides) throws CaseException {
        return withSource(parse(yamlText, source.toString(), overrides), source);
    }

    /** True when the case file has a {@code sweep:} section. */
    public static boolean declaresSweep(Path file) throws CaseException, IOException {
        return YamlTree.parseMapping(CaseText.read(file), file.toString()).has(SweepReader.KEY);
    }

    /**
     * Loads a case file with a {@code sweep:} section: the base case (the file without its sweep, with
     * {@code overrides}) and one validated case per design (the base with the design's parameter values applied
     * after the overrides).
     *
     * @throws CaseException when the case or its sweep is not valid; the field is {@code sweep.mode},
     *                       {@code sweep.parameters.<key>} or {@code sweep.parameters} (naming the failing design)
     * @throws IOException   when the file cannot be read
     */
    public static LoadedSweep loadSweep(Path file, List<String> overrides) throws CaseException, IOException {
        String text = CaseText.read(file);
        LoadedSweep sweep = parseSweep(text, file.toString(), overrides);
        List<LoadedCase> designs = new ArrayList<>();
        for (LoadedCase d : sweep.designs()) {
            designs.add(withSource(d, file));
        }
        return new LoadedSweep(withSource(sweep.base(), file), sweep.mode(), sweep.names(), sweep.units(),
                sweep.parameters(), designs, sweep.definition());
    }

    /** {@link #loadSweep} from YAML text; {@code sourceName} may be null. */
    public static LoadedSweep parseSweep(String yamlText, String sourceName, List<String> overrides)
            throws CaseException {
        ObjectNode tree = YamlTree.parseMapping(yamlText, sourceName);
        JsonNode sweepNode = tree.remove(SweepReader.KEY);
        if (sweepNode == null) {
            throw new CaseException(SweepReader.KEY, "nothing", "a sweep section (mode, parameters)");
        }
        List<String> caseOverrides = new ArrayList<>();
        ObjectNode sweepTree = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        sweepTree.set(SweepReader.KEY, sweepNode);
        for (String text : overrides == null ? List.<String>of() : overrides) {
            SetOverride o = SetOverride.parse(text);
            if (isSweep(o)) {
                Overrides.apply(sweepTree, o, null);
            } else {
                caseOverrides.add(text);
            }
        }
        SweepSpec spec = SweepReader.read(sweepTree.get(SweepReader.KEY));
        Prepared prepared = prepare(tree, sourceName, caseOverrides);
        return SweepDesigns.load(prepared, spec);
    }

    private static LoadedCase withSource(LoadedCase c, Path file) {
        return new LoadedCase(c.model(), c.resolvedYaml(), c.concentrationUnit(), file, c.metrics());
    }

    /** Reads {@code tree}: the {@code material} override, the top-level keys, the material and the other overrides. */
    static Prepared prepare(ObjectNode tree, String sourceName, List<String> overrides) throws CaseException {
        List<SetOverride> parsedOverrides = Overrides.parse(overrides);
        for (SetOverride o : parsedOverrides) {
            if (isSweep(o)) {
                throw new CaseException(o.field(), "--set on a case without a sweep section",
                        "a sweep section in the case file (--set can change an existing sweep)");
            }
        }
        for (SetOverride o : parsedOverrides) {
            if (isMaterial(o)) {
                Overrides.apply(tree, o, null);
            }
        }
        CaseReader.checkTopLevelKeys(tree);
        Material material = MaterialLibrary.named(tree.get("material"));
        ObjectNode inherited = material == null ? null : MaterialMerger.contribution(material);
        for (SetOverride o : parsedOverrides) {
            if (!isMaterial(o)) {
                Overrides.apply(tree, o, inherited);
            }
        }
        return new Prepared(tree, material, inherited, sourceName,
                overrides == null ? List.of() : List.copyOf(overrides));
    }

    private static boolean isSweep(SetOverride o) {
        return o.path().get(0).equals(SweepReader.KEY);
    }

    private static boolean isMaterial(SetOverride o) {
        return o.path().size() == 1 && o.path().get(0).equals("material");
    }

    /**
     * A case tree with its material found and its {@code --set} overrides applied, ready to be read, once or once
     * per design of a sweep.
     */
    record Prepared(ObjectNode tree, Material material, ObjectNode inherited, String sourceName,
                    List<String> overrides) {
        /** A copy of the tree with {@code designOverrides} applied (paths checked, values not yet). */
        ObjectNode withOverrides(List<SetOverride> designOverrides) throws CaseException {
            ObjectNode copy = tree.deepCopy();
            for (SetOverride o : designOverrides) {
                Overrides.apply(copy, o, inherited);
            }
            return copy;
        }

        /** Reads and validates the tree with {@code designOverrides} applied. */
        Read read(List<SetOverride> designOverrides) throws CaseException {
            return readTree(withOverrides(designOverrides), designOverrides);
        }

        /** Reads and validates {@code designTree} (this tree with {@code designOverrides} already applied). */
        Read readTree(ObjectNode designTree, List<SetOverride> designOverrides) throws CaseException {
            ObjectNode merged = material == null ? designTree : MaterialMerger.merge(designTree, material);
            ReadContext context = new ReadContext();
            ColumnCase model = CaseReader.read(merged, context);
            org.sorb.metrics.MetricsSpec metrics = MetricsReader.read(new Section(merged, "", context));
            String unit = context.family().siUnit();
            List<String> all = new ArrayList<>(overrides);
            for (SetOverride o : designOverrides) {
                all.add(o.field() + "=" + YamlTree.display(o.value()));
            }
            String yaml = ResolvedCaseWriter.write(model, unit, context.conversions(),
                    provenance(sourceName, material, all)) + MetricsReader.resolvedYaml(metrics);
            return new Read(new LoadedCase(model, yaml, unit, null, metrics), Map.copyOf(context.values()),
                    Map.copyOf(context.units()));
        }
    }

    /**
     * A case as read, with every number it read.
     *
     * @param loaded the case
     * @param values SI value of every number read, by field (e.g. {@code binding.qmax[0]})
     * @param units  SI unit of every number read, by field
     */
    record Read(LoadedCase loaded, Map<String, Double> values, Map<String, String> units) {
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
