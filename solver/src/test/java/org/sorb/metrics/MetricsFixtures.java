package org.sorb.metrics;

import java.util.List;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedCase;
import org.sorb.model.MassBalance;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;

/** Cases and synthetic outlets for the metrics tests. */
final class MetricsFixtures {
    private MetricsFixtures() {
    }

    /**
     * A 20 cm GRM column at 300 cm/h superficial, bed porosity 0.36, 45 um radius, rapid-equilibrium Langmuir
     * (K = 100 mL/mg, qmax 100 mg/mL of solid), loaded at 2 mg/mL from 60 s to 1260 s, then washed; {@code extra} is
     * appended as more top-level keys.
     */
    static LoadedCase column(String extra) throws CaseException {
        String yaml = "name: metrics-fixture\ncomponents: [P]\n"
                + "column: {model: general_rate, length: 20 cm, bed_porosity: 0.36, superficial_velocity: 300 cm/h,"
                + " axial_dispersion: 1e-8}\n"
                + "particle: {radius: 45 um, porosity: 0.5, film_diffusion: [1e-5], pore_diffusion: [1e-11]}\n"
                + "binding: {model: langmuir, kinetic: false, ka: [10.0], kd: [0.1], qmax: [100.0]}\n"
                + "inlet:\n  - {until: 60 s, concentration: [0.0]}\n  - {until: 1260 s, concentration: [2 mg/mL]}\n"
                + "  - {until: 1500 s, concentration: [0.0]}\n"
                + "discretization: {axial_cells: 8, particle_cells: 2}\noutput: {interval: 10 s}\n" + extra;
        return CaseLoader.parse(yaml, "fixture", List.of());
    }

    /** A one-component result with outlet {@code c} at {@code time}. */
    static SimulationResult result(double[] time, double[] c) {
        double[] zero = {0.0};
        return new SimulationResult(time, c, 1, new MassBalance(zero, zero, zero, 0.0), null,
                new SolverStats(1, 0, 1, 1, 0.0));
    }
}
