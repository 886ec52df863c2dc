package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.BiLangmuirBinding;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.LinearBinding;
import org.sorb.model.ParticleGrid;
import org.sorb.model.TimeIntegration;

class CaseLoaderTest {
    private static final double TOL = 1e-12;

    /** The smallest valid case: everything optional is left out. */
    static final String MINIMAL = """
            name: minimal
            components: [IgG]
            column: {model: general_rate, length: 0.1, bed_porosity: 0.34, interstitial_velocity: 4.4e-4,
                     axial_dispersion: 4.5e-8}
            particle: {radius: 27e-6, porosity: 0.92, film_diffusion: [1.37e-5], pore_diffusion: [1.5e-12]}
            binding: {model: langmuir, ka: [10.0], kd: [0.1], qmax: [100.0]}
            inlet:
              - {until: 100, concentration: [1.0]}
            """;

    @Test
    void loadsTheValidCaseInSi() throws Exception {
        Path file = TestCases.folder("cases").resolve("valid-langmuir.yaml");
        LoadedCase loaded = CaseLoader.load(file, List.of());
        ColumnCase m = loaded.model();
        assertEquals(file, loaded.source());
        assertEquals("kg/m^3", loaded.concentrationUnit());
        assertEquals("protein-a-igg-breakthrough", m.name());
        assertEquals(List.of("IgG"), m.components());
        assertEquals(ColumnModel.GENERAL_RATE, m.column().model());
        assertEquals(0.1, m.column().length(), TOL);
        assertEquals(4.4e-4, m.column().interstitialVelocity(), TOL);
        assertEquals(27e-6, m.particle().radius(), TOL);
        LangmuirBinding b = assertInstanceOf(LangmuirBinding.class, m.binding());
        assertTrue(b.kinetic());
        assertArrayEquals(new double[] {100.0}, b.qmax(), TOL);
        assertEquals(3600.0, m.inlet().sections().get(0).end(), TOL);
        assertEquals(4800.0, m.inlet().endTime(), TOL);
        assertArrayEquals(new double[] {4.69}, m.inlet().sections().get(0).concentration(), TOL);
        assertArrayEquals(new double[] {0.0}, m.initial().bound(), TOL);
        assertEquals(10.0, m.output().interval(), TOL);
        assertEquals(17, m.output().profileTimes().length);
        assertEquals(4800.0, m.output().profileTimes()[16], TOL);
    }

    @Test
    void fillsInDefaults() {
        ColumnCase m = TestCases.load(MINIMAL).model();
        assertEquals(64, m.discretization().axialCells());
        assertEquals(8, m.discretization().particleCells());
        assertEquals(ParticleGrid.EQUIDISTANT, m.discretization().particleGrid());
        assertEquals(ConvectionScheme.WENO3, m.discretization().convection());
        assertEquals(TimeIntegration.defaults(), m.solver());
        assertEquals(0.1, m.output().interval(), TOL);
        assertEquals(0, m.output().profileTimes().length);
        assertArrayEquals(new double[] {0.0}, m.initial().bulk(), 0.0);
        assertNull(m.initial().bound());
        assertTrue(m.binding().kinetic());
        assertArrayEquals(new double[] {0.0}, m.inlet().sections().get(0).slope(), 0.0);
    }

    @Test
    void superficialVelocityIsDividedByBedPorosity() {
        ColumnCase m = TestCases.load(MINIMAL.replace("interstitial_velocity: 4.4e-4", "superficial_velocity: 300 cm/h"))
                .model();
        assertEquals(3.0 / 3600.0 / 0.34, m.column().interstitialVelocity(), TOL);
    }

    @Test
    void flowRateIsDividedByCrossSectionAndBedPorosity() {
        LoadedCase loaded = TestCases.load(MINIMAL.replace("interstitial_velocity: 4.4e-4",
                "flow_rate: 2 mL/min, diameter: 0.5 cm"));
        double area = Math.PI * 0.005 * 0.005 / 4;
        assertEquals(2e-6 / 60 / area / 0.34, loaded.model().column().interstitialVelocity(), 1e-15);
        assertTrue(loaded.resolvedYaml().contains("column.interstitial_velocity: \"from flow_rate 2 mL/min"),
                loaded.resolvedYaml());
    }

