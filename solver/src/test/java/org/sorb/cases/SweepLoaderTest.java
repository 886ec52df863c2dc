package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.LangmuirBinding;

class SweepLoaderTest {
    private static final String GRID = TestCases.text("sweeps/grid-langmuir.yaml");
    /** The grid case without its sweep section, to append other sweeps to. */
    private static final String BASE = GRID.substring(0, GRID.indexOf("sweep:"));

    private static LoadedSweep sweep(String sweepYaml, String... overrides) throws CaseException {
        return CaseLoader.parseSweep(BASE + sweepYaml, "test", List.of(overrides));
    }

    private static CaseException error(String sweepYaml) {
        return assertThrows(CaseException.class, () -> sweep(sweepYaml));
    }

    private static double qmax(LoadedCase c) {
        return ((LangmuirBinding) c.model().binding()).qmax()[0];
    }

    @Test
    void aGridIsTheCartesianProductWithTheLastParameterFastest() throws CaseException {
        LoadedSweep s = CaseLoader.parseSweep(GRID, "test", List.of());
        assertEquals("grid", s.mode());
        assertEquals(List.of("binding.qmax[0]", "column.length"), s.names());
        assertEquals(6, s.size());
        double[][] m = s.parameters();
        assertArrayEquals(new double[] {80, 0.02}, m[0], 1e-15);
        assertArrayEquals(new double[] {80, 0.025}, m[1], 1e-15);
        assertArrayEquals(new double[] {100, 0.02}, m[2], 1e-15);
        assertArrayEquals(new double[] {120, 0.025}, m[5], 1e-15);
        for (int d = 0; d < 6; d++) {
            assertEquals(m[d][0], qmax(s.designs().get(d)));
            assertEquals(m[d][1], s.designs().get(d).model().column().length(), 1e-15);
        }
        assertEquals(100.0, qmax(s.base()));
        assertEquals(s.models().get(3), s.designs().get(3).model());
        assertTrue(s.designs().get(4).resolvedYaml().contains("binding.qmax[0]=120"), s.designs().get(4).resolvedYaml());
        assertTrue(s.definition().contains("binding.qmax[0]: [80, 100, 120]"), s.definition());
    }

    @Test
    void zipTakesTheIthValuesTogether() throws CaseException {
        LoadedSweep s = sweep("sweep:\n  mode: zip\n  parameters:\n    binding.qmax[0]: [80, 90]\n"
                + "    particle.pore_diffusion[0]: [1.0e-12, 2.0e-12]\n");
        assertEquals(2, s.size());
        assertArrayEquals(new double[] {90, 2.0e-12}, s.parameters()[1], 0.0);
        assertEquals(2.0e-12, s.designs().get(1).model().particle().poreDiffusion()[0]);
    }

    @Test
    void theModeDefaultsToGridAndSetOverridesApplyToEveryDesign() throws CaseException {
        LoadedSweep s = sweep("sweep:\n  parameters:\n    binding.kd[0]: [0.1, 0.2]\n", "binding.qmax[0]=70");
        assertEquals("grid", s.mode());
        assertEquals(70.0, qmax(s.base()));
        assertEquals(70.0, qmax(s.designs().get(1)));
    }

