package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sorb.model.BindingModels;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.batch.BatchIntegrator;
import org.sorb.numerics.batch.BindingFixtures;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.numerics.batch.PhaseAgreement;
import org.sorb.numerics.batch.RandomBatchStates;
import org.sorb.numerics.batch.ReferenceBatchDevice;

/**
 * The OpenCL kernels against the reference device (the single-column Java classes per design,
 * {@link ReferenceBatchDevice}) phase by phase on random states ({@link PhaseAgreement}: residual, stage
 * right-hand side and derivative, factorization and solve, vector kernels, a Newton iteration, a whole step
 * attempt), with all designs active and with vectors of mixed lanes, and whole batched simulations on OpenCL against
 * single-column Java runs; for every column model, every registered binding model the kernels take (the others
 * skip, saying so), kinetic and rapid equilibrium, each on the scalar kernels and on the layout of
 * {@link KernelTestMatrix} that its (model + binding + kinetic) picks: 8 and 16 designs per work-item in vector lanes
 * and tiles, one work-group of 4 per design on the design-major and on the host layout. The grid is the equivalence
 * tests' 7 x 3, so the programs are theirs and {@link RandomDesignsAgreementTest}'s.
 */
class KernelPhaseTest extends OnOpenClDevice {
    static final int NZ = 7;
    static final int NR = 3;
    /** These configurations take the same steps on both paths ({@link RandomDesignsAgreementTest}: runs that part). */
    static final double WHOLE_RUN_RELATIVE = 1e-9;

    /** The index into {@link KernelTestMatrix#OTHERS} of the second layout of a configuration. */
    static int otherLayout(ColumnModel model, String binding, boolean kinetic) {
        int b = BindingModels.keys().indexOf(binding);
        return (model.ordinal() + b + (kinetic ? 1 : 0)) % KernelTestMatrix.OTHERS.length;
    }

    /** (model, binding, kinetic, lanes, group, tile) of every configuration on the scalar and on its other layout. */
    static Stream<Arguments> configurationsAndLayouts() {
        List<Arguments> out = new ArrayList<>();
        for (ColumnModel m : ColumnModel.values()) {
            for (String binding : BindingModels.keys()) {
                for (boolean kinetic : new boolean[] {true, false}) {
                    for (int[] l : new int[][] {KernelTestMatrix.SCALAR,
                        KernelTestMatrix.OTHERS[otherLayout(m, binding, kinetic)]}) {
                        out.add(Arguments.of(m, binding, kinetic, l[0], l[1], l[2]));
                    }
                }
            }
        }
        return out.stream();
    }

    @Test
    void everyLayoutSeesEveryModelBindingAndKineticSetting() {
        for (int l = 0; l < KernelTestMatrix.OTHERS.length; l++) {
            for (ColumnModel m : ColumnModel.values()) {
                for (String b : BindingModels.keys()) {
                    for (boolean kinetic : new boolean[] {true, false}) {
                        int layout = l;
                        boolean modelOn = false;
                        boolean bindingOn = false;
                        boolean kineticOn = false;
                        for (ColumnModel mm : ColumnModel.values()) {
                            for (String bb : BindingModels.keys()) {
                                for (boolean kk : new boolean[] {true, false}) {
                                    boolean on = otherLayout(mm, bb, kk) == layout;
                                    modelOn |= on && mm == m;
                                    bindingOn |= on && bb.equals(b);
                                    kineticOn |= on && kk == kinetic;
                                }
                            }
                        }
                        assertTrue(modelOn && bindingOn && kineticOn, "layout " + l + " misses " + m + ", " + b
                                + " or kinetic=" + kinetic);
                    }
                }
            }
        }
    }

    /** The designs of a configuration, or a skip naming why the kernels do not take its binding model yet. */
    private static List<ColumnCase> designs(ColumnModel model, String binding, boolean kinetic, int count, int nz,
                                            int nr) {
        List<ColumnCase> designs = RandomBatchStates.designs(model, binding, kinetic, count, nz, nr);
        String why = RandomBatchStates.notOnKernels(designs.get(0));
        Assumptions.assumeTrue(why == null, "not on the OpenCL kernels yet: " + why);
        return designs;
    }

