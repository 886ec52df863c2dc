package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.LangmuirBinding;

/** Sampled sweeps: Sobol and Latin hypercube designs lie in their ranges, follow their seed and are stratified. */
class SweepSamplingTest {
    private static final String GRID = TestCases.text("sweeps/grid-langmuir.yaml");
    private static final String BASE = GRID.substring(0, GRID.indexOf("sweep:"));
    /** Largest k for which the first 2^k Sobol points are checked for balance. */
    private static final int MAX_SOBOL_LEVEL = 6;
    private static final String RANGES = "  parameters:\n"
            + "    particle.radius: {min: 30 um, max: 90 um}\n"
            + "    binding.qmax[0]: {min: 60 mg/mL, max: 120 mg/mL}\n"
            + "    particle.pore_diffusion[0]: {min: 1e-12, max: 1e-11, scale: log}\n";

    private static LoadedSweep sweep(String mode, int samples, Integer seed) throws CaseException {
        return CaseLoader.parseSweep(BASE + "sweep:\n  mode: " + mode + "\n  samples: " + samples + "\n"
                + (seed == null ? "" : "  seed: " + seed + "\n") + RANGES, "test", List.of());
    }

    private static CaseException error(String sweepYaml) {
        return assertThrows(CaseException.class, () -> CaseLoader.parseSweep(BASE + sweepYaml, "test", List.of()));
    }

    /** Number of points of {@code x} in each of the 2^k dyadic cells of dimension j (k bits) and m (l bits). */
    private static int[] counts(double[][] x, int n, int j, int k, int m, int l) {
        int[] c = new int[1 << (k + l)];
        for (int i = 0; i < n; i++) {
            int a = (int) Math.floor(x[i][j] * (1 << k));
            int b = (int) Math.floor(x[i][m] * (1 << l));
            c[(a << l) | b]++;
        }
        return c;
    }

    @Test
    void theFirstPowerOfTwoSobolPointsFillEveryDyadicIntervalOnceInEachDimensionAndPair() {
        for (long seed : new long[] {0, 7, 123456789}) {
            double[][] x = new SobolDesign().points(1 << MAX_SOBOL_LEVEL, 4, seed);
            for (int k = 1; k <= MAX_SOBOL_LEVEL; k++) {
                int n = 1 << k;
                int[] ones = new int[n];
                Arrays.fill(ones, 1);
                for (int j = 0; j < 4; j++) {
                    assertArrayEquals(ones, counts(x, n, j, k, j, 0), "seed " + seed + ", 2^" + k + ", dim " + j);
                }
                for (int a = 0; a <= k; a++) {
                    assertArrayEquals(ones, counts(x, n, 0, a, 1, k - a),
                            "seed " + seed + ", 2^" + k + " points, boxes 2^-" + a + " x 2^-" + (k - a));
                }
            }
        }
    }

    @Test
    void latinHypercubePointsHoldOneStratumEachInEveryDimension() {
        for (int n : new int[] {1, 7, 64, 1000}) {
            double[][] x = new LatinHypercubeDesign().points(n, 5, 42);
            for (int j = 0; j < 5; j++) {
                int[] c = new int[n];
                for (double[] p : x) {
                    assertTrue(p[j] >= 0 && p[j] < 1, "coordinate " + p[j]);
                    c[(int) Math.floor(p[j] * n)]++;
                }
                int[] ones = new int[n];
                Arrays.fill(ones, 1);
                assertArrayEquals(ones, c, n + " points, dimension " + j);
            }
        }
    }

    @Test
    void aStratumEdgeStaysInsideItsStratumDespiteRoundOff() {
        for (int n : new int[] {3, 7, 10, 49, 1000}) {
            for (int k = 0; k < n; k++) {
                assertEquals(k, (int) Math.floor(LatinHypercubeDesign.inStratum(k, n, Math.nextDown(1.0)) * n));
                assertEquals(k, (int) Math.floor(LatinHypercubeDesign.inStratum(k, n, 0.0) * n));
            }
        }
    }

    @Test
    void sampledDesignsLieInTheirRangesInSiAndAreRecordedAsSimulated() throws CaseException {
        for (String mode : List.of("sobol", "latin_hypercube")) {
            LoadedSweep s = sweep(mode, 64, 3);
            assertEquals(mode, s.mode());
            assertEquals(64, s.size());
            assertEquals(List.of("m", "kg/m^3", "m^2/s"), s.units());
            double[][] m = s.parameters();
            for (int d = 0; d < 64; d++) {
                assertTrue(m[d][0] >= 30e-6 && m[d][0] <= 90e-6, mode + " radius " + m[d][0]);
                assertTrue(m[d][1] >= 60 && m[d][1] <= 120, mode + " qmax " + m[d][1]);
                assertTrue(m[d][2] >= 1e-12 && m[d][2] <= 1e-11, mode + " D_p " + m[d][2]);
                var model = s.designs().get(d).model();
                assertEquals(m[d][0], model.particle().radius());
                assertEquals(m[d][1], ((LangmuirBinding) model.binding()).qmax()[0]);
                assertEquals(m[d][2], model.particle().poreDiffusion(0));
            }
            assertTrue(s.definition().contains("seed: 3"), s.definition());
        }
    }

