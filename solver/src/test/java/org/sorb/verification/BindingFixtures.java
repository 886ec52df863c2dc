package org.sorb.verification;

import java.util.Random;
import org.sorb.model.BindingModel;
import org.sorb.model.StericMassActionBinding;

/**
 * One test fixture per registered binding model: a model instance with every parameter away from special values,
 * and random states inside its domain. A model registered in {@code BindingModels.ALL} without a fixture here
 * fails the tests that iterate the registry.
 */
final class BindingFixtures {
    /** Liquid components of every fixture (a modulator first where the model has one). */
    static final int COMPONENTS = 3;

    private BindingFixtures() {
    }

    /** The fixture model of {@code key}, kinetic; throws for a model without fixture. */
    static BindingModel model(String key) {
        if (key.equals("steric_mass_action")) {
            // normalised form (c_ref, q_ref not 1, as CADET recommends), so that both references enter;
            // salt, then two proteins with non-integer charges
            return new StericMassActionBinding(true, 1200.0, new double[] {3.0, 0.7}, new double[] {2.0, 0.4},
                    new double[] {4.7, 5.29}, new double[] {11.83, 10.6}, 50.0, 1200.0);
        }
        return TestCases.binding(key, COMPONENTS, true, 1.0);
    }

    /** A random liquid state c_p of the fixture of {@code key}. */
    static double[] liquid(String key, Random rnd) {
        double[] cp = new double[COMPONENTS];
        for (int i = 0; i < COMPONENTS; i++) {
            cp[i] = 0.05 + 1.5 * rnd.nextDouble();
        }
        switch (key) {
            case "ph_langmuir" -> cp[0] = 0.1 + 1.2 * rnd.nextDouble();   // "pH" near the fixture's Hill centres
            case "steric_mass_action" -> cp[0] = 20.0 + 180.0 * rnd.nextDouble();   // salt, mol/m^3
            default -> { }
        }
        return cp;
    }

    /** A random bound state q of {@code model} (fixture of {@code key}), inside its domain. */
    static double[] bound(String key, BindingModel model, Random rnd) {
        double[] q = new double[model.boundStates()];
        for (int s = 0; s < q.length; s++) {
            q[s] = 0.1 + 4.0 * rnd.nextDouble();
        }
        if (key.equals("steric_mass_action")) {
            q[0] = 1200.0 * rnd.nextDouble();          // free salt sites; proteins up to 4.1: qbar_0 >= 1090
            if (!model.admissible(liquid(key, rnd), 0, q, 0)) {
                throw new IllegalStateException("fixture state outside the model's domain");
            }
        }
        return q;
    }
}
