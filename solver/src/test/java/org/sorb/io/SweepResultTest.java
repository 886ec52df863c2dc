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

    @Test
    void aSweepRoundTripsThroughHdf5() throws Exception {
        LoadedSweep sweep = grid();
        List<SimulationResult> results = new JavaBackend(2).simulateBatch(sweep.models(), ProgressListener.NONE);
        Path out = dir.resolve("sweep.h5");
        SweepResultWriter.write(out, sweep, results, "java", "test backend");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no temporary file left");
        }
        assertTrue(SweepResultReader.isSweep(out));
        SweepResultFile f = SweepResultReader.read(out);
        assertEquals(6, f.designs());
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
    void mismatchedResultsAreRefusedAndLeaveNoFile() throws Exception {
        LoadedSweep sweep = grid();
        List<SimulationResult> results = new JavaBackend(2).simulateBatch(sweep.models(), ProgressListener.NONE);
        Path out = dir.resolve("bad.h5");
        assertThrows(IllegalArgumentException.class,
                () -> SweepResultWriter.write(out, sweep, results.subList(0, 5), "java", "x"));
        SimulationResult r = results.get(0);
        SimulationResult shifted = new SimulationResult(java.util.Arrays.copyOf(r.time(), r.time().length),
                r.outlet(), 1, r.massBalance(), null, r.stats());
        double[] t = shifted.time();
        t[1] += 1.0;
        SimulationResult other = new SimulationResult(t, r.outlet(), 1, r.massBalance(), null, r.stats());
        List<SimulationResult> mixed = new java.util.ArrayList<>(results);
        mixed.set(3, other);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepResultWriter.write(out, sweep, mixed, "java", "x"));
        assertTrue(e.getMessage().contains("design 3"), e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
        assertThrows(IOException.class, () -> SweepResultReader.read(dir.resolve("missing.h5")));
    }
}
