package org.sorb.io;

import java.nio.file.Path;
import java.util.List;
import org.sorb.cases.LoadedCase;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.LinearBinding;
import org.sorb.model.MassBalance;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.ParticleGrid;
import org.sorb.model.Profiles;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;
import org.sorb.model.TimeIntegration;

/** Synthetic cases and results for the io and cli tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A valid two-component linear GRM case. */
    public static LoadedCase loadedCase(String name, String yaml) {
        ColumnCase c = new ColumnCase(name, List.of("IgG", "HSA"),
                new Column(ColumnModel.GENERAL_RATE, 0.1, 0.37, 1e-3, 1e-7),
                new Particle(4.5e-5, 0.75, new double[] {6.9e-6, 7e-6}, new double[] {6e-11, 7e-11}),
                new LinearBinding(true, new double[] {3.55, 1.0}, new double[] {0.1, 0.2}),
                new Inlet(List.of(new InletSection(10, new double[] {1, 0.5}, null),
                        new InletSection(100, new double[] {0, 0}, null))),
                InitialState.empty(2), new Discretization(8, 4, ParticleGrid.EQUAL_VOLUME, ConvectionScheme.WENO3),
                TimeIntegration.defaults(), new OutputSpec(1.0, new double[] {0, 50}));
        return new LoadedCase(c, yaml, "kg/m^3", Path.of("/cases/" + name + ".yaml"));
    }

    /** A result with distinct values everywhere, with or without profiles. */
    public static SimulationResult result(boolean withProfiles) {
        int nT = 5;
        int nC = 2;
        double[] time = new double[nT];
        double[] outlet = new double[nT * nC];
        for (int k = 0; k < nT; k++) {
            time[k] = 25.0 * k;
            for (int i = 0; i < nC; i++) {
                outlet[k * nC + i] = 0.001 * k + 0.1 * i + 1e-12;
            }
        }
        Profiles profiles = null;
        if (withProfiles) {
            int nS = 2;
            int nZ = 3;
            double[] bulk = new double[nS * nZ * nC];
            double[] bound = new double[nS * nZ * nC];
            for (int j = 0; j < bulk.length; j++) {
                bulk[j] = j + 0.5;
                bound[j] = -j - 0.25;
            }
            profiles = new Profiles(new double[] {0, 50}, new double[] {0.01, 0.05, 0.09}, bulk, bound);
        }
        MassBalance mb = new MassBalance(new double[] {1.0, 2.0}, new double[] {0.5, 1.5}, new double[] {0.5, 0.5},
                3.5e-9);
        return new SimulationResult(time, outlet, nC, mb, profiles, new SolverStats(120, 7, 400, 33, 1.25));
    }
}
