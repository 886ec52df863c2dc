package org.sorb.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedCase;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * DBC_10 of a favourable (Langmuir) isotherm without mass-transfer resistance is the stoichiometric value of the
 * shock, c_f V_shock / V_bed = c_f eps_t + (1 - eps_c)(1 - eps_p) q*(c_f) (equilibrium theory, e.g. Guiochon et al.,
 * Fundamentals of Preparative and Nonlinear Chromatography, 2nd ed. 2006, ch. 7), up to the width of the
 * self-sharpened front, which rapid equilibrium, a large film and pore diffusion and small dispersion make a few
 * cells wide.
 */
class StoichiometricDbcTest {
    /** The bound on |DBC_10 / stoichiometric - 1|. */
    static final double STOICHIOMETRIC_RELATIVE = 0.02;

    static final String CASE = "name: stoichiometric-langmuir\ncomponents: [P]\n"
            + "column: {model: general_rate, length: 5 cm, bed_porosity: 0.35, interstitial_velocity: 1.0e-3,"
            + " axial_dispersion: 1.0e-9}\n"
            + "particle: {radius: 10 um, porosity: 0.5, film_diffusion: [1.0e-3], pore_diffusion: [1.0e-9]}\n"
            + "binding: {model: langmuir, kinetic: false, ka: [10.0], kd: [0.1], qmax: [100.0]}\n"
            + "inlet:\n  - {until: 6000 s, concentration: [1.0 mg/mL]}\n"
            + "discretization: {axial_cells: 64, particle_cells: 2}\n"
            + "solver: {abs_tol: 1e-8, rel_tol: 1e-5}\noutput: {interval: 10 s}\n";

    @Test
    void dbc10OfARapidEquilibriumLangmuirColumnIsTheStoichiometricCapacity() throws CaseException {
        LoadedCase c = CaseLoader.parse(CASE, "stoichiometric", List.of());
        SimulationResult r = new ColumnSimulator(c.model()).run(ProgressListener.NONE);
        DesignMetrics m = new DesignMetrics(c.model(), c.metrics(), c.concentrationUnit());
        double[] v = m.evaluate(c.model(), c.metrics(), r).values();
        int dbc = m.names().indexOf("dbc_10pct:P");
        int ebc = m.names().indexOf("equilibrium_capacity:P");
        // q* = qmax K c_f / (1 + K c_f) = 100 x 100 / 101 per solid; x (1 - 0.35)(1 - 0.5) per bed
        double equilibrium = 0.65 * 0.5 * 100.0 * 100.0 / 101.0;
        assertEquals(equilibrium, v[ebc], 1e-12 * equilibrium);
        double stoichiometric = EquilibriumCapacity.stoichiometric(c.model(), 1.0, v[ebc]);
        assertEquals(1.0 * (0.35 + 0.65 * 0.5) + equilibrium, stoichiometric, 1e-12 * stoichiometric);
        double relative = v[dbc] / stoichiometric - 1.0;
        assertTrue(Math.abs(relative) <= STOICHIOMETRIC_RELATIVE, "DBC10 " + v[dbc] + " against the stoichiometric "
                + stoichiometric + " mg/mL: " + relative);
        assertTrue(relative < 0.0, "a front of finite width breaks through before the shock: " + relative);
        System.out.printf("stoichiometric DBC10: %.5g against %.5g mg/mL, relative %.3g%n", v[dbc], stoichiometric,
                relative);
    }
}
