package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RecordingProgress;
import org.sorb.numerics.RunBudget;
import org.sorb.verification.TestCases;

/**
 * The batched integrator on the kernels' Java twins against the single-column path, design by design: the same
 * algorithm, so the outlets agree to round-off-level differences.
 */
class BatchIntegratorTest {
    static final double WHOLE_RUN_RELATIVE = 1e-9;

    static List<ColumnCase> designs(ColumnModel model, String binding, boolean kinetic, int count) {
        List<ColumnCase> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            double scale = 1.0 + 0.15 * d;
            out.add(TestCases.benchmarkColumn(model, TestCases.binding(binding, 2, kinetic, scale), 12, 4,
                    new double[] {1.0, 0.5}, 100.0 + 20 * d, 250.0, 2.0, 1e-8, 1e-6));
        }
        return out;
    }

    static double relativeDifference(SimulationResult a, SimulationResult b) {
        double[] x = a.outlet();
        double[] y = b.outlet();
        double scale = 0.0;
        double diff = 0.0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
            diff = Math.max(diff, Math.abs(x[i] - y[i]));
        }
        return diff / scale;
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} block inverses={3}")
    @CsvSource({
        "GENERAL_RATE, langmuir, true, true",
        "GENERAL_RATE, langmuir, true, false",
        "GENERAL_RATE, linear, false, true",
        "GENERAL_RATE, linear, false, false",
        "LUMPED_RATE_WITH_PORES, bi_langmuir, true, true",
        "LUMPED_RATE_WITH_PORES, bi_langmuir, true, false",
        "LUMPED_RATE, langmuir, false, true",
        "LUMPED_RATE, langmuir, false, false"
    })
    void batchOnTwinsEqualsSingleColumnRuns(ColumnModel model, String binding, boolean kinetic,
                                            boolean blockInverse) {
        List<ColumnCase> designs = designs(model, binding, kinetic, 3);
        List<SimulationResult> batch;
        try (JavaBatchDevice device = new JavaBatchDevice(KernelConstants.of(designs.get(0)), designs.size(),
                blockInverse)) {
            batch = new BatchIntegrator(designs, device).run(ProgressListener.NONE);
        }
        for (int d = 0; d < designs.size(); d++) {
            SimulationResult single = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
            double rel = relativeDifference(single, batch.get(d));
            assertTrue(rel <= WHOLE_RUN_RELATIVE, "design " + d + ": relative outlet difference " + rel
                    + " (steps " + single.stats().steps() + " vs " + batch.get(d).stats().steps() + ")");
            assertTrue(batch.get(d).massBalance().relativeError() <= 1e-8, "mass balance");
        }
    }

    @org.junit.jupiter.api.Test
    void profilesAreRecordedAtTheirTimes() {
        List<ColumnCase> designs = new ArrayList<>();
        for (ColumnCase c : designs(ColumnModel.GENERAL_RATE, "langmuir", true, 2)) {
            designs.add(new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), c.inlet(),
                    c.initial(), c.discretization(), c.solver(),
                    new org.sorb.model.OutputSpec(2.0, new double[] {0.0, 55.0, 100.0, 250.0})));
        }
        List<SimulationResult> batch;
        try (JavaBatchDevice device = new JavaBatchDevice(KernelConstants.of(designs.get(0)), designs.size(), true)) {
            batch = new BatchIntegrator(designs, device).run(ProgressListener.NONE);
        }
        for (int d = 0; d < designs.size(); d++) {
            SimulationResult single = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
            double[] x = single.profiles().bulk();
            double[] y = batch.get(d).profiles().bulk();
            double[] qx = single.profiles().bound();
            double[] qy = batch.get(d).profiles().bound();
            double scale = 0.0;
            double diff = 0.0;
            for (int i = 0; i < x.length; i++) {
                scale = Math.max(scale, Math.max(Math.abs(x[i]), Math.abs(qx[i])));
                diff = Math.max(diff, Math.max(Math.abs(x[i] - y[i]), Math.abs(qx[i] - qy[i])));
            }
            assertTrue(diff <= WHOLE_RUN_RELATIVE * scale, "design " + d + ": profile difference " + diff / scale);
            assertTrue(relativeDifference(single, batch.get(d)) <= WHOLE_RUN_RELATIVE, "outlet");
        }
    }

    @org.junit.jupiter.api.Test
    void progressCountsTheDesignsAskedForNotThePadding() {
        List<ColumnCase> designs = designs(ColumnModel.GENERAL_RATE, "langmuir", true, 3);
        designs.add(designs.get(2)); // a fourth lane padding the batch, as OpenClBackend.padToLanes does
        RecordingProgress progress = new RecordingProgress();
        try (JavaBatchDevice device = new JavaBatchDevice(KernelConstants.of(designs.get(0)), designs.size(), true)) {
            assertTrue(new BatchIntegrator(designs, device).run(RunBudget.UNLIMITED, 3, progress).size() == 4);
        }
        progress.assertCountedUpTo(3);
    }
}
