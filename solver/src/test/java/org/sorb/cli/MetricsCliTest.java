package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.io.MetricsFileReader;
import org.sorb.metrics.GridCompanion;
import org.sorb.metrics.MetricsReport;

/** {@code sorb run} writes the design metrics and their grid errors, prints them, and warns on a coarse grid. */
class MetricsCliTest {
    static final List<String> NAMES = List.of("residence_time", "column_volumes", "pressure_drop", "dbc_10pct:IgG",
            "dbc_50pct:IgG", "equilibrium_capacity:IgG", "capacity_utilisation:IgG");
    static final List<String> UNITS = List.of("s", "1", "Pa", "kg/m^3", "kg/m^3", "kg/m^3", "1");

    /** OpenCL's metrics against Java's: both runs meet the same error test (README, Backends and devices). */
    static final double OPENCL_RELATIVE = 1e-6;

    @TempDir
    Path work;

    /** The coarse Langmuir sweep case (8 x 3 cells) with {@code tail} in place of its sweep section. */
    private Path coarseCase(String tail) throws IOException {
        String text = Files.readString(SorbCliTest.resource("sweeps/grid-langmuir.yaml"));
        Path file = work.resolve("case.yaml");
        Files.writeString(file, text.substring(0, text.indexOf("sweep:"))
                + "metrics: {breakthrough_percent: [50]}\n" + tail);
        return file;
    }

    /** {@code sorb run} of the coarse case with {@code tail} writing {@code out}, with {@code extra} (Java unless a --backend). */
    private CliHarness.Outcome run(String tail, String out, String... extra) throws IOException {
        return run(Backends.standard(), tail, out, extra);
    }