    @Test
    void latinHypercubeDesignsAreStratifiedInLinearAndLogRanges() throws CaseException {
        int n = 64;
        double[][] m = sweep("latin_hypercube", n, 11).parameters();
        int[] radius = new int[n];
        int[] logDp = new int[n];
        for (double[] row : m) {
            radius[(int) Math.floor((row[0] - 30e-6) / 60e-6 * n)]++;
            logDp[(int) Math.floor(Math.log(row[2] / 1e-12) / Math.log(10.0) * n)]++;
        }
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, radius);
        assertArrayEquals(ones, logDp);
    }

    @Test
    void sixtyFourSobolDesignsHoldOneEach64thOfEveryRangeLinearOrLog() throws CaseException {
        int n = 1 << MAX_SOBOL_LEVEL;
        double[][] m = sweep("sobol", n, 2).parameters();
        int[][] strata = new int[3][n];
        for (double[] row : m) {
            strata[0][(int) Math.floor((row[0] - 30e-6) / 60e-6 * n)]++;
            strata[1][(int) Math.floor((row[1] - 60) / 60 * n)]++;
            strata[2][(int) Math.floor(Math.log(row[2] / 1e-12) / Math.log(10.0) * n)]++;
        }
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        for (int p = 0; p < 3; p++) {
            assertArrayEquals(ones, strata[p], "parameter " + p);
        }
    }

    @Test
    void theSameSeedGivesTheSameDesignsAndAnotherSeedOthers() throws CaseException {
        for (String mode : List.of("sobol", "latin_hypercube")) {
            double[][] a = sweep(mode, 16, 5).parameters();
            double[][] b = sweep(mode, 16, 5).parameters();
            double[][] c = sweep(mode, 16, 6).parameters();
            assertTrue(Arrays.deepEquals(a, b), mode);
            assertFalse(Arrays.deepEquals(a, c), mode);
            assertTrue(Arrays.deepEquals(sweep(mode, 16, null).parameters(),
                    sweep(mode, 16, SweepSampling.DEFAULT_SEED).parameters()), mode + " default seed");
        }
    }

    @Test
    void maxInAnotherUnitOfTheSameDimensionIsConverted() throws CaseException {
        LoadedSweep s = CaseLoader.parseSweep(BASE + "sweep:\n  mode: sobol\n  samples: 8\n  parameters:\n"
                + "    column.length: {min: 2 cm, max: 30 mm}\n", "test", List.of());
        for (double[] row : s.parameters()) {
            assertTrue(row[0] >= 0.02 && row[0] <= 0.03, "length " + row[0]);
        }
    }

    @Test
    void badSampledSweepsNameTheirField() {
        String head = "sweep:\n  mode: sobol\n  samples: 8\n  parameters:\n";
        assertEquals("sweep.parameters.particle.radius",
                error(head + "    particle.radius: {min: 90 um, max: 30 um}\n").field());
        assertEquals("sweep.parameters.particle.radius.min",
                error(head + "    particle.radius: {min: 0 um, max: 30 um, scale: log}\n").field());
        assertEquals("sweep.parameters.particle.radius.scale",
                error(head + "    particle.radius: {min: 1 um, max: 30 um, scale: logarithmic}\n").field());
        assertEquals("sweep.parameters.particle.radius.mean",
                error(head + "    particle.radius: {min: 1 um, max: 30 um, mean: 3 um}\n").field());
        assertEquals("sweep.parameters.particle.radius.max",
                error(head + "    particle.radius: {min: 1 um, max: 30 s}\n").field());
        assertEquals("sweep.parameters.particle.radius",
                error(head + "    particle.radius: [30 um, 90 um]\n").field());
        assertEquals("sweep.parameters.discretization.axial_cells",
                error(head + "    discretization.axial_cells: {min: 8, max: 64}\n").field());
        assertEquals("sweep.samples", error("sweep:\n  mode: latin_hypercube\n  samples: 0\n  parameters:\n"
                + "    particle.radius: {min: 1 um, max: 30 um}\n").field());
        assertEquals("sweep.samples", error("sweep:\n  mode: latin_hypercube\n  parameters:\n"
                + "    particle.radius: {min: 1 um, max: 30 um}\n").field());
        assertEquals("sweep.samples", error("sweep:\n  mode: grid\n  samples: 4\n  parameters:\n"
                + "    particle.radius: [1 um, 30 um]\n").field());
        assertEquals("sweep.parameters.particle.radius", error("sweep:\n  mode: grid\n  parameters:\n"
                + "    particle.radius: {min: 1 um, max: 30 um}\n").field());
    }

    @Test
    void aDrawnValueTheCaseRefusesFailsItsDesign() {
        CaseException e = error("sweep:\n  mode: sobol\n  samples: 4\n  parameters:\n"
                + "    column.bed_porosity: {min: 0.5, max: 1.5}\n");
        assertEquals("sweep.parameters", e.field());
        assertTrue(e.getMessage().contains("column.bed_porosity"), e.getMessage());
    }
}
