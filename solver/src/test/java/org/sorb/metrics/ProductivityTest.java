package org.sorb.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedCase;
import org.sorb.model.MassBalance;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;

/** A load-wash-elute cycle is recognised from its inlet sections and its productivity integrates the eluate. */
class ProductivityTest {
    static final double ROUND_OFF = 1e-12;

    /** Load IgG at pH 7.4 from 0 to 600 s, wash at pH 7.4 to 900 s, elute at pH 3 to 1200 s; u_s 1e-4 m/s, L 5 cm. */
    static final String CYCLE = "name: cycle\ncomponents: [pH, IgG]\n"
            + "column: {model: general_rate, length: 5 cm, bed_porosity: 0.4, superficial_velocity: 1e-4,"
            + " axial_dispersion: 1e-8}\n"
            + "particle: {radius: 40 um, porosity: 0.9, film_diffusion: [1e-5, 1e-5], pore_diffusion: [1e-11, 1e-11]}\n"
            + "binding: {model: ph_langmuir, kinetic: true, ka: [10.0], kd: [0.1], qmax: [100.0], eta_a: [3.0],"
            + " pka_a: [4.0], eta_g: [0.0], pka_g: [0.0]}\n"
            + "initial: {bulk: [7.4, 0.0]}\n"
            + "inlet:\n  - {until: 600 s, concentration: [7.4, 2 mg/mL]}\n  - {until: 900 s, concentration: [7.4, 0]}\n"
            + "  - {until: 1200 s, concentration: [3.0, 0]}\n"
            + "discretization: {axial_cells: 8, particle_cells: 2}\noutput: {interval: 10 s}\n";

    @Test
    void aPhElutionAfterAWashIsACycleAndItsProductivityIsTheElutedAmountPerBedVolumeAndCycleTime()
            throws CaseException {
        LoadedCase c = CaseLoader.parse(CYCLE, "cycle", List.of());
        assertEquals(900.0, Productivity.elutionStart(c.model()), 0.0);
        DesignMetrics m = new DesignMetrics(c.model(), c.metrics(), c.concentrationUnit());
        assertEquals("productivity:IgG", m.names().get(m.names().size() - 1));
        assertEquals("kg/m^3/s", m.units().get(m.units().size() - 1));
        assertFalse(m.names().contains("dbc_10pct:pH"), "the pH has no bound state");
        int n = 121;
        double[] time = new double[n];
        double[] outlet = new double[2 * n];
        for (int k = 0; k < n; k++) {
            time[k] = 10.0 * k;
            outlet[2 * k] = time[k] < 900.0 ? 7.4 : 3.0;
            outlet[2 * k + 1] = time[k] >= 950.0 && time[k] <= 1050.0 ? 5.0 : 0.0; // a 5 mg/mL block, 100 s wide
        }
        double[] zero = {0.0, 0.0};
        SimulationResult r = new SimulationResult(time, outlet, 2, new MassBalance(zero, zero, zero, 0.0), null,
                new SolverStats(1, 0, 1, 1, 0.0));
        double[] v = m.evaluate(c.model(), c.metrics(), r).values();
        // trapezoid of the block: 5 mg/mL x (100 s + one 10 s ramp) = 550 mg/mL s; x u_s / (L x 1200 s)
        double expected = 1e-4 * 5.0 * 110.0 / (0.05 * 1200.0);
        assertEquals(expected, v[v.length - 1], ROUND_OFF * expected);
    }

    @Test
    void aLoadAndWashWithoutElutionHasNoProductivity() throws CaseException {
        LoadedCase c = CaseLoader.parse(CYCLE.replace("[3.0, 0]", "[7.4, 0]"), "no-elution", List.of());
        assertTrue(Double.isNaN(Productivity.elutionStart(c.model())));
        DesignMetrics m = new DesignMetrics(c.model(), c.metrics(), c.concentrationUnit());
        assertFalse(m.names().stream().anyMatch(x -> x.startsWith("productivity")), m.names().toString());
    }
}
