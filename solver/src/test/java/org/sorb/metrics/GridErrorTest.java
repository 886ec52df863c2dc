package org.sorb.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.backend.Backend;
import org.sorb.backend.JavaBackend;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedCase;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;

/**
 * The grid warning on a case built like it: protein A capture (kinetic Langmuir, 60 mg/mL of bed) in
 * 90 um particles (45 um radius) with slow pore diffusion, where DBC_10 needs fine particle shells. 64 x 8 cells
 * are flagged at the default 2 % tolerance and 128 x 16 are not, and the estimate of 64 x 8 bounds its error
 * against the finer 128 x 16 solve.
 */
class GridErrorTest {
    static final String CASE = "name: grid-check\ncomponents: [IgG]\n"
            + "column: {model: general_rate, length: 5 cm, bed_porosity: 0.34, interstitial_velocity: 4.4e-4,"
            + " axial_dispersion: 4.5e-8}\n"
            + "particle: {radius: 45 um, porosity: 0.92, film_diffusion: [1.37e-5], pore_diffusion: [1.5e-12]}\n"
            + "binding: {model: langmuir, kinetic: true, ka: [10.0], kd: [0.1], qmax_bed: [60.0]}\n"
            + "inlet:\n  - {until: 50 min, concentration: [4.69 mg/mL]}\n"
            + "discretization: {axial_cells: 64, particle_cells: 8}\n"
            + "solver: {abs_tol: 1e-8, rel_tol: 1e-5}\noutput: {interval: 10 s}\n";

    private static LoadedCase grid(int axial, int particle) throws CaseException {
        return CaseLoader.parse(CASE, "grid-check", List.of("discretization.axial_cells=" + axial,
                "discretization.particle_cells=" + particle));
    }

    @Test
    void sixtyFourByEightIsFlaggedAndOneTwentyEightBySixteenIsNotAndTheEstimateBoundsTheError() throws CaseException {
        LoadedCase fine = grid(64, 8);
        LoadedCase finer = grid(128, 16);
        ColumnCase companion = GridCompanion.coarser(fine.model());
        assertEquals("32x4", GridCompanion.describe(companion));
        assertEquals(fine.model().discretization(), GridCompanion.coarser(finer.model()).discretization(),
                "the companion of 128 x 16 is 64 x 8");
        List<SimulationResult> r;
        try (Backend java = new JavaBackend(2)) {
            r = Backend.resultsOf(java.runBatch(List.of(companion, fine.model(), finer.model()),
                    org.sorb.numerics.RunBudget.UNLIMITED, org.sorb.numerics.ProgressListener.NONE));
        }
        MetricsSpec spec = fine.metrics();
        DesignMetrics layout = new DesignMetrics(fine.model(), spec, fine.concentrationUnit());
        MetricsReport report = MetricsCollector.collect(layout, spec, List.of(fine.model(), finer.model()),
                List.of(spec, spec), List.of(r.get(1), r.get(2)), new ArrayList<>(Arrays.asList(r.get(0), r.get(1))));
        int dbc = layout.names().indexOf("dbc_10pct:IgG");
        double m32 = layout.evaluate(companion, spec, r.get(0)).values()[dbc];
        double m64 = report.values()[0][dbc];
        double m128 = report.values()[1][dbc];
        System.out.printf("DBC10 at 32x4, 64x8, 128x16: %.4g, %.4g, %.4g mg/mL; estimates %.3g, %.3g%n", m32, m64,
                m128, report.gridError()[0][dbc], report.gridError()[1][dbc]);
        assertEquals(MetricsSpec.DEFAULT_GRID_TOLERANCE, report.tolerance());
        assertTrue(report.flagged(0), "64 x 8: " + report.relativeError(0, dbc));
        assertTrue(report.relativeError(0, dbc) > report.tolerance(), "DBC10 of 64 x 8 is one flagged metric");
        assertFalse(report.flagged(1), "128 x 16: " + report.relativeError(1, dbc));
        assertEquals(Math.abs(m64 - m32), report.gridError()[0][dbc], 0.0);
        assertTrue(report.gridError()[0][dbc] >= Math.abs(m64 - m128), "the estimate of 64 x 8 bounds its error "
                + "against 128 x 16");
        int pressure = layout.names().indexOf(DesignMetrics.PRESSURE_DROP);
        assertEquals(0.0, report.gridError()[0][pressure], 0.0, "grid-independent metrics have no grid error");
    }
}
