package org.sorb.fit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseText;

/**
 * Reads an experiments file: several measured curves fitted jointly, each with its own case settings.
 *
 * <pre>
 * experiments:
 *   - {name: slow, data: slow.csv, set: {column.interstitial_velocity: 2.2e-4}}
 *   - {name: fast, data: fast.csv, set: {column.interstitial_velocity: 8.8e-4}, weight: 1.0,
 *      scale: {particle.film_diffusion[0]: 1.587}}
 * </pre>
 * Data paths are relative to the experiments file; {@code set} values are written as on {@code --set};
 * {@code scale} makes this experiment's value of a fitted key a fixed multiple of the fitted value (a film
 * coefficient that follows the flow, k_f ~ u^(1/3) by Wilson-Geankoplis: 4x the flow, factor 4^(1/3) = 1.587).
 */
public final class ExperimentsReader {
    private static final List<String> KEYS = List.of("name", "data", "set", "weight", "scale");

    private ExperimentsReader() {
    }

    /**
     * Reads {@code file} and every curve it names.
     *
     * @throws CaseException when the file or a curve is not valid; the field names the file and the entry
     */
    public static List<Experiment> read(Path file, List<String> components, String concentrationUnit)
            throws CaseException, IOException {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(CaseText.read(file));
        } catch (JsonProcessingException e) {
            throw new CaseException(name, "YAML that does not parse (" + e.getOriginalMessage() + ")",
                    "a mapping with a list 'experiments'");
        }
        JsonNode list = root == null ? null : root.get("experiments");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new CaseException(name + ": experiments", list == null ? "nothing" : list.toString(),
                    "a list of {name, data, set, weight} entries");
        }
        List<Experiment> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = name + ": experiments[" + i + "]";
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                throw new CaseException(field, e.toString(), "a mapping {name, data, set, weight}");
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    throw new CaseException(field + "." + key, "an unknown key", "one of " + KEYS);
                }
            }
            String label = e.hasNonNull("name") ? e.get("name").asText() : "experiment_" + i;
            if (!label.matches("[A-Za-z0-9_.-]{1,64}") || !names.add(label)) {
                throw new CaseException(field + ".name", label, "a unique name of letters, digits, _ . -");
            }
            JsonNode data = e.get("data");
            if (data == null || !data.isTextual()) {
                throw new CaseException(field + ".data", String.valueOf(data), "the path of a CSV curve");
            }
            Path csv = file.toAbsolutePath().getParent().resolve(data.asText()).normalize();
            if (!Files.isRegularFile(csv)) {
                throw new CaseException(field + ".data", data.asText(), "an existing CSV file (not found: " + csv + ")");
            }
            double weight = e.has("weight") ? e.get("weight").asDouble(Double.NaN) : 1.0;
            if (!(weight > 0) || Double.isInfinite(weight) || (e.has("weight") && !e.get("weight").isNumber())) {
                throw new CaseException(field + ".weight", String.valueOf(e.get("weight")), "a number > 0");
            }
            out.add(new Experiment(label, overrides(field + ".set", e.get("set")),
                    CurveCsvReader.read(csv, components, concentrationUnit), weight, scales(field + ".scale",
                    e.get("scale"))));
        }
        return out;
    }

    private static Map<String, Double> scales(String field, JsonNode scale) throws CaseException {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (scale == null || scale.isNull()) {
            return out;
        }
        if (!scale.isObject()) {
            throw new CaseException(field, scale.toString(), "a mapping of fitted keys to factors > 0");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = scale.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> kv = it.next();
            double v = kv.getValue().isNumber() ? kv.getValue().asDouble() : Double.NaN;
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new CaseException(field + "." + kv.getKey(), kv.getValue().toString(), "a factor > 0");
            }
            out.put(kv.getKey(), v);
        }
        return out;
    }

    private static List<String> overrides(String field, JsonNode set) throws CaseException {
        List<String> out = new ArrayList<>();
        if (set == null || set.isNull()) {
            return out;
        }
        if (!set.isObject()) {
            throw new CaseException(field, set.toString(), "a mapping of key paths to values, e.g. "
                    + "{column.interstitial_velocity: 8.8e-4}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> kv = it.next();
            JsonNode v = kv.getValue();
            out.add(kv.getKey() + "=" + (v.isTextual() ? v.asText() : v.toString()));
        }
        return out;
    }
}
