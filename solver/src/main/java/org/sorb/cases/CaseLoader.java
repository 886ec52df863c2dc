package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sorb.model.BindingModel;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.InvalidModelException;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.LinearBinding;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.ParticleGrid;
import org.sorb.model.TimeIntegration;

/**
 * TEMPORARY stand-in written by the CLI helper so that the CLI compiles and its tests run: bare SI numbers only,
 * linear and Langmuir binding only. The cases helper's real CaseLoader replaces this file.
 */
public final class CaseLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CaseLoader() {
    }

    /** Reads, overrides ({@code key.path=value}), validates and converts a case file. */
    public static LoadedCase load(Path file, List<String> overrides) throws CaseException, IOException {
        String text = Files.readString(file);
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new CaseException("yaml", "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new CaseException("yaml", "expected a mapping at the top level");
        }
        for (String o : overrides) {
            applyOverride(obj, o);
        }
        try {
            ColumnCase model = build(obj);
            return new LoadedCase(model, YAML.writeValueAsString(obj), "kg/m^3", file);
        } catch (InvalidModelException e) {
            throw new CaseException(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static void applyOverride(ObjectNode root, String override) throws CaseException {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new CaseException("--set", override, "key.path=value");
        }
        String[] keys = override.substring(0, eq).split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (!(child instanceof ObjectNode c)) {
                throw new CaseException(override.substring(0, eq), "no such section in the case");
            }
            node = c;
        }
        try {
            node.set(keys[keys.length - 1], YAML.readTree(override.substring(eq + 1)));
        } catch (IOException e) {
            throw new CaseException(override.substring(0, eq), "value is not valid YAML");
        }
    }

    private static ColumnCase build(JsonNode r) throws CaseException {
        List<String> components = new ArrayList<>();
        require(r, "components").forEach(c -> components.add(c.asText()));
        JsonNode col = require(r, "column");
        ColumnModel model = ColumnModel.fromKey(text(col, "column.model", "general_rate"));
        if (model == null) {
            throw new CaseException("column.model", col.get("model").asText(), "general_rate, lumped_rate_with_pores or lumped_rate");
        }
        Column column = new Column(model, num(col, "column.length"), num(col, "column.bed_porosity"),
                num(col, "column.interstitial_velocity"), optNum(col, "axial_dispersion", 0.0));
        JsonNode p = require(r, "particle");
        Particle particle = new Particle(optNum(p, "radius", 0.0), num(p, "particle.porosity"),
                optArr(p, "film_diffusion"), optArr(p, "pore_diffusion"));
        JsonNode b = require(r, "binding");
        String bm = text(b, "binding.model", null);
        boolean kinetic = b.path("kinetic").asBoolean(true);
        BindingModel binding = switch (bm) {
            case "linear" -> new LinearBinding(kinetic, arr(b, "binding.ka"), arr(b, "binding.kd"));
            case "langmuir" -> new LangmuirBinding(kinetic, arr(b, "binding.ka"), arr(b, "binding.kd"),
                    arr(b, "binding.qmax"));
            default -> throw new CaseException("binding.model", bm, "linear or langmuir");
        };
        List<InletSection> sections = new ArrayList<>();
        JsonNode inlet = require(r, "inlet");
        for (int k = 0; k < inlet.size(); k++) {
            JsonNode s = inlet.get(k);
            sections.add(new InletSection(num(s, "inlet[" + k + "].until"), arr(s, "inlet[" + k + "].concentration"),
                    optArr(s, "slope").length == 0 ? null : optArr(s, "slope")));
        }
        JsonNode d = r.path("discretization");
        Discretization disc = new Discretization(d.path("axial_cells").asInt(64), d.path("particle_cells").asInt(8),
                ParticleGrid.EQUAL_VOLUME, ConvectionScheme.WENO3);
        JsonNode out = r.path("output");
        return new ColumnCase(r.path("name").asText("case"), components, column, particle, binding,
                new Inlet(sections), InitialState.empty(components.size()), disc, TimeIntegration.defaults(),
                new OutputSpec(optNum(out, "interval", 1.0), null));
    }

    private static JsonNode require(JsonNode n, String key) throws CaseException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new CaseException(key, "missing");
        }
        return v;
    }

    private static String text(JsonNode n, String field, String fallback) throws CaseException {
        JsonNode v = n.get(field.substring(field.lastIndexOf('.') + 1));
        if (v == null) {
            if (fallback == null) {
                throw new CaseException(field, "missing");
            }
            return fallback;
        }
        return v.asText();
    }

    private static double num(JsonNode n, String field) throws CaseException {
        JsonNode v = n.get(field.substring(field.lastIndexOf('.') + 1));
        if (v == null) {
            throw new CaseException(field, "missing");
        }
        if (!v.isNumber()) {
            throw new CaseException(field, "'" + v.asText() + "'", "a number (SI units)");
        }
        return v.asDouble();
    }

    private static double optNum(JsonNode n, String key, double fallback) {
        JsonNode v = n.get(key);
        return v == null ? fallback : v.asDouble();
    }

    private static double[] arr(JsonNode n, String field) throws CaseException {
        JsonNode v = n.get(field.substring(field.lastIndexOf('.') + 1));
        if (!(v instanceof ArrayNode a)) {
            throw new CaseException(field, "missing or not a list");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static double[] optArr(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (!(v instanceof ArrayNode a)) {
            return new double[0];
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
