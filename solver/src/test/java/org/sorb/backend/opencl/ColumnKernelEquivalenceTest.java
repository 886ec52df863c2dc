package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.batch.BatchBuffers;
import org.sorb.numerics.batch.BatchDevice;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;
import org.sorb.numerics.batch.BatchIntegrator;
import org.sorb.numerics.batch.BatchParameters;
import org.sorb.numerics.batch.ColumnKernels;
import org.sorb.numerics.batch.JavaBatchDevice;
import org.sorb.numerics.batch.KernelConstants;

/**
 * The OpenCL kernels against their Java twins on the same random states (residual, Jacobian blocks, local
 * elimination, band factors, solves, vector kernels, a whole step attempt: 1e-12 relative), and whole batched
 * simulations on OpenCL against single-column Java runs (1e-9 relative: these configurations take the same steps
 * on both paths; {@link RandomDesignsAgreementTest} covers runs whose steps part), for every model, every registered
 * binding model ({@link KernelColumnFixtures}) and kinetic or equilibrium, each on the scalar kernels and on one of the
 * other layouts ({@link KernelTestMatrix}: 8 and 16 designs per work-item in vector lanes, one work-group per
 * design).
 */
class ColumnKernelEquivalenceTest extends OnOpenClDevice {
    static final double KERNEL_RELATIVE = 1e-12;
    static final double WHOLE_RUN_RELATIVE = 1e-9;
    /**
     * Quantities derived from Newton corrections (eta = rate / (1 - rate), iteration counts' error norms): a
     * correction is ~1e-4 of the state, so state rounding shows in it at ~1e-12 / 1e-4 relative.
     */
    static final double NEWTON_RELATIVE = 1e-8;
    /**
     * eta = rate / (1 - rate) from the ratio of two successive correction norms. The last correction of a converged
     * iteration is ~1e-9 of the state (tolerances 1e-8 absolute, 1e-6 relative), so state rounding (1e-16) shows in
     * it at ~1e-7 relative; eta is O(1) or below, so it agrees to this much absolutely.
     */
    static final double ETA_ABSOLUTE = 1e-6;
    /**
     * The grid of every test here (axial cells, particle shells): the sizes are compile-time constants of the
     * kernels, so one grid makes one program per configuration and layout, shared by all tests (and with
     * {@link RandomDesignsAgreementTest}), which is most of what a first run on an empty PoCL cache costs.
     */
    static final int NZ = 7;
    static final int NR = 3;

    @Test
    void everyLayoutSeesEveryModelBindingAndKineticSetting() {
        assertTrue(KernelTestMatrix.pairsCovered(), "the layout assignment of KernelTestMatrix leaves a pair out");
        assertEquals(2 * KernelTestMatrix.configurations().size(), KernelTestMatrix.configurationsAndLayouts().count());
    }

