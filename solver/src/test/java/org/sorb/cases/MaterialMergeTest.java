package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.ColumnCase;
import org.sorb.model.LinearBinding;

class MaterialMergeTest {
    private static final double TOL = 1e-12;

    /** A case that takes particle, bed porosity and binding from the test resin. */
    static final String WITH_MATERIAL = """
            name: from-material
            components: [IgG]
            material: test-resin
            column: {model: general_rate, length: 10 cm, interstitial_velocity: 4.4e-4, axial_dispersion: 4.5e-8}
            inlet:
              - {until: 60 min, concentration: [4.69 mg/mL]}
            """;

    @Test
    void takesParticleBedPorosityAndBindingFromTheMaterial() {
        LoadedCase loaded = TestCases.load(WITH_MATERIAL);
        ColumnCase m = loaded.model();
        assertEquals(25e-6, m.particle().radius(), TOL);
        assertEquals(0.92, m.particle().porosity(), 0.0);
        assertEquals(0.34, m.column().bedPorosity(), 0.0);
        assertArrayEquals(new double[] {10.0}, TestCases.ka(m.binding()), 0.0);
        double expected = 60.0 / ((1 - 0.34) * (1 - 0.92));
        assertArrayEquals(new double[] {expected}, TestCases.qmax(m.binding()), 1e-9);
        assertTrue(loaded.resolvedYaml().contains(
                "binding.qmax: \"from qmax_bed 60.0 kg/m^3 of bed / ((1-0.34)(1-0.92))\""), loaded.resolvedYaml());
        assertTrue(loaded.resolvedYaml().contains("material: \"test-resin\""), loaded.resolvedYaml());
    }

    @Test
    void caseKeysOverrideTheMaterialKeyByKey() {
        ColumnCase m = TestCases.load(WITH_MATERIAL + """
                particle: {porosity: 0.9}
                binding: {kinetic: false}
                """).model();
        assertEquals(0.9, m.particle().porosity(), 0.0);
        assertEquals(25e-6, m.particle().radius(), TOL);
        assertFalse(m.binding().kinetic());
        assertArrayEquals(new double[] {0.1}, TestCases.kd(m.binding()), 0.0);
        assertArrayEquals(new double[] {60.0 / ((1 - 0.34) * (1 - 0.9))}, TestCases.qmax(m.binding()), 1e-9);
    }

    @Test
    void theCaseBedPorosityEntersTheCapacityConversion() {
        ColumnCase m = TestCases.load(WITH_MATERIAL.replace("length: 10 cm", "length: 10 cm, bed_porosity: 0.4"))
                .model();
        assertArrayEquals(new double[] {60.0 / ((1 - 0.4) * (1 - 0.92))}, TestCases.qmax(m.binding()), 1e-9);
    }

    @Test
    void aCaseQmaxReplacesTheMaterialQmaxBed() {
        ColumnCase m = TestCases.load(WITH_MATERIAL + "binding: {qmax: [150 mg/mL]}\n").model();
        assertArrayEquals(new double[] {150.0}, TestCases.qmax(m.binding()), 0.0);
        assertArrayEquals(new double[] {10.0}, TestCases.ka(m.binding()), 0.0);
    }

    @Test
    void aDifferentBindingModelIgnoresTheMaterialBinding() {
        ColumnCase m = TestCases.load(WITH_MATERIAL + "binding: {model: linear, ka: [1.0], kd: [0.5]}\n").model();
        assertInstanceOf(LinearBinding.class, m.binding());
    }

    @Test
    void qmaxBedWithoutMaterialIsConvertedToo() {
        ColumnCase m = TestCases.load(CaseLoaderTest.MINIMAL.replace("qmax: [100.0]", "qmax_bed: [60 g/L]")).model();
        assertArrayEquals(new double[] {60.0 / ((1 - 0.34) * (1 - 0.92))}, TestCases.qmax(m.binding()), 1e-9);
    }

    @Test
    void anUnknownMaterialListsTheAvailableOnes() {
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(
                WITH_MATERIAL.replace("test-resin", "test-resn"), "t", List.of()));
        assertEquals("material", e.field());
        assertTrue(e.getMessage().contains("test-resin"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean test-resin?"), e.getMessage());
    }

    @Test
    void aMaterialNameCannotEscapeTheLibraryFolder() {
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(
                WITH_MATERIAL.replace("test-resin", "../cases/valid-langmuir"), "t", List.of()));
        assertEquals("material", e.field());
    }
}
