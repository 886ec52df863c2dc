package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.HostMemory;

/** Cases too large for memory are refused at load time, fast, naming the field that drives the size. */
class MemoryGuardTest {
    /** Longest a refusal may take: it is arithmetic on the validated case, nothing is allocated. */
    private static final long REFUSAL_MILLIS = 1000;
    private static final String VALID = TestCases.validLangmuir();
    private static final String GRID = TestCases.text("sweeps/grid-langmuir.yaml");
    private static final String SWEEP_BASE = GRID.substring(0, GRID.indexOf("sweep:"));

    /** The refusal of {@code load}, which must come within {@link #REFUSAL_MILLIS} and name {@code field}. */
    private static CaseException refused(String field, Executable load) {
        long started = System.nanoTime();
        CaseException e = assertThrows(CaseException.class, load);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < REFUSAL_MILLIS, "refusal took " + millis + " ms: " + e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
        return e;
    }

    private static CaseException refusedCase(String field, String... overrides) {
        return refused(field, () -> CaseLoader.parse(VALID, "t", List.of(overrides)));
    }

    @Test
    void tenMillionAxialCellsAreRefusedWithTheEstimateAndTheLimit() {
        CaseException e = refusedCase("discretization.axial_cells", "discretization.axial_cells=10000000");
        String m = e.getMessage();
        assertTrue(m.startsWith("discretization.axial_cells: 10000000 needs about "), m);
        assertTrue(m.contains("GiB of memory (state, Jacobian and band); this JVM can use "), m);
        assertTrue(m.contains("expected a grid that fits (or more memory: -Xmx"), m);
    }

    @Test
    void manyShellsNameTheParticleCells() {
        CaseException e = refusedCase("discretization.particle_cells", "discretization.particle_cells=100000000");
        assertTrue(e.getMessage().contains("100000000 (with 64 axial cells) needs about"), e.getMessage());
    }

    @Test
    void gridsWhoseProductsOverflowAnIntAreRefusedCleanly() {
        refusedCase("discretization.axial_cells", "discretization.axial_cells=1000000000");
        refusedCase("discretization.axial_cells", "discretization.axial_cells=2147483647",
                "discretization.particle_cells=2147483647");
    }

    @Test
    void aHundredBillionOutletSamplesNameTheInterval() {
        CaseException e = refusedCase("output.interval", "output.interval=4.8e-8");
        assertTrue(e.getMessage().contains("4.8e-8 (100000000001 outlet samples of 1 component) needs about"),
                e.getMessage());
        refusedCase("output.interval", "output.interval=1e-300 s");
    }

    @Test
    void aTinyProfileIntervalIsRefused() {
        refusedCase("output.profiles.interval", "output.profiles.interval=1e-300 s");
    }

    @Test
    void profilesOfAFineGridNameTheProfiles() {
        CaseException e = refusedCase("output.profiles", "discretization.axial_cells=200000",
                "discretization.particle_cells=1", "output.profiles.interval=0.1 s");
        assertTrue(e.getMessage().contains("48001 snapshots of 200000 cells"), e.getMessage());
    }

    @Test
    void theLimitDecides() throws CaseException {
        ColumnCase c = CaseLoader.parse(VALID, "t", List.of()).model();
        long[] asked = new long[1];
        assertDoesNotThrow(() -> MemoryGuard.single(c, null, needed -> asked[0] = needed));
        assertTrue(asked[0] > HostMemory.needed(ColumnSimulator.footprint(c).total()), "the result file's copies count");
        CaseException e = assertThrows(CaseException.class, () -> MemoryGuard.single(c, null, needed -> needed - 1));
        assertEquals("discretization.axial_cells", e.field());
    }

    @Test
    void aSweepOfAMillionDesignsIsRefusedBeforeAnyDesignIsBuilt() {
        CaseException e = refused("sweep.parameters", () -> CaseLoader.parseSweep(SWEEP_BASE + sweep(6, 10),
                "t", List.of()));
        assertTrue(e.getMessage().startsWith("sweep.parameters: 1000000 designs need about"), e.getMessage());
        assertTrue(e.getMessage().contains("GiB of memory (the designs' cases and results)"), e.getMessage());
    }

    @Test
    void sweepsOfTenMillionAndOfMoreDesignsThanALongHoldsAreRefused() {
        CaseException e = refused("sweep.parameters", () -> CaseLoader.parseSweep(SWEEP_BASE + sweep(7, 10),
                "t", List.of()));
        assertTrue(e.getMessage().contains("10000000 designs"), e.getMessage());
        CaseException huge = refused("sweep.parameters", () -> CaseLoader.parseSweep(SWEEP_BASE + sweep(7, 1000),
                "t", List.of()));
        assertTrue(huge.getMessage().contains("1000000000000000000000 designs"), huge.getMessage());
    }

    @Test
    void aTinyCouplingIntervalIsRefusedForATreatment() throws Exception {
        Path file = Path.of("..", "cases", "immunoadsorption-protein-a-session.yaml");
        CaseException e = refused("schedule.coupling_interval", () -> TreatmentCaseLoader.load(file,
                List.of("schedule.coupling_interval=1e-6 s")));
        // the plausible range (TreatmentLimits, at least 1 s) refuses it before the memory estimate is reached
        assertTrue(e.getMessage().startsWith("schedule.coupling_interval: got 1e-6 s, expected a time in"),
                e.getMessage());
        assertDoesNotThrow(() -> TreatmentCaseLoader.load(file, List.of()));
    }

    /** Keys of the sweep base that take any value in (0.3, 0.4) x their unit. */
    private static final String[] KEYS = {"column.bed_porosity", "particle.porosity", "binding.qmax[0]",
        "binding.ka[0]", "binding.kd[0]", "particle.radius", "column.length"};

    /** A grid over the first {@code keys} of {@link #KEYS} with {@code values} values each. */
    private static String sweep(int keys, int values) {
        StringBuilder sb = new StringBuilder("sweep:\n  parameters:\n");
        for (int k = 0; k < keys; k++) {
            sb.append("    ").append(KEYS[k]).append(": [");
            for (int i = 0; i < values; i++) {
                sb.append(i == 0 ? "" : ", ").append(0.3 + 0.1 * i / values);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }
}
