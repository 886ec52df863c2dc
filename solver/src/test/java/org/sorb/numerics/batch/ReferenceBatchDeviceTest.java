package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.sorb.backend.FailedDesignsTest;
import org.sorb.model.BindingModels;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.DesignOutcome;
import org.sorb.model.Discretization;
import org.sorb.model.OutputSpec;
import org.sorb.model.SimulationResult;
import org.sorb.model.SpectralElements;
import org.sorb.model.TimeIntegration;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RecordingProgress;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.SolverException;

/**
 * The batched integrator on the reference device against single-column runs, design by design: both are the
 * reference classes driven by the same algorithm, so outlets, profiles, step counts and failures agree to the
 * round-off of the squared error norm the device hands over (bit-equal runs are not required: one ulp in the norm
 * can move a step size by an ulp); for every column model, binding model the batch takes and kinetic setting.
 */
class ReferenceBatchDeviceTest {
    /**
     * Outlets and profiles against the single runs, normwise (measured: see the report this class prints). The PI
     * step-size controller carries each step's error norm into the next steps' sizes, so an ulp in the handed-over
     * norm reaches more steps than with the standard controller: at most 8.1e-14 with that, 3.7e-12 with the PI
     * controller alone (on GRM, linear rapid equilibrium an ulp of h moved the error norm by 4e-13), 4.2e-13 with
     * the Newton tolerance 0.1 and the quadratic stage predictors; the step counts equal.
     */
    static final double WHOLE_RUN_RELATIVE = 1e-11;
    private static double largestOutlet;
    private static double largestProfile;

