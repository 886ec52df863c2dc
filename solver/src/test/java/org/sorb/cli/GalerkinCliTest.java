package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.backend.opencl.OpenClTestSupport;
import org.sorb.io.ResultNames;

/**
 * The DG example case from the command line on the OpenCL backend: {@code run --backend opencl} writes the outlet
 * the Java backend writes (to the whole-run bound of the kernel tests), and {@code bench batch} takes the case.
 */
class GalerkinCliTest {
    /** The kernel tests' whole-run bound (KernelPhaseTest.WHOLE_RUN_RELATIVE). */
    static final double OUTLET_RELATIVE = 1e-9;
    static final Path CASE = Path.of(System.getProperty("sorb.repoRoot", ".")).toAbsolutePath()
            .resolve("cases/cadet-linear-pulse-grm-dg.yaml");

    @TempDir
    Path work;

    private static double[][] outlet(Path file) {
        try (HdfFile h = new HdfFile(file)) {
            return (double[][]) h.getDatasetByPath(ResultNames.OUTLET_CONCENTRATION).getData();
        }
    }

    @Test
    void runOnOpenClWritesTheJavaOutlet() {
        OpenClTestSupport.requirePlatform();
        for (String backend : new String[] {"java", "opencl"}) {
            CliHarness.Outcome o = CliHarness.run(work, Backends.standard(), "run", CASE.toString(), "-o",
                    backend + ".h5", "--backend", backend);
            assertEquals(0, o.status(), o.err());
            assertTrue(o.out().contains("on " + backend), o.out());
        }
        double[][] java = outlet(work.resolve("java.h5"));
        double[][] cl = outlet(work.resolve("opencl.h5"));
        assertEquals(java.length, cl.length, "samples");
        double scale = 0.0;
        double diff = 0.0;
        for (int t = 0; t < java.length; t++) {
            scale = Math.max(scale, Math.abs(java[t][0]));
            diff = Math.max(diff, Math.abs(java[t][0] - cl[t][0]));
        }
        assertTrue(diff <= OUTLET_RELATIVE * scale, "relative outlet difference " + diff / scale);
    }

    @Test
    void benchBatchTakesADgCase() {
        OpenClTestSupport.requirePlatform();
        CliHarness.Outcome o = CliHarness.run(work, Backends.standard(), "bench", "batch", CASE.toString(), "--sizes",
                "2", "--paths", "opencl", "--no-ceilings", "--profile-size", "0", "--max-seconds", "60");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("dg:P3x8:P4x1 (32 axial points x 5 particle points)"), o.out());
        assertTrue(o.out().contains("| opencl, "), o.out());
    }
}