    static List<ColumnCase> designs(ColumnModel model, String binding, boolean kinetic, int count, int nz, int nr) {
        List<ColumnCase> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            out.add(KernelColumnFixtures.design(model, binding, kinetic, 1.0 + 0.2 * d, nz, nr, 60.0 + 10 * (d % 8),
                    150.0, 2.0, 1e-8, 1e-6));
        }
        return out;
    }

    private static void fill(BatchDevice a, BatchDevice b, Buf buf, double[] data) {
        a.write(buf, data);
        b.write(buf, data);
    }

    private static void fill(BatchDevice a, BatchDevice b, IntBuf buf, int[] data) {
        a.write(buf, data);
        b.write(buf, data);
    }

    private static void assertSame(BatchDevice java, BatchDevice cl, Buf buf, KernelConstants k, int nd, String what) {
        assertSame(java, cl, buf, k, nd, what, KERNEL_RELATIVE);
    }

    private static void assertSameAbsolute(BatchDevice java, BatchDevice cl, Buf buf, KernelConstants k, int nd,
                                           String what, double absolute) {
        double[] x = new double[BatchBuffers.size(buf, k, nd)];
        double[] y = new double[x.length];
        java.read(buf, x);
        cl.read(buf, y);
        for (int i = 0; i < x.length; i++) {
            assertTrue(Math.abs(x[i] - y[i]) <= absolute, what + "[" + i + "]: " + x[i] + " vs " + y[i]);
        }
    }

    private static void assertSame(BatchDevice java, BatchDevice cl, Buf buf, KernelConstants k, int nd, String what,
                                   double relative) {
        double[] x = new double[BatchBuffers.size(buf, k, nd)];
        double[] y = new double[x.length];
        java.read(buf, x);
        cl.read(buf, y);
        double scale = 0.0;
        double diff = 0.0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
            diff = Math.max(diff, Math.abs(x[i] - y[i]));
        }
        assertTrue(diff <= relative * Math.max(scale, Double.MIN_NORMAL),
                what + ": max difference " + diff + " at scale " + scale);
    }

    /** Fills both devices with the same random states and per-design scalars for nd designs. */
    static void fillRandom(BatchDevice java, BatchDevice cl, List<ColumnCase> designs, KernelConstants k,
                           int[] active) {
        int nd = designs.size();
        List<ColumnEquations> eqs = designs.stream().map(ColumnEquations::new).toList();
        Random rnd = new Random(7);
        fill(java, cl, Buf.PAR, BatchParameters.pack(designs, eqs, k));
        for (Buf b : new Buf[] {Buf.Y, Buf.S1, Buf.F1, Buf.FS1, Buf.FS2, Buf.FS3, Buf.SUM, Buf.PREV, Buf.WEIGHT}) {
            double[] v = new double[BatchBuffers.size(b, k, nd)];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.05 + rnd.nextDouble();
            }
            fill(java, cl, b, v);
        }
        double[] cin = new double[k.nc() * nd];
        double[] hg = new double[nd];
        double[] tol = new double[2 * nd];
        double[] coef = new double[4 * nd];
        double[] ratio = new double[nd];
        double[] step = new double[BatchBuffers.size(Buf.STEP, k, nd)];
        double[] eta = new double[nd];
        double[] hgChoices = {0.3, 1.7, 12.0};
        for (int b = 0; b < nd; b++) {
            for (int c = 0; c < k.nc(); c++) {
                cin[c * nd + b] = 0.1 + rnd.nextDouble();
                step[(4 + c) * nd + b] = cin[c * nd + b];
                step[(4 + k.nc() + c) * nd + b] = 1e-3 * rnd.nextDouble();
            }
            hg[b] = hgChoices[b % hgChoices.length];
            tol[b] = 1e-8;
            tol[nd + b] = 1e-6;
            for (int j = 0; j < 4; j++) {
                coef[j * nd + b] = rnd.nextDouble() - 0.3;
            }
            ratio[b] = 2.0 * rnd.nextDouble() - 1.0;
            step[b] = 10.0 * rnd.nextDouble();
            step[nd + b] = hg[b] / Esdirk32.GAMMA;
            step[2 * nd + b] = -0.5 * rnd.nextDouble();
            step[3 * nd + b] = 0.5 * step[b];
            eta[b] = 0.01 + 0.5 * rnd.nextDouble();
        }
        fill(java, cl, Buf.CIN, cin);
        fill(java, cl, Buf.HG, hg);
        fill(java, cl, Buf.TOL, tol);
        fill(java, cl, Buf.COEF, coef);
        fill(java, cl, Buf.RATIO, ratio);
        fill(java, cl, Buf.STEP, step);
        fill(java, cl, Buf.ETA, eta);
        fill(java, cl, Buf.TABLEAU, ColumnKernels.tableau());
        fill(java, cl, IntBuf.ACTIVE, active);
        int[] ok = new int[nd];
        Arrays.fill(ok, 1);
        fill(java, cl, IntBuf.OK, ok);
    }

    private static int[] allActive(int nd) {
        int[] a = new int[nd];
        Arrays.fill(a, 1);
        return a;
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} lanes={3} group={4} tile={5}")
    @MethodSource("org.sorb.backend.opencl.KernelTestMatrix#configurationsAndLayouts")
    void kernelsEqualTheirJavaTwinsOnRandomStates(ColumnModel model, String binding, boolean kinetic, int lanes,
            int group, int tile) {
        List<ColumnCase> designs = designs(model, binding, kinetic, lanes > 1 ? 3 * lanes : 3, NZ, NR);
        kernelsEqualTheirTwins(designs, binding, lanes, group, tile);
    }

    /**
     * The work-group kernels with a band matrix too large for their local-memory copy (100 cells x 2 components:
     * 2200 band values, above LOCAL_BAND_DOUBLES = 2048), so that the factorization and substitution stay in global
     * memory, as for many components on a GPU.
     */
    @Test
    void groupKernelsWithTheBandInGlobalMemoryEqualTheirTwins() {
        List<ColumnCase> designs = designs(ColumnModel.GENERAL_RATE, "langmuir", true, 3, 100, 2);
        assertTrue(KernelConstants.of(designs.get(0)).bandRows() * KernelConstants.of(designs.get(0)).bandWidth()
                > 2048, "the band must exceed the local-memory copy");
        kernelsEqualTheirTwins(designs, "langmuir", 1, 4, 1);
    }

    private static void kernelsEqualTheirTwins(List<ColumnCase> designs, String binding, int lanes, int group,
                                               int tile) {
        KernelConstants k = KernelConstants.of(designs.get(0));
        int nd = designs.size();
        try (OpenClBatchDevice cl = new OpenClBatchDevice(context, k, nd, lanes, group, tile);
             JavaBatchDevice java = new JavaBatchDevice(k, nd, cl.blockInverse())) {
            fillRandom(java, cl, designs, k, allActive(nd));
            for (int b : new int[] {0, nd - 1}) {
                double[] x = new double[k.unknowns()];
                double[] y = new double[k.unknowns()];
                java.readDesign(Buf.Y, b, x);
                cl.readDesign(Buf.Y, b, y);
                assertArrayEquals(x, y, "readDesign of design " + b);
            }

            java.residual(Buf.Y, Buf.F1);
            cl.residual(Buf.Y, Buf.F1);
            assertSame(java, cl, Buf.F1, k, nd, "residual");
            java.stageRhs(Buf.S1);
            cl.stageRhs(Buf.S1);
            assertSame(java, cl, Buf.RHS, k, nd, "stage_rhs");
            java.stageDerivative(Buf.S1, Buf.FS1);
            cl.stageDerivative(Buf.S1, Buf.FS1);
            assertSame(java, cl, Buf.FS1, k, nd, "stage_derivative");
            java.factor(Buf.Y);
            cl.factor(Buf.Y);
            for (Buf b : new Buf[] {Buf.BLOCKS, Buf.LOWER, Buf.UPPER, Buf.BMAT, Buf.CMAT, Buf.BAND}) {
                assertSame(java, cl, b, k, nd, "assemble_eliminate/band_factor " + b);
            }
            assertSameInts(java, cl, IntBuf.OK, k, nd, "ok flags");
            assertSameInts(java, cl, IntBuf.PIV, k, nd, "block pivots");
            assertSameInts(java, cl, IntBuf.BAND_PIV, k, nd, "band pivots");
            java.solve(Buf.RHS);
            cl.solve(Buf.RHS);
            assertSame(java, cl, Buf.RHS, k, nd, "solve");
            java.combine(Buf.ERR);
            cl.combine(Buf.ERR);
            assertSame(java, cl, Buf.ERR, k, nd, "combine");
            java.predict(Buf.PREV, Buf.S2);
            cl.predict(Buf.PREV, Buf.S2);
            assertSame(java, cl, Buf.S2, k, nd, "predict");
            java.newtonWeights();
            cl.newtonWeights();
            assertSame(java, cl, Buf.WEIGHT, k, nd, "newton_weights");
            java.newtonUpdate(Buf.S2, Buf.RHS);
            cl.newtonUpdate(Buf.S2, Buf.RHS);
            assertSame(java, cl, Buf.NORM, k, nd, "newton_update norm");
            assertSame(java, cl, Buf.S2, k, nd, "newton_update state");
            java.newtonIteration(Buf.S3);
            cl.newtonIteration(Buf.S3);
            assertSame(java, cl, Buf.NORM, k, nd, "newton_iteration norm");
            assertSame(java, cl, Buf.S3, k, nd, "newton_iteration state");
            java.errorNorm(Buf.ERR, Buf.S2);
            cl.errorNorm(Buf.ERR, Buf.S2);
            assertSame(java, cl, Buf.NORM, k, nd, "error_norm");
            java.gatherStageOutlets();
            cl.gatherStageOutlets();
            assertSame(java, cl, Buf.OUTLET, k, nd, "gather_stage_outlets");
            // a whole step attempt, with a step small enough for Newton to converge from these states
            stepOf(java, cl, k, nd, 0.01);
            java.factor(Buf.Y);
            cl.factor(Buf.Y);
            java.attempt();
            cl.attempt();
            assertSame(java, cl, Buf.RESULT, k, nd, "attempt_design result", NEWTON_RELATIVE);
            assertSameAbsolute(java, cl, Buf.ETA, k, nd, "attempt_design eta", ETA_ABSOLUTE);
            // From these random (inconsistent) states Newton converges for linear binding or every state kinetic;
            // with algebraic states (rapid equilibrium, SMA's salt) it may fail on both sides alike, which the
            // result comparison above checks.
            boolean mustConverge = k.kineticStates().stream().allMatch(Boolean::booleanValue)
                    || binding.equals("linear");
            for (Buf b : new Buf[] {Buf.S1, Buf.S2, Buf.S3, Buf.FS1, Buf.FS2, Buf.FS3}) {
                assertSameWhereAccepted(java, cl, b, k, nd, "attempt_design " + b, KERNEL_RELATIVE, mustConverge);
            }
            assertSameWhereAccepted(java, cl, Buf.ERR, k, nd, "attempt_design error estimate", NEWTON_RELATIVE,
                    mustConverge);
        }
    }

    /**
     * With some designs inactive, every buffer the host reads back (F1, the copies, eta, result, ok, norms) keeps
     * the inactive designs' values, and the active ones equal the twin, also when a vector of lanes is mixed.
     */
    @ParameterizedTest(name = "{0} {1} kinetic={2} lanes={3} group={4} tile={5}")
    @MethodSource("org.sorb.backend.opencl.KernelTestMatrix#configurationsAndLayouts")
    void inactiveDesignsKeepTheirStateInMixedLanes(ColumnModel model, String binding, boolean kinetic, int lanes,
            int group, int tile) {
        List<ColumnCase> designs = designs(model, binding, kinetic, 2 * Math.max(4, lanes), NZ, NR);
        KernelConstants k = KernelConstants.of(designs.get(0));
        int nd = designs.size();
        int[] active = new int[nd];
        for (int b = 0; b < nd; b++) {
            active[b] = b % 3 == 1 || b >= nd - lanes / 2 ? 0 : 1;
        }
        try (OpenClBatchDevice cl = new OpenClBatchDevice(context, k, nd, lanes, group, tile);
             JavaBatchDevice java = new JavaBatchDevice(k, nd, cl.blockInverse())) {
            fillRandom(java, cl, designs, k, active);
            java.residual(Buf.Y, Buf.F1);
            cl.residual(Buf.Y, Buf.F1);
            assertSame(java, cl, Buf.F1, k, nd, "residual");
            java.combine(Buf.ERR);
            cl.combine(Buf.ERR);
            assertSame(java, cl, Buf.ERR, k, nd, "combine");
            java.predict(Buf.PREV, Buf.S2);
            cl.predict(Buf.PREV, Buf.S2);
            assertSame(java, cl, Buf.S2, k, nd, "predict");
            java.newtonWeights();
            cl.newtonWeights();
            assertSame(java, cl, Buf.WEIGHT, k, nd, "newton_weights");
            java.errorNorm(Buf.ERR, Buf.S2);
            cl.errorNorm(Buf.ERR, Buf.S2);
            assertSame(java, cl, Buf.NORM, k, nd, "error_norm");
            stepOf(java, cl, k, nd, 0.01);
            java.factor(Buf.Y);
            cl.factor(Buf.Y);
            assertSameInts(java, cl, IntBuf.OK, k, nd, "ok flags");
            java.attempt();
            cl.attempt();
            assertSame(java, cl, Buf.RESULT, k, nd, "attempt_design result", NEWTON_RELATIVE);
            assertSameAbsolute(java, cl, Buf.ETA, k, nd, "attempt_design eta", ETA_ABSOLUTE);
            double[] before = new double[BatchBuffers.size(Buf.Y, k, nd)];
            java.read(Buf.Y, before);
            java.copyActive(Buf.S3, Buf.Y);
            cl.copyActive(Buf.S3, Buf.Y);
            assertSameWhereAccepted(java, cl, Buf.Y, k, nd, "copy_active", KERNEL_RELATIVE, false);
            double[] after = new double[before.length];
            cl.read(Buf.Y, after);
            for (int b = 0; b < nd; b++) {
                for (int l = 0; active[b] == 0 && l < k.unknowns(); l++) {
                    assertEquals(before[l * nd + b], after[l * nd + b], "copy_active changed inactive design " + b);
                }
            }
        }
    }

    /** Sets hg = h gamma to hgBase x (1, 2, 5) by design and the step length to match. */
    private static void stepOf(BatchDevice java, BatchDevice cl, KernelConstants k, int nd, double hgBase) {
        double[] hg = new double[nd];
        double[] step = new double[BatchBuffers.size(Buf.STEP, k, nd)];
        java.read(Buf.STEP, step);
        double[] factors = {1.0, 2.0, 5.0};
        for (int b = 0; b < nd; b++) {
            hg[b] = hgBase * factors[b % factors.length];
            step[nd + b] = hg[b] / Esdirk32.GAMMA;
        }
        fill(java, cl, Buf.HG, hg);
        fill(java, cl, Buf.STEP, step);
    }

    private static void assertSameInts(BatchDevice java, BatchDevice cl, IntBuf buf, KernelConstants k, int nd,
                                       String what) {
        int[] x = new int[BatchBuffers.size(buf, k, nd)];
        int[] y = new int[x.length];
        java.read(buf, x);
        cl.read(buf, y);
        assertArrayEquals(x, y, what);
    }

    /** Compares a state-sized buffer on the designs whose attempt did not fail (the others hold scratch). */
    private static void assertSameWhereAccepted(BatchDevice java, BatchDevice cl, Buf buf, KernelConstants k, int nd,
                                                String what, double relative, boolean requireSome) {
        double[] result = new double[3 * nd];
        java.read(Buf.RESULT, result);
        int[] active = new int[nd];
        java.read(IntBuf.ACTIVE, active);
        double[] x = new double[BatchBuffers.size(buf, k, nd)];
        double[] y = new double[x.length];
        java.read(buf, x);
        cl.read(buf, y);
        double scale = 0.0;
        double diff = 0.0;
        int compared = 0;
        for (int b = 0; b < nd; b++) {
            if (active[b] == 0 || result[b] != 0.0) {
                continue;
            }
            compared++;
            for (int l = 0; l < x.length / nd; l++) {
                scale = Math.max(scale, Math.abs(x[l * nd + b]));
                diff = Math.max(diff, Math.abs(x[l * nd + b] - y[l * nd + b]));
            }
        }
        assertTrue(compared > 0 || !requireSome, what + ": no design's attempt succeeded, nothing compared");
        assertTrue(diff <= relative * Math.max(scale, Double.MIN_NORMAL),
                what + ": max difference " + diff + " at scale " + scale);
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} lanes={3} group={4} tile={5}")
    @MethodSource("org.sorb.backend.opencl.KernelTestMatrix#configurationsAndLayouts")
    void batchedSimulationEqualsSingleJavaRuns(ColumnModel model, String binding, boolean kinetic, int lanes,
            int group, int tile) {
        List<ColumnCase> designs = designs(model, binding, kinetic, Math.max(3, lanes), NZ, NR);
        List<SimulationResult> batch;
        try (OpenClBatchDevice cl = new OpenClBatchDevice(context, KernelConstants.of(designs.get(0)), designs.size(),
                lanes, group, tile)) {
            batch = new BatchIntegrator(designs, cl).run(ProgressListener.NONE);
        }
        for (int d = 0; d < designs.size(); d++) {
            SimulationResult single = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
            double[] x = single.outlet();
            double[] y = batch.get(d).outlet();
            double scale = 0.0;
            double diff = 0.0;
            for (int i = 0; i < x.length; i++) {
                scale = Math.max(scale, Math.abs(x[i]));
                diff = Math.max(diff, Math.abs(x[i] - y[i]));
            }
            assertTrue(diff <= WHOLE_RUN_RELATIVE * scale, "design " + d + ": relative outlet difference "
                    + diff / scale);
        }
    }
}
