package org.sorb.treatment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.ParticleGrid;
import org.sorb.model.PhLangmuirBinding;
import org.sorb.model.SimulationResult;
import org.sorb.model.TimeIntegration;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * A load-wash-elute run with a pH step on the pH-dependent Langmuir binding (n_bound = n_comp - 1): the column
 * equations and the structured solve handle the pH component without bound state; mass balance closes, and the
 * low-pH section elutes what was bound.
 */
class PhElutionColumnTest {
    @Test
    void loadWashEluteWithPhStepConservesMassAndElutes() {
        PhLangmuirBinding b = new PhLangmuirBinding(true, new double[] {5.0, 0.7}, new double[] {0.1, 0.1},
                new double[] {100.0, 100.0}, new double[] {3.0, 3.0}, new double[] {4.3, 5.0},
                new double[] {2.0, 2.0}, new double[] {4.0, 4.8});
        Particle p = new Particle(45e-6, 0.8, new double[] {1e-4, 1.4e-5, 1.4e-5}, new double[] {1e-9, 1e-11, 1e-11});
        Inlet inlet = new Inlet(List.of(
                new InletSection(600, new double[] {7.4, 1.0, 0.2}, null),
                new InletSection(1200, new double[] {7.4, 0.0, 0.0}, null),
                new InletSection(2400, new double[] {3.0, 0.0, 0.0}, null),
                new InletSection(3000, new double[] {7.4, 0.0, 0.0}, null)));
        ColumnCase c = new ColumnCase("ph-step", List.of("pH", "IgG1", "IgG3"),
                new Column(ColumnModel.GENERAL_RATE, 0.05, 0.35, 1.2e-3, 1e-7), p, b, inlet,
                new InitialState(new double[] {7.4, 0.0, 0.0}, null),
                new Discretization(10, 4, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3),
                new TimeIntegration(1e-8, 1e-6, 1e-3, 1_000_000), new OutputSpec(10.0, null));
        SimulationResult r = new ColumnSimulator(c).run(ProgressListener.NONE);
        System.out.printf("pH step load/wash/elute: mass balance relative error %.2e%n", r.massBalance().relativeError());
        assertTrue(r.massBalance().relativeError() <= 1e-8, "mass balance " + r.massBalance().relativeError());
        double[] injected = r.massBalance().injected();
        double[] retained = r.massBalance().retained();
        for (int i = 1; i < 3; i++) {
            assertTrue(retained[i] < 0.02 * injected[i], "component " + i + " eluted at pH 3: retained "
                    + retained[i] + " of " + injected[i]);
        }
        // the elution peak comes in the low-pH section: outlet there exceeds the feed
        double peak = 0.0;
        int nc = 3;
        for (int k = 0; k < r.time().length; k++) {
            if (r.time()[k] > 1200 && r.time()[k] < 2400) {
                peak = Math.max(peak, r.outlet()[k * nc + 1]);
            }
        }
        assertTrue(peak > 1.0, "concentrated eluate at pH 3: peak " + peak);
    }
}
