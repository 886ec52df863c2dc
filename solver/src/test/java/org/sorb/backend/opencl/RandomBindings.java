package org.sorb.backend.opencl;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sorb.model.BiLangmuirBinding;
import org.sorb.model.BindingModel;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.LinearBinding;
import org.sorb.model.PhLangmuirBinding;
import org.sorb.model.StericMassActionBinding;

/**
 * How {@link RandomDesignsAgreementTest} draws the binding and the inlet of a design, per registered binding model
 * (a model without an entry fails {@link #of}): parameters log-uniform over lab to clinical ranges.
 */
final class RandomBindings {
    /**
     * The draw of one model: its components, binding and inlet sections; the column starts with the liquid of the
     * second section (the wash buffer) in equilibrium.
     */
    interface Draw {
        int components();

        BindingModel binding(Random r, boolean kinetic);

        /** The inlet for a column of the given residence time (s): a load, a wash, and an elution where it has one. */
        Inlet inlet(Random r, double residence);
    }

    /** Linear, Langmuir and bi-Langmuir: two components, a load of 1 - 10 residence times, then a wash. */
    private record LangmuirType(int kind) implements Draw {
        @Override
        public int components() {
            return 2;
        }

        @Override
        public BindingModel binding(Random r, boolean kinetic) {
            int sites = kind == 2 ? 2 : 1;
            int n = components();
            double[] ka = new double[sites * n];
            double[] kd = new double[sites * n];
            double[] qmax = new double[sites * n];
            for (int i = 0; i < ka.length; i++) {
                ka[i] = logUniform(r, 0.1, 30.0);
                kd[i] = logUniform(r, 0.01, 3.0);
                qmax[i] = logUniform(r, 1.0, 100.0);
            }
            return switch (kind) {
                case 0 -> new LinearBinding(kinetic, ka, kd);
                case 1 -> new LangmuirBinding(kinetic, ka, kd, qmax);
                default -> new BiLangmuirBinding(kinetic, ka, kd, qmax);
            };
        }

        @Override
        public Inlet inlet(Random r, double residence) {
            double[] feed = {logUniform(r, 0.1, 10.0), logUniform(r, 0.1, 10.0)};
            double loadEnd = residence * logUniform(r, 1.0, 10.0);
            double end = loadEnd + residence * logUniform(r, 2.0, 20.0);
            return new Inlet(List.of(new InletSection(loadEnd, feed, null),
                    new InletSection(end, new double[2], null)));
        }
    }

    /**
     * pH-dependent Langmuir as in the treatment materials (immunosorba-protein-a.yaml): pH and two proteins
     * (0.1 - 10 kg/m^3), load and wash at pH 7 - 7.5, elution by a step to pH 3 - 3.5; always kinetic, as there: in
     * rapid equilibrium the pH step collapses the capacity at once, which the Java path itself does not always
     * follow (step size underflow at the elution of a drawn general-rate design).
     */
    private record PhLangmuir() implements Draw {
        @Override
        public int components() {
            return 3;
        }

        @Override
        public BindingModel binding(Random r, boolean kinetic) {
            double[][] p = new double[7][2];
            for (int s = 0; s < 2; s++) {
                p[0][s] = logUniform(r, 0.5, 5.0);
                p[1][s] = logUniform(r, 0.05, 0.5);
                p[2][s] = logUniform(r, 20.0, 100.0);
                p[3][s] = 2.0 + 2.0 * r.nextDouble();
                p[4][s] = 4.0 + r.nextDouble();
                p[5][s] = 1.5 + 1.5 * r.nextDouble();
                p[6][s] = 3.8 + r.nextDouble();
            }
            return new PhLangmuirBinding(true, p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        }

        @Override
        public Inlet inlet(Random r, double residence) {
            double ph = 7.0 + 0.5 * r.nextDouble();
            double[] feed = {ph, logUniform(r, 0.1, 10.0), logUniform(r, 0.1, 10.0)};
            double loadEnd = residence * logUniform(r, 1.0, 10.0);
            double washEnd = loadEnd + residence * logUniform(r, 2.0, 5.0);
            double end = washEnd + residence * logUniform(r, 5.0, 20.0);
            return new Inlet(List.of(new InletSection(loadEnd, feed, null),
                    new InletSection(washEnd, new double[] {ph, 0.0, 0.0}, null),
                    new InletSection(end, new double[] {3.0 + 0.5 * r.nextDouble(), 0.0, 0.0}, null)));
        }
    }

    /**
     * Steric mass action in CADET's ranges (mM): salt and two proteins (0.1 - 1 mM), Lambda 800 - 1500, nu 3 - 6,
     * sigma 10 - 50; load and wash at 50 - 150 mM salt, then a linear gradient to 200 - 500 mM.
     */
    private record StericMassAction() implements Draw {
        @Override
        public int components() {
            return 3;
        }

        @Override
        public BindingModel binding(Random r, boolean kinetic) {
            double[] ka = new double[2];
            double[] kd = new double[2];
            double[] nu = new double[2];
            double[] sigma = new double[2];
            for (int p = 0; p < 2; p++) {
                ka[p] = logUniform(r, 1.0, 40.0);
                kd[p] = logUniform(r, 100.0, 1000.0);
                nu[p] = 3.0 + 3.0 * r.nextDouble();
                sigma[p] = logUniform(r, 10.0, 50.0);
            }
            return new StericMassActionBinding(kinetic, logUniform(r, 800.0, 1500.0), ka, kd, nu, sigma, 1.0, 1.0);
        }

        @Override
        public Inlet inlet(Random r, double residence) {
            double salt = logUniform(r, 50.0, 150.0);
            double[] feed = {salt, logUniform(r, 0.1, 1.0), logUniform(r, 0.1, 1.0)};
            double loadEnd = residence * logUniform(r, 1.0, 10.0);
            double washEnd = loadEnd + residence * logUniform(r, 2.0, 5.0);
            double end = washEnd + residence * logUniform(r, 10.0, 40.0);
            double slope = (logUniform(r, 200.0, 500.0) - salt) / (end - washEnd);
            return new Inlet(List.of(new InletSection(loadEnd, feed, null),
                    new InletSection(washEnd, new double[] {salt, 0.0, 0.0}, null),
                    new InletSection(end, new double[] {salt, 0.0, 0.0}, new double[] {slope, 0.0, 0.0})));
        }
    }

    private static final Map<String, Draw> DRAWS = Map.of(
            "linear", new LangmuirType(0),
            "langmuir", new LangmuirType(1),
            "bi_langmuir", new LangmuirType(2),
            "ph_langmuir", new PhLangmuir(),
            "steric_mass_action", new StericMassAction());

    private RandomBindings() {
    }

    /** The draw of model {@code key}; fails when the model has none. */
    static Draw of(String key) {
        Draw d = DRAWS.get(key);
        if (d == null) {
            throw new AssertionError("binding model " + key + " has no random draw in RandomBindings");
        }
        return d;
    }

    static double logUniform(Random r, double lo, double hi) {
        return lo * Math.pow(hi / lo, r.nextDouble());
    }
}
