package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.BindingModel;

/** Reading and validating a steric mass action case: keys, counts, defaults, messages, overrides, round trip. */
class SmaCaseTest {
    private static final double TOL = 1e-12;
    /** Salt and two proteins, molar units, SMA in rapid equilibrium without the optional references. */
    static final String SMA = """
            name: sma
            components: [salt, lysozyme, cytochrome]
            column: {model: general_rate, length: 1.4 cm, bed_porosity: 0.37, interstitial_velocity: 5.75e-4,
                     axial_dispersion: 5.75e-8}
            particle: {radius: 45 um, porosity: 0.75, film_diffusion: [6.9e-6, 6.9e-6, 6.9e-6],
                       pore_diffusion: [7e-10, 6.07e-11, 6.07e-11]}
            binding: {model: steric_mass_action, kinetic: false, lambda: 1.2 M, ka: [35.5, 1.59], kd: [1000, 1000],
                      nu: [4.7, 5.29], sigma: [11.83, 10.6]}
            inlet:
              - {until: 10 s, concentration: [50 mM, 1 mM, 1 mM]}
              - {until: 100 s, concentration: [100 mM, 0 mM, 0 mM], slope: [0.2 mM/s, 0 mM/s, 0 mM/s]}
            initial: {bulk: [50 mM, 0 mM, 0 mM]}
            discretization: {axial_cells: 8, particle_cells: 2}
            """;

    @Test
    void readsEveryDeclaredParameterWithDefaults() {
        LoadedCase loaded = TestCases.load(SMA);
        BindingModel b = loaded.model().binding();
        assertEquals("steric_mass_action", b.key());
        assertFalse(b.kinetic());
        assertArrayEquals(new double[] {1200.0}, b.values("lambda"), TOL);
        assertArrayEquals(new double[] {35.5, 1.59}, b.values("ka"), TOL);
        assertArrayEquals(new double[] {4.7, 5.29}, b.values("nu"), TOL);
        assertArrayEquals(new double[] {1.0}, b.values("c_ref"), TOL);
        assertArrayEquals(new double[] {1.0}, b.values("q_ref"), TOL);
        assertEquals(3, b.boundStates());
        assertEquals("mol/m^3", loaded.concentrationUnit());
        assertTrue(loaded.resolvedYaml().contains("  lambda: 1200.0\n"), loaded.resolvedYaml());
    }

    @Test
    void theExampleCaseReads() throws Exception {
        Path file = Path.of(System.getProperty("sorb.repoRoot", ".")).resolve("cases/sma-load-wash-elute.yaml");
        BindingModel b = CaseLoader.load(file, List.of()).model().binding();
        assertArrayEquals(new double[] {11.83, 10.6, 10.0}, b.values("sigma"), TOL);
    }

    @Test
    void badValuesNameTheirField() {
        assertField("binding.nu[1]", "-2", "binding.nu[1]=-2");
        assertField("binding.lambda", "0", "binding.lambda=0");
        assertField("binding.c_ref", "-1 mM", "binding.c_ref=-1 mM");
        assertField("binding.kd[0]", "0", "binding.kd[0]=0");
        CaseException count = error(SMA.replace("ka: [35.5, 1.59]", "ka: [0, 35.5, 1.59]"));
        assertEquals("binding.ka", count.field());
        assertTrue(count.getMessage().contains("expected 2 values (one per binding component: lysozyme, cytochrome)"),
                count.getMessage());
        CaseException unknown = error(SMA.replace("lambda: 1.2 M", "lamda: 1.2 M"));
        assertEquals("binding.lamda", unknown.field());
        assertTrue(unknown.getMessage().contains("did you mean binding.lambda?"), unknown.getMessage());
    }

    @Test
    void tooFewComponentsNameTheSalt() {
        String one = SMA.replace("[salt, lysozyme, cytochrome]", "[lysozyme]")
                .replace("[6.9e-6, 6.9e-6, 6.9e-6]", "[6.9e-6]").replace("[7e-10, 6.07e-11, 6.07e-11]", "[6.07e-11]")
                .replace("ka: [35.5, 1.59], kd: [1000, 1000]", "ka: [35.5], kd: [1000]")
                .replace("nu: [4.7, 5.29], sigma: [11.83, 10.6]", "nu: [4.7], sigma: [11.83]")
                .replace("[50 mM, 1 mM, 1 mM]", "[1 mM]").replace("[100 mM, 0 mM, 0 mM]", "[0 mM]")
                .replace("[0.2 mM/s, 0 mM/s, 0 mM/s]", "[0 mM/s]").replace("[50 mM, 0 mM, 0 mM]", "[0 mM]");
        CaseException e = error(one);
        assertEquals("components", e.field());
        assertTrue(e.getMessage().contains("expected the salt"), e.getMessage());
        assertTrue(e.getMessage().contains("for binding.model steric_mass_action"), e.getMessage());
    }

    @Test
    void withoutSaltTheInitialEquilibriumIsRefusedNamingInitialBound() {
        CaseException e = error(SMA.replace("initial: {bulk: [50 mM, 0 mM, 0 mM]}\n", ""));
        assertEquals("initial.bound", e.field());
        LoadedCase given = TestCases.load(SMA.replace("initial: {bulk: [50 mM, 0 mM, 0 mM]}",
                "initial: {bulk: [0 mM, 0 mM, 0 mM], bound: [1.2 M, 0 mM, 0 mM]}"));
        assertArrayEquals(new double[] {1200.0, 0.0, 0.0}, given.model().initial().bound(), TOL);
    }

    @Test
    void setAndFitKeysReachEveryParameter() throws Exception {
        LoadedCase set = TestCases.load(SMA, "binding.nu[1]=6", "binding.lambda=900 mM", "binding.q_ref=1200 mM");
        assertArrayEquals(new double[] {4.7, 6.0}, set.model().binding().values("nu"), TOL);
        assertArrayEquals(new double[] {900.0}, set.model().binding().values("lambda"), TOL);
        assertArrayEquals(new double[] {1200.0}, set.model().binding().values("q_ref"), TOL);
        Path file = Path.of(System.getProperty("sorb.repoRoot", ".")).resolve("cases/sma-load-wash-elute.yaml");
        ParameterizedCase fit = ParameterizedCase.load(file, List.of(), List.of("binding.nu[1]", "binding.lambda"));
        assertArrayEquals(new double[] {5.29, 1200.0}, fit.initialValues(), TOL);
        assertArrayEquals(new double[] {4.7, 5.5, 3.7},
                fit.at(new double[] {5.5, 1000.0}).model().binding().values("nu"), TOL);
    }

    @Test
    void theResolvedCaseRoundTrips() throws CaseException {
        for (String yaml : List.of(SMA, SMA.replace("kinetic: false", "kinetic: true, c_ref: 50 mM, q_ref: 1.2 M"))) {
            LoadedCase first = TestCases.load(yaml);
            LoadedCase second = CaseLoader.parse(first.resolvedYaml(), "resolved", List.of());
            ResolvedYamlTest.assertSameModel(first.model(), second.model());
            assertEquals(first.concentrationUnit(), second.concentrationUnit());
        }
    }

    private static void assertField(String field, String value, String override) {
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(SMA, "t", List.of(override)));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("got " + value), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
    }

    private static CaseException error(String yaml) {
        return assertThrows(CaseException.class, () -> CaseLoader.parse(yaml, "t", List.of()));
    }
}
