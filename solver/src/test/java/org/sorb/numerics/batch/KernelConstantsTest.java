package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.Discretization;
import org.sorb.model.SpectralElements;
import org.sorb.model.StericMassActionBinding;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.dg.BandOperator;
import org.sorb.numerics.dg.DgParticleOperator;
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

    /**
     * On spectral elements the parameters carry each design's own DG operators (its GalerkinTransport's band and
     * inlet column, its particle's coupling, film sources and coefficients) after the transport slots, the binding
     * slots after them, and the band is the DG transport's.
     */
    @Test
    void dgParametersAreEachDesignsOwnOperators() {
        BindingModel b = TestCases.binding("langmuir", 2, true, 1.0);
        ColumnCase fv = TestCases.benchmarkColumn(ColumnModel.GENERAL_RATE, b, 4, 2, new double[2], 1.0, 2.0, 1.0,
                1e-8, 1e-6);
        for (boolean exact : new boolean[] {false, true}) {
            ColumnCase c = fv.withDiscretization(Discretization.galerkin(new SpectralElements(3, 2, 2, 3, exact)));
            KernelConstants k = KernelConstants.of(c);
            ColumnEquations eq = new ColumnEquations(c);
            BandOperator t = eq.axialOperator();
            DgParticleOperator a = eq.particleOperator();
            DgStructure g = k.dg();
            assertEquals(9, k.nz());
            assertEquals(8, k.ns());
            assertTrue(g.particle());
            assertTrue(t.lower() <= g.lower() && t.upper() <= g.upper(), "structural band");
            assertEquals(exact ? 2 * 3 : 3, g.lower(), "points below the diagonal");
            assertEquals(2 * g.lower(), k.bandLower());
            assertEquals(2 * g.upper(), k.bandUpper());
            assertEquals(4, g.filmPoints());
            double[] p = BatchParameters.pack(List.of(c), List.of(eq), k);
            for (int j = 0; j < k.nz(); j++) {
                for (int l = Math.max(0, j - g.lower()); l <= Math.min(k.nz() - 1, j + g.upper()); l++) {
                    assertEquals(t.get(j, l), p[k.dgTransport() + j * g.transportWidth() + l - j + g.lower()]);
                }
                assertEquals(t.inlet(j), p[k.dgInlet() + j]);
            }
            for (int r = 0; r < k.ns(); r++) {
                for (int col = 0; col < k.ns(); col++) {
                    assertEquals(a.coupling(r, col), p[k.dgCoupling() + r * k.ns() + col]);
                }
            }
            for (int r = 0; r < g.filmPoints(); r++) {
                assertEquals(a.filmSource(r), p[k.dgFilm() + r]);
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(c.particle().poreDiffusion(i), p[k.dgPoreDiffusion() + i]);
                assertEquals(c.particle().filmDiffusion(i) / c.particle().porosity(), p[k.dgFilmRate() + i]);
                assertEquals(eq.bulkFilm(i), p[KernelConstants.P_BULKFILM + i]);
            }
            assertEquals(k.dgFilm() + g.filmPoints(), k.bindingSlots().get(0).offset());
            assertEquals(k.toInner(), k.dgTransport(), "no shell couplings on a DG particle");
            String d = k.defines();
            assertTrue(d.contains("-D DG_PARTICLE=1") && d.contains("-D P_DG_A=" + k.dgCoupling()), d);
        }
        assertTrue(!KernelConstants.of(fv).defines().contains("DG_"), "finite volumes define no DG names");
        assertEquals(KernelConstants.of(fv).toInner() + 2 * 2, KernelConstants.of(fv).bindingSlots().get(0).offset());
    }

    /** The LRMP on DG keeps its shell's film and has no DG particle; its designs of equal grids batch together. */
    @Test
    void dgWithoutADgParticleKeepsTheShellFilm() {
        BindingModel b = TestCases.binding("linear", 1, true, 1.0);
        ColumnCase c = TestCases.benchmarkColumn(ColumnModel.LUMPED_RATE_WITH_PORES, b, 4, 1, new double[1], 1.0, 2.0,
                1.0, 1e-8, 1e-6).withDiscretization(Discretization.galerkin(new SpectralElements(4, 3, 1, 1, false)));
        KernelConstants k = KernelConstants.of(c);
        assertTrue(!k.dgParticle());
        assertEquals(16, k.nz());
        assertEquals(k.dgInlet() + k.nz(), k.bindingSlots().get(0).offset());
        double[] p = BatchParameters.pack(List.of(c), List.of(new ColumnEquations(c)), k);
        assertEquals(new ColumnEquations(c).shellFilm(0), p[k.shellFilm()]);
        assertTrue(!k.defines().contains("DG_PARTICLE"), k.defines());
    }
}
