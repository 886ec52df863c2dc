package org.sorb.backend.opencl;

import java.util.List;
import java.util.Map;
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
 * A small test column per registered binding model ({@link BindingModels#ALL}) for the kernel equivalence tests:
 * CADET's benchmark column with the model, a load and a wash. A registered model without a fixture fails
 * {@link #of}, and so the tests that run every model.
 */
final class KernelColumnFixtures {
    /** The fixture of one model: its binding for a kinetic flag and a scale, and its inlet and initial liquid. */
    interface Fixture {
        BindingModel binding(boolean kinetic, double scale);

        /** Load concentrations (components of the binding). */
        double[] feed();

        /** Wash concentrations; also the initial liquid. */
        double[] wash();
    }

    /**
     * Langmuir-type models: two components, feed (1, 0.5), an empty column and a wash with nothing (TestCases).
     */
    private record Plain(String key) implements Fixture {
        @Override
        public BindingModel binding(boolean kinetic, double scale) {
            return TestCases.binding(key, 2, kinetic, scale);
        }

        @Override
        public double[] feed() {
            return new double[] {1.0, 0.5};
        }

        @Override
        public double[] wash() {
            return new double[2];
        }
    }

    /**
     * pH-dependent Langmuir: the "pH" (component 0) and two proteins, with TestCases' Hill centres at 0.6 - 0.8 (the
     * random states' range, so that every derivative is far from zero), load and wash at pH 1.2. No pH step here:
     * with these centres a step to 0.2 or 0.5 makes the Java path itself fail (step size underflow, lumped rate and
     * general rate); elution by a pH step at realistic values is held to the Java path by ModulatedBindingColumnsTest
     * and RandomDesignsAgreementTest.
     */
    private record PhLangmuir() implements Fixture {
        @Override
        public BindingModel binding(boolean kinetic, double scale) {
            return TestCases.binding("ph_langmuir", 3, kinetic, scale);
        }

        @Override
        public double[] feed() {
            return new double[] {1.2, 1.0, 0.5};
        }

        @Override
        public double[] wash() {
            return new double[] {1.2, 0.0, 0.0};
        }
    }

    /**
     * Steric mass action: salt and two proteins, one with an integer characteristic charge and one without (both
     * branches of pow), a capacity that keeps the free sites positive over the random states of the kernel tests
     * (0.05 - 1.05), and small charges and shielding, so that the shell blocks stay well conditioned there (with
     * CADET's nu ~ 5, sigma ~ 10 the blocks' inverses amplify the last-bit differences of pow between PoCL and
     * Java beyond 1e-12); the load at salt 2 binds, the wash at salt 6 elutes.
     */
    private record StericMassAction() implements Fixture {
        @Override
        public BindingModel binding(boolean kinetic, double scale) {
            return new StericMassActionBinding(kinetic, 10.0, new double[] {1.0 * scale, 0.4 * scale},
                    new double[] {2.0, 1.5}, new double[] {2.0, 1.4}, new double[] {1.0, 2.0}, 1.0, 1.0);
        }

        @Override
        public double[] feed() {
            return new double[] {2.0, 1.0, 0.5};
        }

        @Override
        public double[] wash() {
            return new double[] {6.0, 0.0, 0.0};
        }
    }

    private static final Map<String, Fixture> FIXTURES = Map.of(
            "linear", new Plain("linear"),
            "langmuir", new Plain("langmuir"),
            "bi_langmuir", new Plain("bi_langmuir"),
            "ph_langmuir", new PhLangmuir(),
            "steric_mass_action", new StericMassAction());

    private KernelColumnFixtures() {
    }

    /** Every registered model's key, in registry order. */
    static List<String> keys() {
        return BindingModels.keys();
    }

    /** The fixture of model {@code key}; fails when the model has none. */
    static Fixture of(String key) {
        Fixture f = FIXTURES.get(key);
        if (f == null) {
            throw new AssertionError("binding model " + key + " has no test fixture in KernelColumnFixtures");
        }
        return f;
    }

    /** CADET's benchmark column with model {@code key}: load {@code feed} until loadEnd, then the wash. */
    static ColumnCase design(ColumnModel model, String key, boolean kinetic, double scale, int nz, int nr,
                             double loadEnd, double washEnd, double interval, double absTol, double relTol) {
        Fixture f = of(key);
        ColumnCase c = TestCases.benchmarkColumn(model, f.binding(kinetic, scale), nz, nr, f.feed(), loadEnd, washEnd,
                interval, absTol, relTol);
        Inlet inlet = new Inlet(List.of(new InletSection(loadEnd, f.feed(), null),
                new InletSection(washEnd, f.wash(), null)));
        return new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), inlet,
                new InitialState(f.wash(), null), c.discretization(), c.solver(), c.output());
    }
}
