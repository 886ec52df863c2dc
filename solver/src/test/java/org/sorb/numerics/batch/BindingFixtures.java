package org.sorb.numerics.batch;

import java.util.Arrays;
import java.util.List;
import org.sorb.model.BindingModel;
import org.sorb.model.BindingModels;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.StericMassActionBinding;
import org.sorb.verification.TestCases;

/**
 * One test binding of every model of {@link BindingModels#ALL}, by case-file key, with rates scaled per design.
 * Sized so that the random states of {@link RandomBatchStates} (every concentration in 0.05 .. 1.05) are inside
 * each model's domain: steric mass action's free capacity Lambda - sum (nu + sigma) q stays above 10.
 */
public final class BindingFixtures {
    /** The models with a fixture here; a test checks that it is every registered model. */
    public static final List<String> KEYS = List.of("linear", "langmuir", "bi_langmuir", "ph_langmuir",
            "steric_mass_action");

    private BindingFixtures() {
    }

    /** The test binding of model {@code key} for {@code components} liquid components, rates times {@code scale}. */
    public static BindingModel of(String key, int components, boolean kinetic, double scale) {
        if (key.equals("steric_mass_action")) {
            int proteins = components - 1;
            double[] ka = new double[proteins];
            double[] kd = new double[proteins];
            double[] nu = new double[proteins];
            double[] sigma = new double[proteins];
            for (int p = 0; p < proteins; p++) {
                ka[p] = scale * (1.2 - 0.2 * p);
                kd[p] = scale * (0.4 + 0.1 * p);
                nu[p] = 2.0 + 0.5 * p;
                sigma[p] = 1.5;
            }
            return new StericMassActionBinding(kinetic, 20.0 + 5.0 * proteins, ka, kd, nu, sigma, 1.0, 1.0);
        }
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("no test binding for model " + key);
        }
        return TestCases.binding(key, components, kinetic, scale);
    }

    /**
     * Load concentrations of the two-component test column of model {@code key}: a modulator first where the model
     * has one (salt 2 for steric mass action, where the protein binds; pH 1.2 for pH-Langmuir, above its Hill
     * centres), else two binding components.
     */
    public static double[] feed(String key) {
        return switch (key) {
            case "steric_mass_action" -> new double[] {2.0, 1.0};
            case "ph_langmuir" -> new double[] {1.2, 1.0};
            default -> new double[] {1.0, 0.5};
        };
    }

    /**
     * Wash concentrations of the test column, also its initial liquid: salt 6 elutes under steric mass action (a
     * column without salt has no unique equilibrium), pH 1.2 kept for pH-Langmuir, else nothing.
     */
    public static double[] wash(String key) {
        return switch (key) {
            case "steric_mass_action" -> new double[] {6.0, 0.0};
            case "ph_langmuir" -> new double[] {1.2, 0.0};
            default -> new double[2];
        };
    }

    /**
     * CADET's benchmark column (two components, nz x nr cells) with the test binding of model {@code key}: the
     * model's {@link #feed} until loadEnd, then its {@link #wash} (also the initial liquid) until washEnd.
     */
    public static ColumnCase column(ColumnModel model, String key, boolean kinetic, double scale, int nz, int nr,
                                    double loadEnd, double washEnd) {
        ColumnCase c = TestCases.benchmarkColumn(model, of(key, 2, kinetic, scale), nz, nr, feed(key), loadEnd,
                washEnd, 2.0, 1e-8, 1e-6);
        double[] wash = wash(key);
        Inlet inlet = new Inlet(List.of(new InletSection(loadEnd, feed(key), null),
                new InletSection(washEnd, wash, null)));
        return new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), inlet,
                new InitialState(wash, null), c.discretization(), c.solver(), c.output());
    }

    /** True when every bound state of the model is kinetic (Newton then converges from the random states). */
    public static boolean allKinetic(BindingModel b) {
        for (int s = 0; s < b.boundStates(); s++) {
            if (!b.kinetic(s)) {
                return false;
            }
        }
        return true;
    }

    /** The registered model keys without a fixture here (empty when every model has one). */
    public static List<String> missing() {
        return BindingModels.keys().stream().filter(k -> !KEYS.contains(k)).toList();
    }

    /** The index of {@code key} in {@link BindingModels#ALL}. */
    public static int index(String key) {
        int i = BindingModels.keys().indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException(key + " is not registered: " + Arrays.toString(
                    BindingModels.keys().toArray()));
        }
        return i;
    }
}
