package org.sorb.treatment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.numerics.ProgressListener;

/**
 * An adsorber that captures everything, one patient pool, no synthesis or catabolism, no dead volume and no
 * anticoagulant: the plasma concentration follows C/C0 = exp(-V_processed / PV).
 */
class IdealLimitTest {
    static final String CASE = """
            name: ideal-limit
            components: [IgG]
            column: {model: lumped_rate, length: 5 cm, diameter: 4 cm, bed_porosity: 0.6, axial_dispersion: 1.0e-7}
            particle: {radius: 0.0, porosity: 0.0}
            binding: {model: linear, kinetic: false, ka: [10000.0], kd: [1.0]}
            discretization: {axial_cells: 20}
            solver: {abs_tol: 1.0e-9, rel_tol: 1.0e-8}
            patient:
              weight: 70 kg
              hematocrit: 0.45
              species:
                IgG: {concentration: 10 g/L, intravascular_fraction: 1.0, half_life: none, synthesis: false}
            circuit: {blood_flow: 80 mL/min, plasma_flow: 35 mL/min}
            operation:
              columns: 1
              cycle_volume: 100 L
              regeneration: {flow: 100 mL/min, wash_volume: 10 mL, elution_volume: 10 mL}
            schedule: {sessions: 1, plasma_volumes: 2.5, coupling_interval: 20 s}
            """;

    /** Largest |C/C0 - exp(-V/PV)| over the session's samples. */
    static double maxError(String coupling) throws Exception {
        var loaded = TreatmentFixtures.parse(CASE, List.of("schedule.coupling_interval=" + coupling));
        TreatmentResult r = new TreatmentSimulator(loaded.model(), null).run(ProgressListener.NONE);
        double pv = loaded.model().patient().plasmaVolume();
        double c0 = r.intravascular()[0];
        double err = 0.0;
        for (int i = 0; i < r.samples(); i++) {
            if (r.session()[i] < 0 && i > 0) {
                continue;
            }
            double exact = Math.exp(-r.processedPlasmaVolume()[i] / pv);
            err = Math.max(err, Math.abs(r.intravascular()[i] / c0 - exact));
        }
        return err;
    }

    @Test
    void reproducesExponentialDepletionAndConvergesWithTheCouplingInterval() throws Exception {
        double coarse = maxError("20 s");
        double fine = maxError("10 s");
        System.out.printf("ideal limit: max |C/C0 - exp(-V/PV)| = %.3e (20 s), %.3e (10 s)%n", coarse, fine);
        assertTrue(fine <= 1e-3, "ideal-limit error " + fine);
        assertTrue(coarse <= 1e-3, "ideal-limit error " + coarse);
        assertTrue(fine <= coarse * 1.05 || fine < 1e-6, "halving the interval must not make it worse: " + coarse
                + " -> " + fine);
    }
}
