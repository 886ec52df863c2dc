package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.InvalidModelException;
import org.sorb.model.BindingDeclaration;
import org.sorb.model.BindingModels;
import org.sorb.model.PhLangmuirBinding;
import org.sorb.numerics.HostMemory;
import org.sorb.treatment.AdsorberColumn;
import org.sorb.treatment.Circuit;
import org.sorb.treatment.Operation;
import org.sorb.treatment.Patient;
import org.sorb.treatment.Regeneration;
import org.sorb.treatment.Schedule;
import org.sorb.treatment.Species;
import org.sorb.treatment.TreatmentCase;

/**
 * Loads a treatment case: a case file with {@code patient:}, {@code circuit:}, {@code operation:} and
 * {@code schedule:} sections beside the usual column keys (components, material, column with diameter, particle,
 * binding, discretization, solver). The column's flow is the circuit's plasma flow; its inlet comes from the
 * patient, so a treatment case has no {@code inlet}, {@code initial} or {@code output} section.
 */
public final class TreatmentCaseLoader {
    /** Top-level keys of a treatment case. */
    static final List<String> TOP_KEYS = List.of("name", "description", "components", "material", "column",
            "particle", "binding", "discretization", "solver", "patient", "circuit", "operation", "schedule",
            "sources", "references", "units", "conversions", "provenance");
    private static final List<String> TREATMENT_SECTIONS = List.of("patient", "circuit", "operation", "schedule",
            "sources", "references");

    private TreatmentCaseLoader() {
    }

    /** True when the YAML file at {@code file} is a treatment case (it has a {@code patient:} key). */
    public static boolean isTreatment(Path file) throws IOException {
        try {
            ObjectNode tree = YamlTree.parseMapping(CaseText.read(file), file.toString());
            return tree.has("patient");
        } catch (CaseException e) {
            return false;
        }
    }

    /** Loads the treatment case file {@code file} with {@code --set} overrides. */
    public static LoadedTreatment load(Path file, List<String> overrides) throws CaseException, IOException {
        String text = CaseText.read(file);
        LoadedTreatment t = parse(text, file.toString(), overrides);
        return new LoadedTreatment(t.model(), t.resolvedYaml(), t.concentrationUnit(), file);
    }

    /** The binding models a treatment runs: those without a modulator, and ph_langmuir (the circuit sets the pH). */
    private static List<String> treatmentModels() {
        return BindingModels.ALL.stream().filter(d -> d.firstComponent() == null
                || d.key().equals(PhLangmuirBinding.DECLARATION.key())).map(BindingDeclaration::key).toList();
    }

