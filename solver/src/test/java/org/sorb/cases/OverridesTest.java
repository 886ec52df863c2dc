package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.ColumnCase;

class OverridesTest {
    private static final double TOL = 1e-12;

    @Test
    void setsScalarsWithUnitsIntegersAndListElements() {
        ColumnCase m = TestCases.load(TestCases.validLangmuir(), "column.length=12 cm",
                "discretization.axial_cells=32", "binding.qmax[0]=120", "inlet[1].until=90 min").model();
        assertEquals(0.12, m.column().length(), TOL);
        assertEquals(32, m.discretization().axialCells());
        assertArrayEquals(new double[] {120.0}, TestCases.qmax(m.binding()), TOL);
        assertEquals(5400.0, m.inlet().endTime(), TOL);
    }

    @Test
    void setsWholeListsAndNewSections() {
        ColumnCase m = TestCases.load(CaseLoaderTest.MINIMAL, "binding.ka=[20]",
                "solver.rel_tol=1e-5", "output.profiles={interval: 50 s}").model();
        assertArrayEquals(new double[] {20.0}, TestCases.ka(m.binding()), TOL);
        assertEquals(1e-5, m.solver().relTol(), 0.0);
        assertArrayEquals(new double[] {0, 50, 100}, m.output().profileTimes(), TOL);
    }

    @Test
    void aVelocityOverrideReplacesTheOtherVelocityKey() {
        ColumnCase m = TestCases.load(CaseLoaderTest.MINIMAL, "column.superficial_velocity=300 cm/h").model();
        assertEquals(3.0 / 3600 / 0.34, m.column().interstitialVelocity(), TOL);
    }

    @Test
    void anIndexIntoAMaterialListCopiesItFirst() {
        String yaml = CaseLoaderTest.MINIMAL.replaceAll("particle: .*\n", "").replaceAll("binding: .*\n", "")
                + "material: test-resin\n";
        ColumnCase m = TestCases.load(yaml, "particle.film_diffusion[0]=2e-5", "binding.qmax_bed[0]=66").model();
        assertArrayEquals(new double[] {2e-5}, m.particle().filmDiffusion(), 0.0);
        assertEquals(0.92, m.particle().porosity(), 0.0);
        assertArrayEquals(new double[] {66.0 / ((1 - 0.34) * (1 - 0.92))}, TestCases.qmax(m.binding()), 1e-9);
    }

    @Test
    void settingNullRemovesAKeySoTheMaterialValueShowsThrough() {
        String yaml = MaterialMergeTest.WITH_MATERIAL + "binding: {qmax: [150.0]}\n";
        ColumnCase m = TestCases.load(yaml, "binding.qmax=null").model();
        assertArrayEquals(new double[] {60.0 / ((1 - 0.34) * (1 - 0.92))}, TestCases.qmax(m.binding()), 1e-9);
    }

    @Test
    void theMaterialItselfCanBeOverridden() throws Exception {
        String yaml = CaseLoaderTest.MINIMAL.replaceAll("particle: .*\n", "").replaceAll("binding: .*\n", "")
                + "material: no-such-resin\n";
        assertEquals(0.92, TestCases.load(yaml, "material=test-resin").model().particle().porosity(), 0.0);
    }

    @Test
    void anUnknownOverrideKeyIsReportedLikeAFileKey() {
        CaseException e = assertThrows(CaseException.class,
                () -> CaseLoader.parse(CaseLoaderTest.MINIMAL, "t", List.of("column.lenght=12 cm")));
        assertEquals("column.lenght", e.field());
        assertTrue(e.getMessage().contains("did you mean column.length?"), e.getMessage());
    }

    @Test
    void malformedOverridesAreRejected() {
        for (String bad : new String[] {"column.length", "=3", ".length=3", "column..length=3", "a[x]=1",
            "[0]=1"}) {
            CaseException e = assertThrows(CaseException.class,
                    () -> CaseLoader.parse(CaseLoaderTest.MINIMAL, "t", List.of(bad)), bad);
            assertEquals("--set", e.field(), bad);
            assertTrue(e.getMessage().contains("expected key.path=value"), e.getMessage());
        }
    }

    @Test
    void anIndexPastTheEndOrIntoNothingIsRejected() {
        CaseException e = assertThrows(CaseException.class,
                () -> CaseLoader.parse(CaseLoaderTest.MINIMAL, "t", List.of("binding.ka[3]=1")));
        assertEquals("binding.ka[3]", e.field());
        e = assertThrows(CaseException.class,
                () -> CaseLoader.parse(CaseLoaderTest.MINIMAL, "t", List.of("initial.bulk[0]=1")));
        assertEquals("initial.bulk[0]", e.field());
        e = assertThrows(CaseException.class,
                () -> CaseLoader.parse(CaseLoaderTest.MINIMAL, "t", List.of("column.length=")));
        assertEquals("column.length", e.field());
    }

    @Test
    void overridesAreRecordedInTheResolvedYaml() {
        String yaml = TestCases.load(CaseLoaderTest.MINIMAL, "column.length=12 cm").resolvedYaml();
        assertTrue(yaml.contains("overrides: [\"column.length=12 cm\"]"), yaml);
    }
}
