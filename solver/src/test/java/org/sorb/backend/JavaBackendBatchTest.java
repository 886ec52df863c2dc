package org.sorb.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedSweep;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.Footprint;
import org.sorb.numerics.HostMemory;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RecordingProgress;
import org.sorb.numerics.RunBudget;

class JavaBackendBatchTest {
    static LoadedSweep gridSweep() throws IOException, CaseException {
        try (InputStream in = JavaBackendBatchTest.class.getResourceAsStream("/sweeps/grid-langmuir.yaml")) {
            return CaseLoader.parseSweep(new String(in.readAllBytes(), StandardCharsets.UTF_8), "grid", List.of());
        }
    }

    @Test
    void threadsAreLimitedToTheWorkingSetsThatFit() throws Exception {
        List<ColumnCase> designs = gridSweep().models();
        long largest = 0;
        for (ColumnCase c : designs) {
            largest = Math.max(largest, HostMemory.needed(ColumnSimulator.footprint(c).of(Footprint.Part.GRID)));
        }
        long limit = 3 * largest + largest / 2;
        assertEquals(3, JavaBackend.threadsThatFit(designs, 16, needed -> limit));
        assertEquals(2, JavaBackend.threadsThatFit(designs, 2, needed -> limit));
        assertEquals(1, JavaBackend.threadsThatFit(designs, 16, needed -> 0));
        assertEquals(16, JavaBackend.threadsThatFit(designs, 16, needed -> needed));
    }

    @Test
    void aThreadedBatchGivesExactlyTheSingleRunsInOrder() throws Exception {
        List<ColumnCase> designs = gridSweep().models();
        JavaBackend single = new JavaBackend(1);
        List<SimulationResult> expected = new ArrayList<>();
        for (ColumnCase c : designs) {
            expected.add(single.simulate(c, ProgressListener.NONE));
        }
        List<Double> fractions = new ArrayList<>();
        for (int threads : new int[] {1, 2, 4, 16}) {
            fractions.clear();
            List<SimulationResult> got = new JavaBackend(threads).simulateBatch(designs, (f, m) -> {
                synchronized (fractions) {
                    fractions.add(f);
                }
            });
            assertEquals(expected.size(), got.size());
            for (int d = 0; d < got.size(); d++) {
                SimulationResult e = expected.get(d);
                SimulationResult g = got.get(d);
                assertArrayEquals(e.time(), g.time(), 0.0);
                assertArrayEquals(e.outlet(), g.outlet(), 0.0, "design " + d + ", " + threads + " threads");
                assertArrayEquals(e.massBalance().retained(), g.massBalance().retained(), 0.0);
                assertEquals(e.stats().steps(), g.stats().steps());
            }
            assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-12, "progress ends at 100 %");
            for (double f : fractions) {
                assertTrue(f >= 0.0 && f <= 1.0, "fraction " + f);
            }
        }
        // the designs differ, so identical results are not an accident
        assertTrue(expected.get(0).outlet()[expected.get(0).outlet().length - 1]
                != expected.get(5).outlet()[expected.get(5).outlet().length - 1]);
    }

    @Test
    void aFailingDesignIsRecordedAndTheOthersFinish() throws Exception {
        String text;
        try (InputStream in = JavaBackendBatchTest.class.getResourceAsStream("/sweeps/grid-langmuir.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String failing = text.substring(0, text.indexOf("sweep:"))
                + "sweep:\n  parameters:\n    solver.max_steps: [1000000, 2, 1000000]\n";
        List<ColumnCase> designs = CaseLoader.parseSweep(failing, "t", List.of()).models();
        SimulationResult single = new JavaBackend(1).simulate(designs.get(0), ProgressListener.NONE);
        for (int threads : new int[] {1, 3}) {
            List<DesignOutcome> got = new JavaBackend(threads).runBatch(designs, RunBudget.UNLIMITED,
                    ProgressListener.NONE);
            assertTrue(got.get(1).failure().startsWith("step budget of 2 step attempts"), got.get(1).failure());
            for (int d : new int[] {0, 2}) {
                assertFalse(got.get(d).failed(), got.get(d).failure());
                assertArrayEquals(single.outlet(), got.get(d).result().outlet(), 0.0, "design " + d);
            }
            DesignFailedException e = assertThrows(DesignFailedException.class,
                    () -> new JavaBackend(threads).simulateBatch(designs, ProgressListener.NONE));
            assertEquals(1, e.design());
            assertTrue(e.getMessage().startsWith("design 1: step budget of 2 step attempts"), e.getMessage());
        }
        assertEquals(List.of(), new JavaBackend().simulateBatch(List.of(), ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> new JavaBackend(-1));
        assertEquals(Runtime.getRuntime().availableProcessors(), new JavaBackend().threads());
    }

    @Test
    void progressCountsFinishedDesignsOfTheBatch() throws Exception {
        List<ColumnCase> designs = gridSweep().models();
        for (int threads : new int[] {1, 2}) {
            RecordingProgress progress = new RecordingProgress();
            new JavaBackend(threads).runBatch(designs, RunBudget.UNLIMITED, progress);
            progress.assertCountedUpTo(designs.size());
            long distinct = progress.reports().stream().mapToInt(p -> p.finished()).distinct().count();
            assertEquals(designs.size() + 1, distinct, "a report for 0 and for each finished design");
        }
    }
}