    @Test
    void setOverridesCanChangeTheSweepButNotCreateOne() throws CaseException {
        LoadedSweep s = sweep("sweep:\n  parameters:\n    binding.qmax[0]: [80, 90]\n    binding.kd[0]: [0.1, 0.2]\n",
                "sweep.mode=zip");
        assertEquals("zip", s.mode());
        assertEquals(2, s.size());
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(BASE, "t", List.of("sweep.mode=zip")));
        assertEquals("sweep.mode", e.field());
    }

    @Test
    void unknownModeIsNamed() {
        CaseException e = error("sweep:\n  mode: gird\n  parameters:\n    binding.qmax[0]: [80]\n");
        assertEquals("sweep.mode", e.field());
        assertTrue(e.getMessage().contains("did you mean grid?"), e.getMessage());
    }

    @Test
    void zipListsOfDifferentLengthsAreRefused() {
        CaseException e = error("sweep:\n  mode: zip\n  parameters:\n    binding.qmax[0]: [80, 90, 100]\n"
                + "    binding.kd[0]: [0.1, 0.2]\n");
        assertEquals("sweep.parameters", e.field());
        assertTrue(e.getMessage().contains("binding.qmax[0]: 3, binding.kd[0]: 2"), e.getMessage());
    }

    @Test
    void unknownKeyPathsSuggestTheClosestKey() {
        CaseException top = error("sweep:\n  parameters:\n    bindng.qmax[0]: [80]\n");
        assertEquals("sweep.parameters.bindng.qmax[0]", top.field());
        assertTrue(top.getMessage().contains("did you mean binding.qmax[0]?"), top.getMessage());
        CaseException nested = error("sweep:\n  parameters:\n    column.lenght: [2 cm]\n");
        assertEquals("sweep.parameters.column.lenght", nested.field());
        assertTrue(nested.getMessage().contains("did you mean column.length?"), nested.getMessage());
        CaseException index = error("sweep:\n  parameters:\n    binding.qmax[3]: [80]\n");
        assertEquals("sweep.parameters.binding.qmax[3]", index.field());
    }

    @Test
    void emptyOrNonListValuesAreRefused() {
        assertEquals("sweep.parameters.binding.qmax[0]",
                error("sweep:\n  parameters:\n    binding.qmax[0]: []\n").field());
        assertEquals("sweep.parameters.binding.qmax[0]",
                error("sweep:\n  parameters:\n    binding.qmax[0]: 80\n").field());
        assertEquals("sweep.parameters", error("sweep:\n  parameters: {}\n").field());
        assertEquals("sweep.parameters.binding.kinetic[0]",
                error("sweep:\n  parameters:\n    binding.kinetic: [true]\n").field());
        assertEquals("sweep.parameters", error("sweep:\n  parameters:\n    binding.model: [linear]\n").field());
        CaseException text = error("sweep:\n  parameters:\n    discretization.convection: [weno3, koren]\n");
        assertEquals("sweep.parameters.discretization.convection", text.field());
        assertTrue(text.getMessage().contains("does not read as a number"), text.getMessage());
        assertEquals("sweep.paramters", error("sweep:\n  paramters:\n    binding.qmax[0]: [80]\n").field());
    }

    @Test
    void anInvalidDesignIsNamedWithItsValues() {
        CaseException e = error("sweep:\n  parameters:\n    binding.qmax[0]: [80, -5]\n    column.length: [2 cm]\n");
        assertEquals("sweep.parameters", e.field());
        assertTrue(e.getMessage().contains("design 1 (binding.qmax[0] = -5, column.length = 2 cm) is not valid"),
                e.getMessage());
        assertTrue(e.getMessage().contains("binding.qmax[0]: got -5"), e.getMessage());
        CaseException unit = error("sweep:\n  parameters:\n    column.length: [2 cm, 3 min]\n");
        assertTrue(unit.getMessage().contains("design 1 (column.length = 3 min)"), unit.getMessage());
    }

    @Test
    void designsMustShareTheOutletTimes() {
        CaseException e = error("sweep:\n  parameters:\n    inlet[1].until: [8 min, 9 min]\n");
        assertEquals("sweep.parameters", e.field());
        assertTrue(e.getMessage().contains("outlet times"), e.getMessage());
    }

    @Test
    void aPlainLoadRefusesASweepAndASweepLoadNeedsOne() {
        CaseException plain = assertThrows(CaseException.class, () -> CaseLoader.parse(GRID, "t", List.of()));
        assertEquals("sweep", plain.field());
        CaseException none = assertThrows(CaseException.class, () -> CaseLoader.parseSweep(BASE, "t", List.of()));
        assertEquals("sweep", none.field());
        assertFalse(BASE.contains("sweep:"));
    }
}
