package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.StericMassActionBinding;
import org.sorb.verification.TestCases;

/** The kernels' structure and parameter offsets, derived from the binding model and its declaration. */
class KernelConstantsTest {
    private static KernelConstants of(BindingModel b) {
        double[] feed = new double[b.components()];
        ColumnCase c = TestCases.benchmarkColumn(ColumnModel.GENERAL_RATE, b, 4, 2, feed, 1.0, 2.0, 1.0, 1e-8, 1e-6);
        return KernelConstants.of(c);
    }

    private static StericMassActionBinding sma(boolean kinetic) {
        return new StericMassActionBinding(kinetic, 10.0, new double[] {1.0, 2.0}, new double[] {1.0, 1.0},
                new double[] {2.0, 3.0}, new double[] {1.0, 1.0}, 1.0, 1.0);
    }

    @Test
    void theStructureHoldsTheModelKeyAndItsPerStateFlags() {
        // linear and Langmuir with the same sizes are different programs
        assertNotEquals(of(TestCases.binding("linear", 2, true, 1.0)), of(TestCases.binding("langmuir", 2, true, 1.0)));
        KernelConstants kinetic = of(sma(true));
        KernelConstants equilibrium = of(sma(false));
        assertNotEquals(kinetic, equilibrium);
        // the salt's bound state is algebraic either way; proteins follow the flag
        assertEquals(List.of(false, true, true), kinetic.kineticStates());
        assertEquals(List.of(false, false, false), equilibrium.kineticStates());
        assertEquals(List.of(0, 1, 2), kinetic.stateComponents());
        assertEquals(List.of(1, 2), of(TestCases.binding("ph_langmuir", 3, true, 1.0)).stateComponents());
        assertEquals(List.of(0, 1, 0, 1), of(TestCases.binding("bi_langmuir", 2, true, 1.0)).stateComponents());
        assertEquals(kinetic, of(sma(true)));
    }

    @Test
    void bindingOffsetsFollowTheDeclarationWithReciprocalsOfPositiveParameters() {
        KernelConstants k = of(sma(true));
        int at = k.toInner() + k.ns() * k.nc();
        StringBuilder order = new StringBuilder();
        for (BindingSlot s : k.bindingSlots()) {
            assertEquals(at, s.offset(), s.define());
            at += s.size();
            order.append(s.define()).append('=').append(s.size()).append(' ');
        }
        assertEquals("P_LAMBDA=1 P_INV_LAMBDA=1 P_KA=2 P_KD=2 P_NU=2 P_SIGMA=2 P_C_REF=1 P_INV_C_REF=1 P_Q_REF=1 "
                + "P_INV_Q_REF=1 ", order.toString());
        assertEquals(at, k.parameters());
        String d = k.defines();
        assertTrue(d.contains("-D KINETIC_STATES={0,1,1} -D STATE_COMPONENTS={0,1,2}"), d);
        assertTrue(d.contains("-D P_INV_Q_REF=" + (at - 1)), d);
        assertTrue(d.contains("-D NPAR=" + at), d);
    }

    @Test
    void packedParametersAreTheModelsValuesAndTheirReciprocals() {
        StericMassActionBinding b = sma(true);
        double[] feed = new double[b.components()];
        ColumnCase c = TestCases.benchmarkColumn(ColumnModel.GENERAL_RATE, b, 4, 2, feed, 1.0, 2.0, 1.0, 1e-8, 1e-6);
        KernelConstants k = KernelConstants.of(c);
        double[] p = BatchParameters.pack(List.of(c), List.of(new org.sorb.numerics.ColumnEquations(c)), k);
        for (BindingSlot s : k.bindingSlots()) {
            double[] v = b.values(s.key());
            for (int i = 0; i < s.size(); i++) {
                assertEquals(s.reciprocal() ? 1.0 / v[i] : v[i], p[s.offset() + i], s.define() + "[" + i + "]");
            }
        }
    }
}