    private static void phases(List<ColumnCase> designs, int[] active, boolean mustConverge, int lanes, int group,
                               int tile, String label) {
        KernelConstants k = KernelConstants.of(designs.get(0));
        try (ReferenceBatchDevice reference = new ReferenceBatchDevice(designs);
             OpenClBatchDevice cl = new OpenClBatchDevice(context, k, designs.size(), lanes, group, tile)) {
            PhaseAgreement.phases(label + " lanes=" + lanes + " group=" + group + " tile=" + tile, reference, cl,
                    designs, active, mustConverge);
        }
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} lanes={3} group={4} tile={5}")
    @MethodSource("configurationsAndLayouts")
    void kernelsEqualTheReferenceOnRandomStates(ColumnModel model, String binding, boolean kinetic, int lanes,
                                                int group, int tile) {
        List<ColumnCase> designs = designs(model, binding, kinetic, lanes > 1 ? 3 * lanes : 3, NZ, NR);
        // from these random (inconsistent) states Newton converges for linear binding or where every bound state is
        // kinetic; with algebraic states (rapid equilibrium, SMA's salt) it may fail on both sides alike, which the
        // comparison of the results checks
        boolean converges = BindingFixtures.allKinetic(designs.get(0).binding()) || binding.equals("linear");
        phases(designs, RandomBatchStates.allActive(designs.size()), converges, lanes, group, tile,
                model + " " + binding + " kinetic=" + kinetic);
    }

    /** With some designs inactive, also inside a vector of lanes, the kernels leave them as the reference does. */
    @ParameterizedTest(name = "{0} {1} kinetic={2} lanes={3} group={4} tile={5}")
    @MethodSource("configurationsAndLayouts")
    void inactiveDesignsKeepTheirStateInMixedLanes(ColumnModel model, String binding, boolean kinetic, int lanes,
                                                   int group, int tile) {
        List<ColumnCase> designs = designs(model, binding, kinetic, 2 * Math.max(4, lanes), NZ, NR);
        phases(designs, RandomBatchStates.mixedActive(designs.size(), lanes), false, lanes, group, tile,
                model + " " + binding + " kinetic=" + kinetic + " (mixed lanes)");
    }

    /**
     * The work-group kernels with a band matrix too large for their local-memory copy (100 cells x 2 components:
     * 2200 band values, above LOCAL_BAND_DOUBLES = 2048), so that the factorization and substitution stay in global
     * memory, as for many components on a GPU.
     */
    @Test
    void groupKernelsWithTheBandInGlobalMemoryEqualTheReference() {
        List<ColumnCase> designs = designs(ColumnModel.GENERAL_RATE, "langmuir", true, 3, 100, 2);
        KernelConstants k = KernelConstants.of(designs.get(0));
        assertTrue(k.bandRows() * k.bandWidth() > 2048, "the band must exceed the local-memory copy");
        phases(designs, RandomBatchStates.allActive(3), true, 1, 4, 1, "band in global memory");
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} lanes={3} group={4} tile={5}")
    @MethodSource("configurationsAndLayouts")
    void batchedSimulationEqualsSingleJavaRuns(ColumnModel model, String binding, boolean kinetic, int lanes,
                                               int group, int tile) {
        batchEqualsSingleJavaRuns(designs(model, binding, kinetic, Math.max(3, lanes), NZ, NR), lanes, group, tile);
    }

    /**
     * The designs as one batch on the kernels of a layout against their single Java runs: outlets equal to
     * {@link #WHOLE_RUN_RELATIVE} of the largest (the largest difference kept for the report).
     */
    static void batchEqualsSingleJavaRuns(List<ColumnCase> designs, int lanes, int group, int tile) {
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
            PhaseAgreement.record("whole run (relative outlet)", diff / scale);
            assertTrue(diff <= WHOLE_RUN_RELATIVE * scale, "design " + d + ": relative outlet difference "
                    + diff / scale);
        }
    }

    @AfterAll
    static void report() {
        System.out.println("largest relative differences, OpenCL kernels against the reference device:\n"
                + PhaseAgreement.report());
    }
}
