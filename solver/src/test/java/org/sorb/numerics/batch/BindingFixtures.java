package org.sorb.numerics.batch;

import java.util.Arrays;
import java.util.List;
import org.sorb.model.BindingModel;
import org.sorb.model.BindingModels;
import org.sorb.model.ColumnCase;
import org.sorb.model.InitialState;
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

    /** Models whose component 0 is a modulator (pH, salt) rather than a protein. */
    public static final List<String> MODULATED = List.of("ph_langmuir", "steric_mass_action");

    /**
     * {@code c} starting in buffer where its model is modulated: component 0 at {@code level}, nothing else, the bound
     * states in equilibrium with it (at 0 the equilibrium an initial state needs is not unique); else {@code c}.
     */
    public static ColumnCase inBuffer(ColumnCase c, String key, double level) {
        if (!MODULATED.contains(key)) {
            return c;
        }
        double[] bulk = new double[c.components().size()];
        bulk[0] = level;
        return new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), c.inlet(),
                new InitialState(bulk, null), c.discretization(), c.solver(), c.output());
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
