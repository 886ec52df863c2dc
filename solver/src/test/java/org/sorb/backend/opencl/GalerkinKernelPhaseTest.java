package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sorb.model.BindingModels;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.SpectralElements;
import org.sorb.numerics.batch.BindingFixtures;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.numerics.batch.PhaseAgreement;
import org.sorb.numerics.batch.RandomBatchStates;
import org.sorb.numerics.batch.ReferenceBatchDevice;

/**
 * The column kernels on discontinuous Galerkin spectral elements against the reference device, as
 * {@link KernelPhaseTest} holds them on finite volumes and with its bounds: every kernel phase on random states (all
 * designs active, and inactive designs inside vectors) and whole batched runs against single Java runs, for every
 * column model (the general rate model with its DG particle; the LRMP and the lumped rate model with DG transport),
 * every registered binding model and kinetic setting, with collocated and exact integration: each configuration on
 * the scalar layout with one integration and on its {@link KernelPhaseTest#otherLayout} with the other, so that each
 * layout, model, binding and integration meet.
 */
class GalerkinKernelPhaseTest extends OnOpenClDevice {
    /** Three axial elements of degree 2 (9 points) and a particle of two elements of degree 2 (6 points). */
    static SpectralElements grid(boolean exact) {
        return new SpectralElements(3, 2, 2, 2, exact);
    }

    /** Whether a configuration's scalar layout takes exact integration (its other layout takes collocation). */
    static boolean exactOnScalar(ColumnModel model, String binding, boolean kinetic) {
        // not through the binding's index, which with the model and the kinetic flag picks the other layout
        return (model.ordinal() + (kinetic ? 1 : 0)) % 2 == 0;
    }

    /** (model, binding, kinetic, exact, lanes, group, tile) of every configuration on its two layouts. */
    static Stream<Arguments> configurations() {
        List<Arguments> out = new ArrayList<>();
        for (ColumnModel m : ColumnModel.values()) {
            for (String binding : BindingModels.keys()) {
                for (boolean kinetic : new boolean[] {true, false}) {
                    boolean exact = exactOnScalar(m, binding, kinetic);
                    int[] s = KernelTestMatrix.SCALAR;
                    int[] o = KernelTestMatrix.OTHERS[KernelPhaseTest.otherLayout(m, binding, kinetic)];
                    out.add(Arguments.of(m, binding, kinetic, exact, s[0], s[1], s[2]));
                    out.add(Arguments.of(m, binding, kinetic, !exact, o[0], o[1], o[2]));
                }
            }
        }
        return out.stream();
    }

    @Test
    void everyModelAndBindingMeetsBothIntegrationsOnBothKindsOfLayout() {
        for (ColumnModel m : ColumnModel.values()) {
            for (String b : BindingModels.keys()) {
                // kinetic and equilibrium take opposite integrations on each layout
                assertTrue(exactOnScalar(m, b, true) != exactOnScalar(m, b, false), m + " " + b);
            }
        }
        for (int l = 0; l < KernelTestMatrix.OTHERS.length; l++) {
            int layout = l;
            int[] o = KernelTestMatrix.OTHERS[layout];
            List<Boolean> seen = configurations().map(Arguments::get).filter(a -> (Integer) a[4] == o[0]
                    && (Integer) a[5] == o[1] && (Integer) a[6] == o[2]).map(a -> (Boolean) a[3]).distinct().toList();
            assertTrue(seen.size() == 2, "layout " + l + " sees only exact=" + seen);
        }
    }

    private static void phases(List<ColumnCase> designs, int[] active, boolean mustConverge, int lanes, int group,
                               int tile, String label) {
        KernelConstants k = KernelConstants.of(designs.get(0));
        // with linear binding every DG stage equation is linear (PhaseAgreement.LINEAR_STAGE_ITERATIONS)
        int slack = k.binding().equals("linear") ? PhaseAgreement.LINEAR_STAGE_ITERATIONS : 0;
        try (ReferenceBatchDevice reference = new ReferenceBatchDevice(designs);
             OpenClBatchDevice cl = new OpenClBatchDevice(context, k, designs.size(), lanes, group, tile)) {
            PhaseAgreement.phases(label + " lanes=" + lanes + " group=" + group + " tile=" + tile, reference, cl,
                    designs, active, mustConverge, slack);
        }
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} exact={3} lanes={4} group={5} tile={6}")
    @MethodSource("configurations")
    void kernelsEqualTheReferenceOnRandomStates(ColumnModel model, String binding, boolean kinetic, boolean exact,
                                                int lanes, int group, int tile) {
        List<ColumnCase> designs = RandomBatchStates.designs(model, binding, kinetic, lanes > 1 ? 3 * lanes : 3,
                grid(exact));
        boolean converges = BindingFixtures.allKinetic(designs.get(0).binding()) || binding.equals("linear");
        phases(designs, RandomBatchStates.allActive(designs.size()), converges, lanes, group, tile,
                "dg " + model + " " + binding + " kinetic=" + kinetic + " exact=" + exact);
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} exact={3} lanes={4} group={5} tile={6}")
    @MethodSource("configurations")
    void inactiveDesignsKeepTheirStateInMixedLanes(ColumnModel model, String binding, boolean kinetic, boolean exact,
                                                   int lanes, int group, int tile) {
        List<ColumnCase> designs = RandomBatchStates.designs(model, binding, kinetic, 2 * Math.max(4, lanes),
                grid(exact));
        phases(designs, RandomBatchStates.mixedActive(designs.size(), lanes), false, lanes, group, tile,
                "dg " + model + " " + binding + " kinetic=" + kinetic + " exact=" + exact + " (mixed lanes)");
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} exact={3} lanes={4} group={5} tile={6}")
    @MethodSource("configurations")
    void batchedSimulationEqualsSingleJavaRuns(ColumnModel model, String binding, boolean kinetic, boolean exact,
                                               int lanes, int group, int tile) {
        KernelPhaseTest.batchEqualsSingleJavaRuns(RandomBatchStates.designs(model, binding, kinetic, Math.max(3, lanes),
                grid(exact)), lanes, group, tile);
    }

    /**
     * Particle degree 0: the general rate model's equidistant finite-volume shells (three here) under DG axial
     * elements, the shells' kernels with the DG transport's band, on the scalar and the 16-lane layout.
     */
    @ParameterizedTest(name = "shells under DG lanes={0}")
    @CsvSource({"1, 0, 0", "16, 0, 16"})
    void finiteVolumeShellsUnderDgAxialElements(int lanes, int group, int tile) {
        SpectralElements shells = new SpectralElements(3, 2, 3, 0, false);
        List<ColumnCase> designs = RandomBatchStates.designs(ColumnModel.GENERAL_RATE, "langmuir", true,
                lanes > 1 ? 3 * lanes : 3, shells);
        KernelConstants k = KernelConstants.of(designs.get(0));
        assertTrue(k.dg() != null && !k.dgParticle() && k.ns() == 3, k.toString());
        phases(designs, RandomBatchStates.allActive(designs.size()), true, lanes, group, tile, "dg shells");
        KernelPhaseTest.batchEqualsSingleJavaRuns(designs.subList(0, Math.max(3, lanes)), lanes, group, tile);
    }

    @AfterAll
    static void report() {
        System.out.println("largest relative differences, DG kernels against the reference device:\n"
                + PhaseAgreement.report());
    }
}