    @Test
    void flowRateWithoutDiameterNamesDiameter() {
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(
                MINIMAL.replace("interstitial_velocity: 4.4e-4", "flow_rate: 2 mL/min"), "t", List.of()));
        assertEquals("column.diameter", e.field());
    }

    @Test
    void lumpedRateNeedsNoParticleSection() {
        String yaml = MINIMAL.replace("general_rate", "lumped_rate").replaceAll("particle: .*\n", "");
        ColumnCase m = TestCases.load(yaml).model();
        assertEquals(ColumnModel.LUMPED_RATE, m.column().model());
        assertEquals(0.0, m.particle().porosity(), 0.0);
        assertEquals(0.34, m.totalPorosity(), TOL);
    }

    @Test
    void lumpedRateAcceptsZeroParticlePorosityButGeneralRateDoesNot() throws Exception {
        String zero = MINIMAL.replace("porosity: 0.92", "porosity: 0");
        TestCases.load(zero.replace("general_rate", "lumped_rate"));
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(zero, "t", List.of()));
        assertEquals("particle.porosity", e.field());
    }

    @Test
    void lumpedRateWithPoresNeedsNoPoreDiffusion() {
        String yaml = MINIMAL.replace("general_rate", "lumped_rate_with_pores").replace(", pore_diffusion: [1.5e-12]", "");
        assertEquals(0, TestCases.load(yaml).model().particle().poreDiffusion().length);
    }

    @Test
    void linearAndBiLangmuirBindings() {
        ColumnCase linear = TestCases.load(MINIMAL.replace("{model: langmuir, ka: [10.0], kd: [0.1], qmax: [100.0]}",
                "{model: linear, kinetic: false, ka: [6 1/min], kd: [0.2]}")).model();
        LinearBinding lin = assertInstanceOf(LinearBinding.class, linear.binding());
        assertArrayEquals(new double[] {0.1}, lin.ka(), TOL);
        assertTrue(!lin.kinetic());
        ColumnCase bi = TestCases.load(MINIMAL.replace("{model: langmuir, ka: [10.0], kd: [0.1], qmax: [100.0]}",
                "{model: bi_langmuir, ka: [10, 1], kd: [0.1, 0.01], qmax: [80, 20]}")).model();
        BiLangmuirBinding b = assertInstanceOf(BiLangmuirBinding.class, bi.binding());
        assertEquals(2, b.boundStates());
        assertArrayEquals(new double[] {80, 20}, b.qmax(), TOL);
    }

    @Test
    void biLangmuirWantsTwoValuesPerComponent() {
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(MINIMAL.replace(
                "model: langmuir", "model: bi_langmuir"), "t", List.of()));
        assertEquals("binding.ka", e.field());
        assertTrue(e.getMessage().contains("expected 2 values (2 per component"), e.getMessage());
    }

    @Test
    void molarCasesReportMolarUnits() {
        LoadedCase loaded = TestCases.load(MINIMAL.replace("concentration: [1.0]", "concentration: [2 uM]"));
        assertEquals("mol/m^3", loaded.concentrationUnit());
        assertArrayEquals(new double[] {0.002}, loaded.model().inlet().sections().get(0).concentration(), TOL);
        assertTrue(loaded.resolvedYaml().contains("concentration: \"mol/m^3\""), loaded.resolvedYaml());
    }

    @Test
    void slopesAreConvertedPerSecond() {
        ColumnCase m = TestCases.load(MINIMAL.replace("{until: 100, concentration: [1.0]}",
                "{until: 100, concentration: [1.0]}\n  - {until: 10 min, concentration: [0 mg/mL], slope: [0.6 mg/mL/min]}"))
                .model();
        assertArrayEquals(new double[] {0.01}, m.inlet().sections().get(1).slope(), TOL);
    }

    @Test
    void quadraticAndCubicTermsAreConvertedPerSecondPowers() {
        ColumnCase m = TestCases.load(MINIMAL.replace("{until: 100, concentration: [1.0]}",
                "{until: 100, concentration: [1.0]}\n  - {until: 10 min, concentration: [0 mg/mL], "
                        + "quadratic: [36 mg/mL/min^2], cubic: [4.6656 g/L/h^3]}"))
                .model();
        assertArrayEquals(new double[] {0.01}, m.inlet().sections().get(1).quadratic(), TOL);
        assertArrayEquals(new double[] {1e-10}, m.inlet().sections().get(1).cubic(), 1e-10 * TOL);
        assertArrayEquals(new double[] {0.0}, m.inlet().sections().get(0).quadratic(), 0.0);
    }

    @Test
    void aBareScalarServesAsAOneComponentList() {
        ColumnCase m = TestCases.load(MINIMAL.replace("film_diffusion: [1.37e-5]", "film_diffusion: 1.37e-5")
                .replace("components: [IgG]", "components: IgG")).model();
        assertArrayEquals(new double[] {1.37e-5}, m.particle().filmDiffusion(), TOL);
    }

    @Test
    void profileTimesCanBeListed() {
        ColumnCase m = TestCases.load(MINIMAL + "output: {profiles: {times: [0, 30 s, 1 min]}}\n").model();
        assertArrayEquals(new double[] {0, 30, 60}, m.output().profileTimes(), TOL);
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(
                MINIMAL + "output: {profiles: {times: [0, 5 min]}}\n", "t", List.of()));
        assertEquals("output.profiles.times[1]", e.field());
    }

    @Test
    void modelRecordErrorsKeepTheirField() {
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(
                MINIMAL.replace("kd: [0.1]", "kd: [0]").replace("model: langmuir", "model: langmuir, kinetic: false"),
                "t", List.of()));
        assertEquals("binding.kd[0]", e.field());
        assertTrue(e.getMessage().startsWith("binding.kd[0]: got 0.0, expected"), e.getMessage());
    }

    @Test
    void anEmptyOrNonMappingDocumentIsAYamlError() {
        for (String text : new String[] {"", "- a\n- b\n", "just text"}) {
            CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(text, "t", List.of()));
            assertEquals("(yaml)", e.field());
        }
    }
}
