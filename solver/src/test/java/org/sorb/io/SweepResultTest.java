package org.sorb.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.backend.JavaBackend;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedSweep;
import org.sorb.model.DesignOutcome;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;

class SweepResultTest {
    @TempDir
    Path dir;

    private static LoadedSweep grid() throws Exception {
        try (InputStream in = SweepResultTest.class.getResourceAsStream("/sweeps/grid-langmuir.yaml")) {
            return CaseLoader.parseSweep(new String(in.readAllBytes(), StandardCharsets.UTF_8), "grid.yaml", List.of());
        }
    }

    private static List<DesignOutcome> ok(List<SimulationResult> results) {
        return results.stream().map(DesignOutcome::ok).toList();
    }

    @Test
    void aSweepRoundTripsThroughHdf5() throws Exception {
        LoadedSweep sweep = grid();
        List<SimulationResult> results = new JavaBackend(2).simulateBatch(sweep.models(), ProgressListener.NONE);
        Path out = dir.resolve("sweep.h5");
        SweepResultWriter.write(out, sweep, ok(results), "java", "test backend");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no temporary file left");
        }
        assertTrue(SweepResultReader.isSweep(out));
        SweepResultFile f = SweepResultReader.read(out);
        assertEquals(6, f.designs());
        assertEquals(0, f.failedCount());
        assertEquals(java.util.Collections.nCopies(6, ""), f.failureReasons());
        assertEquals(sweep.names(), f.names());
        assertEquals(List.of("IgG"), f.components());
        assertEquals("grid", f.mode());
        assertEquals(sweep.definition(), f.definition());
        assertArrayEquals(results.get(0).time(), f.time(), 0.0);
        for (int d = 0; d < 6; d++) {
            assertArrayEquals(sweep.parameters()[d], f.parameters()[d], 0.0);
            SimulationResult r = results.get(d);
            for (int k = 0; k < f.time().length; k++) {
                assertEquals(r.outlet(k, 0), f.outlet()[d][k][0], 0.0);
            }
            assertEquals(r.massBalance().relativeError(), f.massBalanceError()[d], 0.0);
            assertEquals(r.stats().steps(), (long) f.solverStats()[d][0]);
        }
        assertEquals("java", f.attribute("backend"));
        assertEquals("test backend", f.attribute("backend_description"));
        assertTrue(f.attribute("case").contains("sweep-grid"), f.attribute("case"));
        assertTrue(f.attribute("units").startsWith("time: s"), f.attribute("units"));
        assertFalse(f.attribute("sorb_version").isEmpty());
        assertThrows(IOException.class, () -> ResultReader.read(out), "not a single-run file");
    }

    @Test
    void failedDesignsAreRecordedWithTheirReasonsAndNaNRowsAndReadBack() throws Exception {
        LoadedSweep sweep = grid();
        List<SimulationResult> results = new JavaBackend(2).simulateBatch(sweep.models(), ProgressListener.NONE);
        List<DesignOutcome> outcomes = new java.util.ArrayList<>(ok(results));
        outcomes.set(1, DesignOutcome.failed("step budget of 2 step attempts (solver.max_steps) exhausted"));
        outcomes.set(4, DesignOutcome.failed("non-finite state (NaN) at simulated t = 3 s: \u00fcber"));
        Path out = dir.resolve("failed.h5");
        SweepResultWriter.write(out, sweep, outcomes, "java", "test backend");
        SweepResultFile f = SweepResultReader.read(out);
        assertArrayEquals(new boolean[] {false, true, false, false, true, false}, f.failed());
        assertEquals(2, f.failedCount());
        assertEquals(List.of("", outcomes.get(1).failure(), "", "", outcomes.get(4).failure(), ""),
                f.failureReasons());
        assertArrayEquals(results.get(0).time(), f.time(), 0.0);
        for (int d = 0; d < 6; d++) {
            for (int k = 0; k < f.time().length; k++) {
                double expected = f.failed()[d] ? Double.NaN : results.get(d).outlet(k, 0);
                assertEquals(expected, f.outlet()[d][k][0], 0.0, "design " + d);
            }
            assertEquals(f.failed()[d], Double.isNaN(f.massBalanceError()[d]), "design " + d);
            assertEquals(f.failed()[d], Double.isNaN(f.solverStats()[d][0]), "design " + d);
        }
        try (io.jhdf.HdfFile hdf = new io.jhdf.HdfFile(out)) {
            assertEquals(2L, hdf.getByPath(ResultNames.SWEEP).getAttribute(ResultNames.FAILED).getData());
            assertEquals(6L, hdf.getByPath(ResultNames.SWEEP).getAttribute(ResultNames.DESIGNS).getData());
        }
    }

    @Test
    void aSweepWhoseDesignsAllFailedStillHasItsOutletTimes() throws Exception {
        LoadedSweep sweep = grid();
        List<DesignOutcome> outcomes = new java.util.ArrayList<>();
        for (int d = 0; d < sweep.size(); d++) {
            outcomes.add(DesignOutcome.failed("wall-clock budget of 1 ms exhausted at simulated t = 0 s of 480 s"));
        }
        Path out = dir.resolve("all-failed.h5");
        SweepResultWriter.write(out, sweep, outcomes, "java", "x");
        SweepResultFile f = SweepResultReader.read(out);
        assertEquals(6, f.failedCount());
        assertEquals(17, f.time().length, "0, 30 s, ..., 480 s");
        assertEquals(480.0, f.time()[16], 0.0);
        assertTrue(Double.isNaN(f.outlet()[5][16][0]));
    }

    @Test
    void mismatchedResultsAreRefusedAndLeaveNoFile() throws Exception {
        LoadedSweep sweep = grid();
        List<SimulationResult> results = new JavaBackend(2).simulateBatch(sweep.models(), ProgressListener.NONE);
        Path out = dir.resolve("bad.h5");
        assertThrows(IllegalArgumentException.class,
                () -> SweepResultWriter.write(out, sweep, ok(results.subList(0, 5)), "java", "x"));
        SimulationResult r = results.get(0);
        SimulationResult shifted = new SimulationResult(java.util.Arrays.copyOf(r.time(), r.time().length),
                r.outlet(), 1, r.massBalance(), null, r.stats());
        double[] t = shifted.time();
        t[1] += 1.0;
        SimulationResult other = new SimulationResult(t, r.outlet(), 1, r.massBalance(), null, r.stats());
        List<SimulationResult> mixed = new java.util.ArrayList<>(results);
        mixed.set(3, other);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepResultWriter.write(out, sweep, ok(mixed), "java", "x"));
        assertTrue(e.getMessage().contains("design 3"), e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
        assertThrows(IOException.class, () -> SweepResultReader.read(dir.resolve("missing.h5")));
    }
}
