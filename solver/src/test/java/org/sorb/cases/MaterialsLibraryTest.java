package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every material on the classpath (the library in materials/ and the test resin) is usable and sourced. */
class MaterialsLibraryTest {
    private static final Pattern NUMERIC = Pattern.compile("\\s*[+-]?(\\d|\\.\\d).*");

    static Stream<String> materials() {
        return MaterialLibrary.names().stream();
    }

    @Test
    void theLibraryListsTheTestResin() {
        assertTrue(MaterialLibrary.names().contains("test-resin"), MaterialLibrary.names().toString());
    }

    @ParameterizedTest
    @MethodSource("materials")
    void parsesAndIsNamedLikeItsFile(String name) throws CaseException {
        Material m = MaterialLibrary.load(name);
        assertEquals(name, m.name());
        assertEquals(name, m.document().get("material").asText());
        assertFalse(m.displayName().isBlank());
    }

    @ParameterizedTest
    @MethodSource("materials")
    void everyNumberHasASource(String name) throws CaseException {
        Material m = MaterialLibrary.load(name);
        Map<String, String> sources = m.sources();
        List<String> missing = new ArrayList<>();
        for (String section : List.of("particle", "column", "binding")) {
            JsonNode node = m.document().get(section);
            if (node instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> it = object.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String path = section + "." + e.getKey();
                    if (isNumeric(e.getValue()) && !hasSource(sources, path, e.getValue())) {
                        missing.add(path);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), name + ": no sources entry for " + missing);
    }

    @ParameterizedTest
    @MethodSource("materials")
    void resolvesIntoAValidCase(String name) throws CaseException {
        Material m = MaterialLibrary.load(name);
        JsonNode film = m.document().path("particle").path("film_diffusion");
        int n = film.isArray() ? film.size() : 1;
        List<String> components = new ArrayList<>();
        List<String> feed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            components.add("c" + i);
            feed.add("1.0");
        }
        String yaml = "name: check-" + name + "\ncomponents: " + components + "\nmaterial: " + name + "\n"
                + "column: {model: general_rate, length: 10 cm, interstitial_velocity: 4.4e-4, "
                + "axial_dispersion: 1e-7}\n"
                + "inlet:\n  - {until: 10 min, concentration: " + feed + "}\n";
        LoadedCase loaded = CaseLoader.parse(yaml, name, List.of());
        assertEquals(name, ((ObjectNode) YamlTree.parse(loaded.resolvedYaml())).path("provenance")
                .path("material").asText());
    }

    private static boolean isNumeric(JsonNode v) {
        if (v.isArray()) {
            return v.size() > 0 && isNumeric(v.get(0));
        }
        return v.isTextual() && NUMERIC.matcher(v.asText()).matches();
    }

    private static boolean hasSource(Map<String, String> sources, String path, JsonNode v) {
        if (sources.containsKey(path) && !sources.get(path).isBlank()) {
            return true;
        }
        if (!v.isArray() || v.size() == 0) {
            return false;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!sources.containsKey(path + "[" + i + "]")) {
                return false;
            }
        }
        return true;
    }
}
