package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a case's {@code sweep:} section: the mode and, per swept key path, its list of values. */
final class SweepReader {
    static final String KEY = "sweep";
    static final String MODE_FIELD = "sweep.mode";
    static final String PARAMETERS_FIELD = "sweep.parameters";
    /** Most designs one sweep may have. */
    static final long MAX_DESIGNS = 1_000_000;
    private static final List<String> KEYS = List.of("mode", "parameters", "samples", "seed");
    /** Top-level sections a sweep may vary (not name, units or what Sorb writes itself). */
    private static final List<String> SWEEPABLE = List.of("column", "particle", "binding", "inlet", "initial",
            "discretization", "solver", "output", MetricsReader.MOBILE_PHASE);

    private SweepReader() {
    }

    static SweepSpec read(JsonNode node) throws CaseException {
        if (!(node instanceof ObjectNode section)) {
            throw new CaseException(KEY, YamlTree.display(node), "a mapping with mode (grid, zip, sobol or "
                    + "latin_hypercube) and parameters");
        }
        Section s = new Section(section, KEY, new ReadContext());
        s.allowKeys(KEYS);
        SweepMode mode = mode(section.get("mode"));
        JsonNode params = section.get("parameters");
        if (!(params instanceof ObjectNode map) || map.isEmpty()) {
            throw new CaseException(PARAMETERS_FIELD, YamlTree.display(params), mode.sampled()
                    ? "a mapping of key paths to ranges, e.g. particle.radius: {min: 30 um, max: 90 um}"
                    : "a mapping of key paths to lists of values, e.g. binding.qmax[0]: [80, 100, 120]");
        }
        if (mode.sampled()) {
            return SweepSampling.read(s, mode, map);
        }
        for (String key : List.of("samples", "seed")) {
            if (s.has(key)) {
                throw new CaseException(s.field(key), s.display(key) + " with mode " + mode.key(),
                        "samples and seed only with mode sobol or latin_hypercube");
            }
        }
        List<SweepSpec.Parameter> parameters = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            parameters.add(parameter(e.getKey(), e.getValue(), mode));
        }
        checkSizes(mode, parameters);
        return new SweepSpec(mode, parameters, YamlTree.display(section));
    }

    private static SweepMode mode(JsonNode node) throws CaseException {
        Map<String, SweepMode> modes = SweepMode.byKey();
        if (node == null || node.isNull()) {
            return SweepMode.GRID;
        }
        String text = YamlTree.display(node);
        SweepMode mode = node.isTextual() ? modes.get(text) : null;
        if (mode == null) {
            String hint = KeySuggester.closest(text, modes.keySet()).map(g -> "; did you mean " + g + "?").orElse("");
            throw new CaseException(MODE_FIELD, text, "grid (every combination), zip (the i-th values of all "
                    + "lists together), sobol or latin_hypercube (samples drawn in ranges)" + hint);
        }
        return mode;
    }

    /** The parsed key path of the swept {@code key}; fails unless it lies under a sweepable section. */
    static List<Object> path(String key) throws CaseException {
        String field = PARAMETERS_FIELD + "." + key;
        SetOverride parsed;
        try {
            parsed = SetOverride.parse(key + "=0");
        } catch (CaseException e) {
            throw new CaseException(field, "a malformed key path", "a key path like binding.qmax[0] or column.length");
        }
        List<Object> path = parsed.path();
        String top = (String) path.get(0);
        if (!SWEEPABLE.contains(top)) {
            Optional<String> guess = KeySuggester.closest(top, SWEEPABLE);
            throw new CaseException(field, "unknown key path; " + guess.map(g -> "did you mean "
                    + key.replaceFirst(java.util.regex.Pattern.quote(top), g) + "?")
                    .orElse("a sweep varies a key under one of " + String.join(", ", SWEEPABLE)));
        }
        return path;
    }

    private static SweepSpec.Parameter parameter(String key, JsonNode values, SweepMode mode) throws CaseException {
        String field = PARAMETERS_FIELD + "." + key;
        List<Object> path = path(key);
        if (values instanceof ObjectNode) {
            throw new CaseException(field, YamlTree.display(values) + " with mode " + mode.key(), "a list of values "
                    + "(ranges {min, max} are for mode sobol or latin_hypercube)");
        }
        if (!(values instanceof ArrayNode list)) {
            throw new CaseException(field, YamlTree.display(values), "a list of values, e.g. [80, 100, 120]");
        }
        if (list.isEmpty()) {
            throw new CaseException(field, "an empty list", "at least one value");
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            if (!v.isValueNode() || v.isNull() || v.isBoolean()) {
                throw new CaseException(field + "[" + i + "]", YamlTree.display(v), "a number, with a unit where the "
                        + "key takes one (e.g. 10 cm); to vary one entry of a list, index it, e.g. binding.qmax[0]");
            }
            out.add(v);
        }
        return new SweepSpec.Parameter(key, path, out);
    }

    private static void checkSizes(SweepMode mode, List<SweepSpec.Parameter> parameters) throws CaseException {
        if (mode == SweepMode.ZIP) {
            int n = parameters.get(0).values().size();
            for (SweepSpec.Parameter p : parameters) {
                if (p.values().size() != n) {
                    StringBuilder sizes = new StringBuilder();
                    for (SweepSpec.Parameter q : parameters) {
                        sizes.append(sizes.length() == 0 ? "" : ", ").append(q.key()).append(": ")
                                .append(q.values().size());
                    }
                    throw new CaseException(PARAMETERS_FIELD, "lists of different lengths (" + sizes + ")",
                            "lists of the same length for mode zip (or mode grid for every combination)");
                }
            }
            return;
        }
        double n = 1;
        for (SweepSpec.Parameter p : parameters) {
            n *= p.values().size();
        }
        if (n > MAX_DESIGNS) {
            throw new CaseException(PARAMETERS_FIELD, String.format(java.util.Locale.ROOT, "%.0f designs", n),
                    "at most " + MAX_DESIGNS + " designs per sweep");
        }
    }
}