    private CliHarness.Outcome run(Backends backends, String tail, String out, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("run", coarseCase(tail).toString(), "-o", out));
        args.addAll(List.of(extra));
        if (!args.contains("--backend")) {
            args.addAll(List.of("--backend", "java"));
        }
        return CliHarness.run(work, backends, args.toArray(new String[0]));
    }

    private static String[] strings(Dataset d, String attribute) {
        return (String[]) d.getAttribute(attribute).getData();
    }

    @Test
    void aSingleRunWritesMetricsWithNamesUnitsAndGridErrorsAndWarnsOnItsCoarseGrid() throws IOException {
        CliHarness.Outcome o = run("", "one.h5");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("metrics (/metrics; grid error estimate in /metrics_grid_error):\n"
                + "  residence_time = 133.690 s\n"), o.out());
        assertTrue(o.out().contains("  dbc_10pct:IgG = "), o.out());
        assertTrue(o.err().contains("warning: grid not converged to metrics.grid_tolerance 0.02 on 8x3 cells (against "
                + "the 4x1 companion): dbc_10pct:IgG = "), o.err());
        try (HdfFile h = new HdfFile(work.resolve("one.h5"))) {
            Dataset m = h.getDatasetByPath("/metrics");
            assertArrayEquals(NAMES.toArray(), strings(m, "names"));
            assertArrayEquals(UNITS.toArray(), strings(m, "units"));
            double[] v = (double[]) m.getData();
            assertEquals(0.02 / 4.4e-4 / 0.34, v[0], 1e-9 * v[0], "residence time L / u_s");
            Dataset e = h.getDatasetByPath("/metrics_grid_error");
            assertArrayEquals(NAMES.toArray(), strings(e, "names"));
            assertEquals(0.02, (double) e.getAttribute("tolerance").getData());
            assertEquals(GridCompanion.METHOD, e.getAttribute("method").getData());
            double[] err = (double[]) e.getData();
            assertEquals(0.0, err[0], 0.0);
            assertTrue(err[3] > 0.02 * v[3], "the 8 x 3 grid's DBC10 error estimate " + err[3] + " of " + v[3]);
        }
        MetricsReport back = MetricsFileReader.read(work.resolve("one.h5"));
        assertEquals(NAMES, back.names());
        assertEquals(UNITS, back.units());
        assertEquals(1, back.values().length);
        assertTrue(back.flagged(0));
    }

    @Test
    void aSweepWritesANaNRowForAFailedDesignAndCountsTheDesignsNotConverged() throws IOException {
        CliHarness.Outcome o = run("sweep:\n  parameters:\n    solver.max_steps: [1000000, 2, 1000000]\n", "s.h5",
                "--threads", "2");
        assertEquals(1, o.status(), o.err());
        assertTrue(o.out().contains("metrics (/sweep/metrics), range over the designs:\n  residence_time: 133.7 .. "
                + "133.7 s (1 NaN)\n"), o.out());
        assertTrue(o.err().contains("warning: 2 of 3 designs not converged to metrics.grid_tolerance 0.02 "
                + "(/sweep/metrics_grid_error); worst: design "), o.err());
        try (HdfFile h = new HdfFile(work.resolve("s.h5"))) {
            Dataset m = h.getDatasetByPath("/sweep/metrics");
            assertArrayEquals(new int[] {3, NAMES.size()}, m.getDimensions());
            assertArrayEquals(NAMES.toArray(), strings(m, "names"));
            assertArrayEquals(UNITS.toArray(), strings(m, "units"));
            double[][] v = (double[][]) m.getData();
            double[][] e = (double[][]) h.getDatasetByPath("/sweep/metrics_grid_error").getData();
            for (int j = 0; j < NAMES.size(); j++) {
                assertTrue(Double.isNaN(v[1][j]) && Double.isNaN(e[1][j]), "failed design 1, " + NAMES.get(j));
                assertFalse(Double.isNaN(v[0][j]), NAMES.get(j));
                assertEquals(v[0][j], v[2][j], 0.0, "designs 0 and 2 are the same case");
            }
        }
        MetricsReport back = MetricsFileReader.read(work.resolve("s.h5"));
        assertEquals(3, back.values().length);
        assertEquals(0.02, back.tolerance());
        assertEquals(GridCompanion.METHOD, back.method());
        assertFalse(back.flagged(1), "a failed design has no estimate");
    }

    @Test
    void onOpenClTheCompanionsRunInTheBatchAndTheMetricsMatchTheJavaPath() throws IOException {
        org.sorb.backend.opencl.OpenClTestSupport.requirePlatform();
        String sweep = "sweep:\n  parameters:\n    binding.qmax[0]: [80, 120, 160]\n";
        CliHarness.Outcome javaRun = run(sweep, "java.h5");
        assertEquals(0, javaRun.status(), javaRun.err());
        CliHarness.Outcome o = run(sweep, "opencl.h5", "--backend", "opencl");
        assertEquals(0, o.status(), o.err());
        double[][][] got = new double[2][][];
        for (String name : List.of("/sweep/metrics", "/sweep/metrics_grid_error")) {
            for (int b = 0; b < 2; b++) {
                try (HdfFile h = new HdfFile(work.resolve(b == 0 ? "java.h5" : "opencl.h5"))) {
                    got[b] = (double[][]) h.getDatasetByPath(name).getData();
                }
            }
            for (int d = 0; d < 3; d++) {
                for (int j = 0; j < NAMES.size(); j++) {
                    String what = name + " " + d + " " + NAMES.get(j);
                    if (Double.isNaN(got[0][d][j])) {
                        assertTrue(Double.isNaN(got[1][d][j]), what); // e.g. a level the outlet never reaches
                        continue;
                    }
                    assertEquals(got[0][d][j], got[1][d][j], OPENCL_RELATIVE * Math.abs(got[0][d][j]), what);
                }
            }
        }
    }

    @Test
    void aFailedCompanionLeavesTheRunItsMetricsAndSaysTheErrorWasNotEstimated() throws IOException {
        Backends coarseFails = new Backends(List.of(new FakeBackendProvider("java", null, c -> {
            if (c.discretization().axialCells() < 8) {
                throw new org.sorb.numerics.SolverException("step size underflow");
            }
            return SorbCliTest.resultFor(c.nComp());
        })));
        CliHarness.Outcome o = run(coarseFails, "", "c.h5");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("  note: grid error: the companion solve failed; not estimated\n"), o.out());
        assertFalse(o.err().contains("warning"), o.err());
        try (HdfFile h = new HdfFile(work.resolve("c.h5"))) {
            assertEquals(GridCompanion.METHOD, h.getDatasetByPath("/metrics_grid_error").getAttribute("method")
                    .getData());
            for (double x : (double[]) h.getDatasetByPath("/metrics_grid_error").getData()) {
                assertTrue(Double.isNaN(x));
            }
        }
    }

    @Test
    void gridCheckFalseSkipsTheCompanionWritesNaNErrorsAndDoesNotWarn() throws IOException {
        CliHarness.Outcome o = run("", "off.h5", "--set", "metrics.grid_check=false");
        assertEquals(0, o.status(), o.err());
        assertFalse(o.err().contains("warning"), o.err());
        try (HdfFile h = new HdfFile(work.resolve("off.h5"))) {
            Dataset e = h.getDatasetByPath("/metrics_grid_error");
            assertEquals(GridCompanion.METHOD_OFF, e.getAttribute("method").getData());
            for (double x : (double[]) e.getData()) {
                assertTrue(Double.isNaN(x));
            }
        }
    }

    @Test
    void aFileWithoutMetricsReadsAsNone() throws IOException {
        Path file = work.resolve("old.h5");
        org.sorb.io.ResultWriter.write(file, org.sorb.io.Fixtures.loadedCase("old", "name: old\n"),
                org.sorb.io.Fixtures.result(false), "java", "test");
        assertEquals(null, MetricsFileReader.read(file));
    }

    @Test
    void validatePrintsTheMetricsSettings() throws IOException {
        CliHarness.Outcome o = CliHarness.run(work, Backends.standard(), "validate", coarseCase("").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("metrics:     DBC at [10, 50] %, viscosity 0.001002 Pa s, grid check against 4x1 "
                + "cells, tolerance 0.02\n"), o.out());
    }

    @Test
    void aBadMetricsKeyExits2NamingTheFieldAndLeavesNoFile() throws IOException {
        CliHarness.Outcome o = run("mobile_phase: {viscosity: -1 cP}\n", "bad.h5");
        assertEquals(2, o.status(), o.err());
        assertEquals("error: mobile_phase.viscosity: got -1 cP, expected a dynamic viscosity > 0 (Pa s, mPa s, cP)\n",
                o.err());
        assertFalse(Files.exists(work.resolve("bad.h5")));
    }
}