    /** Loads a treatment case from YAML text. */
    public static LoadedTreatment parse(String yamlText, String sourceName, List<String> overrides)
            throws CaseException {
        List<SetOverride> parsedOverrides = Overrides.parse(overrides);
        ObjectNode tree = YamlTree.parseMapping(yamlText, sourceName);
        for (SetOverride o : parsedOverrides) {
            if (o.path().size() == 1 && o.path().get(0).equals("material")) {
                Overrides.apply(tree, o, null);
            }
        }
        new Section(tree, "", new ReadContext()).allowKeys(TOP_KEYS);
        Material material = MaterialLibrary.named(tree.get("material"));
        ObjectNode inherited = material == null ? null : MaterialMerger.contribution(material);
        for (SetOverride o : parsedOverrides) {
            if (!(o.path().size() == 1 && o.path().get(0).equals("material"))) {
                Overrides.apply(tree, o, inherited);
            }
        }
        ObjectNode merged = material == null ? tree : MaterialMerger.merge(tree, material);
        ReadContext context = new ReadContext();
        Section root = new Section(merged, "", context);
        Components components = Components.read(root);
        Section patientSection = root.requireSection("patient", "a patient section (weight, hematocrit, species)");
        Section circuitSection = root.requireSection("circuit", "a circuit section (blood_flow, plasma_flow, ...)");
        Section operationSection = root.requireSection("operation",
                "an operation section (columns, cycle_volume, regeneration)");
        Section scheduleSection = root.requireSection("schedule", "a schedule section (sessions, plasma_volumes)");
        Section columnSection = root.requireSection("column", "a column section (model, length, diameter, "
                + "bed_porosity, axial_dispersion)");
        Circuit circuit = mapped(() -> TreatmentReader.circuit(circuitSection));
        double diameter = columnSection.number("diameter", QuantityKind.LENGTH, Range.POSITIVE);
        for (String key : ColumnReader.VELOCITY_KEYS) {
            if (columnSection.has(key)) {
                throw new CaseException(columnSection.field(key), columnSection.display(key),
                        "no velocity in a treatment case: the column runs at circuit.plasma_flow (and the "
                                + "regeneration flow), with column.diameter");
            }
        }
        ObjectNode columnTree = merged.deepCopy();
        TREATMENT_SECTIONS.forEach(columnTree::remove);
        ((ObjectNode) columnTree.get("column")).put("flow_rate", circuit.plasmaFlow());
        ArrayNode inlet = columnTree.putArray("inlet");
        ObjectNode section = inlet.addObject();
        section.put("until", 1.0);
        ArrayNode conc = section.putArray("concentration");
        for (int i = 0; i < components.count(); i++) {
            conc.add(0.0);
        }
        BindingDeclaration bindingModel = BindingModels.find(merged.path("binding").path("model").asText());
        if (bindingModel != null && !treatmentModels().contains(bindingModel.key())) {
            throw new CaseException("binding.model", bindingModel.key(), "a binding the treatment can drive: "
                    + String.join(", ", treatmentModels()) + " (the circuit sets the pH, but no modulator such as "
                    + bindingModel.firstComponent() + ")");
        }
        ColumnCase loading = CaseReader.read(columnTree, context);
        // the pH-dependent binding carries the pH as component 0; it is not a patient species
        final int phIndex = loading.binding() instanceof PhLangmuirBinding ? 0 : -1;

        Patient patient = mapped(() -> TreatmentReader.patient(patientSection, components, phIndex));
        Operation operation = mapped(() -> TreatmentReader.operation(operationSection));
        Schedule schedule = mapped(() -> TreatmentReader.schedule(scheduleSection));
        double area = Math.PI * diameter * diameter / 4.0;
        Column c = loading.column();
        double ratio = operation.regeneration().flow() / circuit.plasmaFlow();
        Column regenColumn = new Column(c.model(), c.length(), c.bedPorosity(), c.interstitialVelocity() * ratio,
                c.axialDispersion());
        ColumnCase regeneration = new ColumnCase(loading.name(), loading.components(), regenColumn,
                loading.particle(), loading.binding(), loading.inlet(), loading.initial(), loading.discretization(),
                loading.solver(), loading.output());
        String name = loading.name();
        TreatmentCase model = mapped(() -> new TreatmentCase(name, patient, circuit,
                new AdsorberColumn(loading, regeneration, area, phIndex), operation, schedule));
        MemoryGuard.treatment(model, scheduleSection, HostMemory::availableFor);
        String unit = context.family().siUnit();
        Map<String, Object> provenance = new LinkedHashMap<>();
        if (sourceName != null) {
            provenance.put("source", sourceName);
        }
        if (material != null) {
            provenance.put("material", material.name());
            provenance.put("material_name", material.displayName());
        }
        if (overrides != null && !overrides.isEmpty()) {
            provenance.put("overrides", new ArrayList<>(overrides));
        }
        Map<String, Object> doc = ResolvedCaseWriter.document(loading, unit, context.conversions(), provenance);
        doc.remove("inlet");
        doc.remove("initial");
        doc.remove("output");
        @SuppressWarnings("unchecked")
        Map<String, Object> col = (Map<String, Object>) doc.get("column");
        col.put("diameter", diameter);
        col.put("interstitial_velocity_regeneration", regenColumn.interstitialVelocity());
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            if (e.getKey().equals("units")) {
                out.putAll(TreatmentReader.resolved(model));
            }
            out.put(e.getKey(), e.getValue());
        }
        JsonNode sources = merged.get("sources");
        if (sources instanceof ObjectNode s) {
            Map<String, Object> m = new LinkedHashMap<>();
            s.fields().forEachRemaining(e -> m.put(e.getKey(), YamlTree.display(e.getValue())));
            out.put("sources", m);
        }
        StringBuilder yaml = new StringBuilder();
        YamlEmitter.mapping(out, 0, yaml);
        return new LoadedTreatment(model, yaml.toString(), unit, null);
    }

    /** A step of reading that may throw the model records' own validation errors. */
    interface Step<T> {
        T run() throws CaseException;
    }

    /** Runs {@code step}, turning an {@link InvalidModelException} into a CaseException on the same field. */
    static <T> T mapped(Step<T> step) throws CaseException {
        try {
            return step.run();
        } catch (InvalidModelException e) {
            String prefix = e.field() + ": ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                    : e.getMessage();
            throw new CaseException(e.field(), message);
        }
    }
}