    static List<ColumnCase> designs(ColumnModel model, String binding, boolean kinetic, int count) {
        List<ColumnCase> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            out.add(BindingFixtures.column(model, binding, kinetic, 1.0 + 0.15 * d, 12, 4, 100.0 + 20 * d, 250.0));
        }
        return out;
    }

    static Stream<Arguments> configurations() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (ColumnModel m : ColumnModel.values()) {
            for (String binding : BindingModels.keys()) {
                for (boolean kinetic : new boolean[] {true, false}) {
                    s.add(Arguments.of(m, binding, kinetic));
                }
            }
        }
        return s.build();
    }

    static List<SimulationResult> runBatch(List<ColumnCase> designs) {
        try (ReferenceBatchDevice device = new ReferenceBatchDevice(designs)) {
            return new BatchIntegrator(designs, device).run(ProgressListener.NONE);
        }
    }

    static double relative(double[] x, double[] y) {
        assertEquals(x.length, y.length, "lengths");
        double scale = 0.0;
        double diff = 0.0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
            diff = Math.max(diff, Math.abs(x[i] - y[i]));
        }
        return diff / scale;
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2}")
    @MethodSource("configurations")
    void batchOnTheReferenceEqualsSingleColumnRuns(ColumnModel model, String binding, boolean kinetic) {
        List<ColumnCase> designs = designs(model, binding, kinetic, 3);
        String why = RandomBatchStates.notOnKernels(designs.get(0));
        Assumptions.assumeTrue(why == null, "the batch does not take this model yet: " + why);
        batchEqualsSingleRuns(designs, false);
    }

    /**
     * The designs as one batch on the reference device against their single runs: outlets (and profiles, when
     * {@code profiles}) to {@link #WHOLE_RUN_RELATIVE}, equal step counts, the batch's mass balance closed.
     */
    static void batchEqualsSingleRuns(List<ColumnCase> designs, boolean profiles) {
        List<SimulationResult> batch = runBatch(designs);
        for (int d = 0; d < designs.size(); d++) {
            SimulationResult single = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
            double rel = relative(single.outlet(), batch.get(d).outlet());
            largestOutlet = Math.max(largestOutlet, rel);
            assertTrue(rel <= WHOLE_RUN_RELATIVE, "design " + d + ": relative outlet difference " + rel);
            assertEquals(single.stats().steps(), batch.get(d).stats().steps(), "design " + d + ": steps");
            assertTrue(batch.get(d).massBalance().relativeError() <= 1e-8, "mass balance");
            if (profiles) {
                double p = Math.max(relative(single.profiles().bulk(), batch.get(d).profiles().bulk()),
                        relative(single.profiles().bound(), batch.get(d).profiles().bound()));
                largestProfile = Math.max(largestProfile, p);
                assertTrue(p <= WHOLE_RUN_RELATIVE, "design " + d + ": profile difference " + p);
            }
        }
    }

    /**
     * The same on spectral elements (two axial elements of degree 3; the general rate model's particle of two elements
     * of degree 2), collocated and exact integration alternating by configuration, with profiles at the DG nodes.
     */
    @ParameterizedTest(name = "dg {0} {1} kinetic={2}")
    @MethodSource("configurations")
    void galerkinBatchOnTheReferenceEqualsSingleColumnRuns(ColumnModel model, String binding, boolean kinetic) {
        boolean exact = (model.ordinal() + BindingModels.keys().indexOf(binding) + (kinetic ? 1 : 0)) % 2 == 0;
        Discretization dg = Discretization.galerkin(new SpectralElements(2, 3, 2, 2, exact));
        List<ColumnCase> designs = new ArrayList<>();
        for (ColumnCase c : designs(model, binding, kinetic, 3)) {
            designs.add(new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), c.inlet(),
                    c.initial(), dg, c.solver(), new OutputSpec(2.0, new double[] {0.0, 55.0, 250.0})));
        }
        batchEqualsSingleRuns(designs, true);
    }

    @Test
    void profilesAreRecordedAtTheirTimes() {
        List<ColumnCase> designs = new ArrayList<>();
        for (ColumnCase c : designs(ColumnModel.GENERAL_RATE, "langmuir", true, 2)) {
            designs.add(new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), c.inlet(),
                    c.initial(), c.discretization(), c.solver(), new OutputSpec(2.0, new double[] {0.0, 55.0, 100.0,
                    250.0})));
        }
        List<SimulationResult> batch = runBatch(designs);
        for (int d = 0; d < designs.size(); d++) {
            SimulationResult single = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
            double rel = Math.max(relative(single.profiles().bulk(), batch.get(d).profiles().bulk()),
                    relative(single.profiles().bound(), batch.get(d).profiles().bound()));
            largestProfile = Math.max(largestProfile, rel);
            assertTrue(rel <= WHOLE_RUN_RELATIVE, "design " + d + ": profile difference " + rel);
            assertTrue(relative(single.outlet(), batch.get(d).outlet()) <= WHOLE_RUN_RELATIVE, "outlet");
        }
    }

    @Test
    void nonFiniteDesignsFailAsTheirSingleRunsDoAndTheOthersFinish() throws Exception {
        List<ColumnCase> designs = FailedDesignsTest.designsWithNonFiniteOnes();
        List<DesignOutcome> got;
        try (ReferenceBatchDevice device = new ReferenceBatchDevice(designs)) {
            got = new BatchIntegrator(designs, device).run(RunBudget.UNLIMITED, ProgressListener.NONE);
        }
        FailedDesignsTest.checkNonFiniteOutcomes(designs, got, WHOLE_RUN_RELATIVE);
        SolverException single = assertThrows(SolverException.class,
                () -> new ColumnSimulator(designs.get(1)).run(ProgressListener.NONE));
        String at = "at simulated t = 0 s of 480 s, in a step attempt";
        assertTrue(single.getMessage().contains(at), single.getMessage());
        assertTrue(got.get(1).failure().contains(at), got.get(1).failure());
        SolverException start = assertThrows(SolverException.class,
                () -> new ColumnSimulator(designs.get(3)).run(ProgressListener.NONE));
        assertEquals(start.getMessage(), got.get(3).failure());
    }

    @Test
    void aSpentStepBudgetFailsItsDesignAsTheSingleRunAndTheOthersFinish() {
        List<ColumnCase> designs = new ArrayList<>(designs(ColumnModel.GENERAL_RATE, "langmuir", true, 3));
        ColumnCase c = designs.get(1);
        designs.set(1, new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), c.inlet(),
                c.initial(), c.discretization(), new TimeIntegration(c.solver().absTol(), c.solver().relTol(),
                c.solver().initialStep(), 7), c.output()));
        SolverException single = assertThrows(SolverException.class,
                () -> new ColumnSimulator(designs.get(1)).run(ProgressListener.NONE));
        List<DesignOutcome> got;
        try (ReferenceBatchDevice device = new ReferenceBatchDevice(designs)) {
            got = new BatchIntegrator(designs, device).run(RunBudget.UNLIMITED, ProgressListener.NONE);
        }
        assertEquals(single.getMessage(), got.get(1).failure());
        for (int d : new int[] {0, 2}) {
            assertFalse(got.get(d).failed(), got.get(d).failure());
        }
    }

    @Test
    void progressCountsTheDesignsAskedForNotThePadding() {
        List<ColumnCase> designs = designs(ColumnModel.GENERAL_RATE, "langmuir", true, 3);
        designs.add(designs.get(2)); // a fourth lane padding the batch, as OpenClBackend.padToLanes does
        RecordingProgress progress = new RecordingProgress();
        try (ReferenceBatchDevice device = new ReferenceBatchDevice(designs)) {
            assertEquals(4, new BatchIntegrator(designs, device).run(RunBudget.UNLIMITED, 3, progress).size());
        }
        progress.assertCountedUpTo(3);
    }

    @Test
    void designsOfAnotherStructureAreRefused() {
        List<ColumnCase> designs = new ArrayList<>(designs(ColumnModel.GENERAL_RATE, "langmuir", true, 2));
        designs.addAll(designs(ColumnModel.LUMPED_RATE, "langmuir", true, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReferenceBatchDevice(designs));
        assertTrue(e.getMessage().startsWith("design 2 differs in structure from the batch"), e.getMessage());
        List<ColumnCase> grids = new ArrayList<>(designs(ColumnModel.GENERAL_RATE, "langmuir", true, 2));
        grids.set(1, grids.get(1).withDiscretization(Discretization.galerkin(new SpectralElements(2, 3, 1, 4,
                false))));
        e = assertThrows(IllegalArgumentException.class, () -> new ReferenceBatchDevice(grids));
        assertTrue(e.getMessage().startsWith("design 1 differs in structure from the batch"), e.getMessage());
    }

    @AfterAll
    static void report() {
        System.out.printf("reference device against single runs: largest relative outlet difference %.3e, "
                + "profile %.3e%n", largestOutlet, largestProfile);
    }
}
