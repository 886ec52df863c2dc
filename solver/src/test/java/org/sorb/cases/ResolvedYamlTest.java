package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sorb.model.ColumnCase;

/** The resolved YAML, loaded again, must give the same model. */
class ResolvedYamlTest {

    static Stream<String> cases() {
        return Stream.of(
                TestCases.validLangmuir(),
                CaseLoaderTest.MINIMAL,
                MaterialMergeTest.WITH_MATERIAL,
                CaseLoaderTest.MINIMAL.replace("interstitial_velocity: 4.4e-4", "flow_rate: 2 mL/min, diameter: 0.5 cm"),
                CaseLoaderTest.MINIMAL.replace("general_rate", "lumped_rate").replaceAll("particle: .*\n", ""),
                CaseLoaderTest.MINIMAL.replace("concentration: [1.0]", "concentration: [2 uM], slope: [1 uM/min]"),
                CaseLoaderTest.MINIMAL.replace("concentration: [1.0]",
                        "concentration: [2 uM], quadratic: [1 uM/min^2], cubic: [-0.01 uM/min^3]"),
                CaseLoaderTest.MINIMAL.replace("{model: langmuir, ka: [10.0], kd: [0.1], qmax: [100.0]}",
                        "{model: bi_langmuir, kinetic: false, ka: [10, 1], kd: [0.1, 0.01], qmax_bed: [8, 2]}")
                        + "initial: {bulk: [0.5], bound: [1, 2]}\n",
                CaseLoaderTest.MINIMAL.replace("name: minimal", "name: \"odd \\\"name\\\": 1e10\"")
                        + "solver: {abs_tol: 1e-10, max_steps: 100}\noutput: {interval: 7 s, profiles: {times: [1, 2]}}\n");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reloadingTheResolvedYamlGivesTheSameModel(String yaml) throws CaseException {
        LoadedCase first = TestCases.load(yaml);
        LoadedCase second = CaseLoader.parse(first.resolvedYaml(), "resolved", java.util.List.of());
        assertSameModel(first.model(), second.model());
        assertEquals(first.concentrationUnit(), second.concentrationUnit());
    }

    @Test
    void listsUnitsAndConversions() {
        String yaml = TestCases.load(MaterialMergeTest.WITH_MATERIAL).resolvedYaml();
        assertTrue(yaml.contains("units:\n  length: \"m\""), yaml);
        assertTrue(yaml.contains("conversions:\n  binding.qmax: \"from qmax_bed"), yaml);
        assertTrue(yaml.contains("  length: 0.1\n"), yaml);
        assertFalse(yaml.contains("qmax_bed:"), yaml);
    }

    @Test
    void writesFloatsThatYaml11ReadersRecognise() {
        assertEquals("1.0E+10", Format.number(1e10));
        assertEquals("1.0E-8", Format.number(1e-8));
        assertEquals("0.1", Format.number(0.1));
    }

    /** Two models are the same when their canonical (note-free) serialisations are identical. */
    static void assertSameModel(ColumnCase expected, ColumnCase actual) {
        assertEquals(ResolvedCaseWriter.write(expected, "kg/m^3", Map.of(), Map.of()),
                ResolvedCaseWriter.write(actual, "kg/m^3", Map.of(), Map.of()));
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.column(), actual.column());
        assertArrayEquals(TestCases.ka(expected.binding()), TestCases.ka(actual.binding()), 0.0);
        assertArrayEquals(expected.output().profileTimes(), actual.output().profileTimes(), 0.0);
    }
}
