package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.backend.opencl.OpenClDevices;
import org.sorb.backend.opencl.OpenClProbe;
import org.sorb.io.SweepResultFile;
import org.sorb.io.SweepResultReader;

/** The CLI around OpenCL (devices, --backend, --device) and sweeps on the Java path. */
class OpenClCliTest {
    @TempDir
    Path work;

    private CliHarness.Outcome sorb(Backends backends, String... args) {
        return CliHarness.run(work, backends, args);
    }

    @Test
    void devicesListsOpenClDevicesOrSaysWhyNot() {
        CliHarness.Outcome o = sorb(Backends.standard(), "devices");
        assertEquals(0, o.status(), o.err());
        OpenClProbe probe = OpenClDevices.probe();
        if (probe.problem() != null) {
            assertTrue(o.out().contains("opencl: unavailable: no OpenCL platform: "), o.out());
        } else {
            assertTrue(o.out().contains("  [0] "), o.out());
            assertTrue(o.out().contains("fp64: "), o.out());
            assertTrue(o.out().contains("CUs: "), o.out());
        }
        assertTrue(o.out().contains("java: available"), o.out());
    }

    @Test
    void devicesShowsEveryDeviceEvenBeforeTheColumnKernelsExist() {
        AtomicInteger probes = new AtomicInteger();
        CliHarness.Outcome o = sorb(OpenClHooks.with(OpenClHooks.gpu(false, s -> null, probes)), "devices");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("opencl: unavailable: the OpenCL column kernels are not in this build yet"),
                o.out());
        assertTrue(o.out().contains("  [0] nvidia / NVIDIA H100 80GB HBM3  GPU  fp64: yes  CUs: 132"), o.out());
    }

    @Test
    void benchBatchProfilesTheKernelsAndNamesTheDominantOne() {
        org.sorb.backend.opencl.OpenClTestSupport.requirePlatform();
        CliHarness.Outcome o = sorb(Backends.standard(), "bench", "batch",
                SorbCliTest.resource("cli/valid-linear.yaml").toString(), "--sizes", "16", "--paths", "opencl",
                "--no-ceilings", "--profile-size", "16");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("| opencl, "), o.out());
        assertTrue(o.out().contains("Kernel device time: one profiled run of 16 designs"), o.out());
        assertTrue(o.out().contains("| attempt_design | "), o.out());
        assertTrue(o.out().contains("| factor_design | "), o.out());
        // The table lists kernels by device time; the traffic line follows when the step attempt leads it.
        String afterHeader = o.out().substring(o.out().indexOf("| kernel | launches"));
        String firstRow = afterHeader.lines().skip(2).findFirst().orElse("");
        assertEquals(firstRow.startsWith("| attempt_design | "), o.out().contains("Dominant kernel attempt_design: "),
                o.out());
        if (firstRow.startsWith("| attempt_design | ")) {
            assertTrue(o.out().matches("(?s).*flops per iteration \\(NewtonIterationFlops.*[0-9.]+ GFLOP/s.*"),
                    o.out());
            // on a CPU device (per-design kernels, block inverses) the modeled traffic and its bound follow
            assertTrue(o.out().matches("(?s).*Modeled traffic of its passes \\(NewtonIterationTraffic.*\\d+ bytes per "
                    + "iteration = [0-9.]+ GB/s.*moves at least \\d+ bytes per iteration.*at most \\d+ % of that "
                    + "ceiling.*"), o.out());
        }
        assertTrue(o.out().matches("(?s).*\\| attempt_design \\| \\d+ \\| [0-9.]+ \\| [0-9.]+ % \\|.*"), o.out());
        assertTrue(o.out().contains("Parts of a Newton iteration, timed apart"), o.out());
        for (String part : new String[] {"newton_iteration", "solve_design", "stage_rhs", "factor_design"}) {
            assertTrue(o.out().matches("(?s).*\\| " + part + " \\| [^|]+ \\| [0-9.]+ \\| [0-9.]+ \\|.*"), part + ": "
                    + o.out());
        }
        CliHarness.Outcome bad = sorb(Backends.standard(), "bench", "batch",
                SorbCliTest.resource("cli/valid-linear.yaml").toString(), "--profile-size", "-1");
        assertEquals(2, bad.status(), bad.out());
        assertTrue(bad.err().contains("--profile-size -1"), bad.err());
    }

    @Test
    void benchCacheTablesTheCopyBandwidthPerFootprint() {
        org.sorb.backend.opencl.OpenClTestSupport.requirePlatform();
        CliHarness.Outcome o = sorb(Backends.standard(), "bench", "cache", "--slices", "16,32");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().matches("(?s).*\\| 16 \\| 32 \\| [0-9.]+ \\| copy_slice_f64 kernel.*"), o.out());
        assertTrue(o.out().matches("(?s).*\\| 32 \\| 64 \\| [0-9.]+ \\| copy_slice_f64 kernel.*"), o.out());
        CliHarness.Outcome bad = sorb(Backends.standard(), "bench", "cache", "--slices", "0");
        assertEquals(2, bad.status(), bad.out());
        assertTrue(bad.err().contains("--slices 0"), bad.err());
    }

    @Test
    void aDeviceSelectorThatMatchesNothingExits2() {
        AtomicInteger probes = new AtomicInteger();
        Backends backends = OpenClHooks.with(OpenClHooks.gpu(true, s -> {
            throw new IllegalArgumentException("--device " + s + ": no OpenCL device name contains '" + s + "'");
        }, probes));
        CliHarness.Outcome o = sorb(backends, "run", SorbCliTest.resource("cli/valid-linear.yaml").toString(),
                "--backend", "opencl", "--device", "quadro");
        assertEquals(2, o.status());
        assertEquals("error: --device quadro: no OpenCL device name contains 'quadro'\n", o.err());
    }

    @Test
    void aSweepRunsEndToEndOnTheJavaPathWithoutTouchingOpenCl() throws IOException {
        AtomicInteger probes = new AtomicInteger();
        Backends backends = OpenClHooks.with(OpenClHooks.gpu(true, s -> {
            throw new AssertionError("must not open");
        }, probes));
        CliHarness.Outcome o = sorb(backends, "run", SorbCliTest.resource("cli/sweep-grid.yaml").toString(),
                "--backend", "java", "--threads", "2", "-o", "grid.h5");
        assertEquals(0, o.status(), o.err());
        assertEquals(0, probes.get(), "--backend java must not probe OpenCL");
        assertTrue(o.out().contains("sweep: grid, 6 designs of binding.qmax[0], column.length"), o.out());
        assertTrue(o.out().contains("designs/s"), o.out());
        assertTrue(o.err().contains("designs done"), o.err());
        Path out = work.resolve("grid.h5");
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(List.of(out), s.toList());
        }
        SweepResultFile f = SweepResultReader.read(out);
        assertEquals(6, f.designs());
        assertEquals(List.of("binding.qmax[0]", "column.length"), f.names());
        assertEquals(0.025, f.parameters()[5][1], 1e-15);
        assertEquals(f.time().length, f.outlet()[0].length);
        for (double e : f.massBalanceError()) {
            assertTrue(e < 1e-6, "mass balance " + e);
        }
        assertEquals("java", f.attribute("backend"));
        assertTrue(f.attribute("backend_description").contains("2 threads"), f.attribute("backend_description"));
    }

    @Test
    void validateSummarisesASweepAndABadSweepExits2() throws IOException {
        CliHarness.Outcome ok = sorb(OpenClHooks.with(OpenClHooks.none("x")), "validate",
                SorbCliTest.resource("cli/sweep-grid.yaml").toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("sweep:       grid, 6 designs (binding.qmax[0] 80 .. 120; column.length 0.02 .. 0.025"),
                ok.out());
        Path bad = work.resolve("bad.yaml");
        String text = Files.readString(SorbCliTest.resource("cli/sweep-grid.yaml")).replace("mode: grid", "mode: zip");
        Files.writeString(bad, text);
        CliHarness.Outcome o = sorb(OpenClHooks.with(OpenClHooks.none("x")), "run", bad.toString(), "--backend", "java");
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("error: sweep.parameters: got lists of different lengths"), o.err());
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(List.of(bad), s.toList());
        }
    }
}
