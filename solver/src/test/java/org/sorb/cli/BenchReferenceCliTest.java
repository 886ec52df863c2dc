package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.verification.References;

/** {@code sorb bench reference} with finite-volume and DG configurations, and its usage errors (no timings). */
class BenchReferenceCliTest {
    private static final String GRM = "casema_GRM_dynLin_1comp_benchmark1.h5";

    @TempDir
    Path work;

    private CliHarness.Outcome sorb(String... args) {
        return CliHarness.run(work, Backends.standard(), args);
    }

    private static String grm() {
        return References.folder().resolve(GRM).toString();
    }

    @Test
    void finiteVolumesAndSpectralElementsShareOneTable() {
        CliHarness.Outcome o = sorb("bench", "reference", grm(), "--grid",
                "16x2@1e-3,dg:P2x4:P2x1@1e-3,dg:P2x4:P0x2@1e-3", "--repeats", "1", "--warmup", "0");
        assertEquals(0, o.status(), o.err());
        String[] lines = o.out().split("\n");
        assertTrue(o.out().contains("| FV | 16x2 | 80 | 1e-03 | 1e-07 | "), o.out());
        assertTrue(o.out().contains("| DG | dg:P2x4:P2x1 | 84 | 1e-03 | 1e-07 | "), o.out());
        assertTrue(o.out().contains("| DG | dg:P2x4:P0x2 | 60 | 1e-03 | 1e-07 | "), o.out());
        for (String line : lines) {
            if (line.startsWith("| FV | ") || line.startsWith("| DG | ")) {
                double error = Double.parseDouble(line.split("\\|")[6].trim());
                assertTrue(error > 0 && error < 0.02, "error below the peak (0.0195): " + line);
            }
        }
        assertTrue(o.out().contains("fastest within each error bound"), o.out());
        assertTrue(o.out().contains("| 1e-02 | 16x2@1e-3 | "), "every grid is within 1e-2: " + o.out());
    }

    @Test
    void aBadConfigurationIsAUsageErrorNamingIt() {
        CliHarness.Outcome o = sorb("bench", "reference", grm(), "--grid", "64x8@1e-5,dg:P3x8:P9x1@1e-6");
        assertEquals(2, o.status(), o.out());
        assertTrue(o.err().contains("--grid 'dg:P3x8:P9x1@1e-6': discretization.particle_polynomial_degree: got 9"),
                o.err());
        assertEquals("", o.out(), "refused before anything runs");
        CliHarness.Outcome t = sorb("bench", "reference", grm(), "--grid", "dg:P3x8:P4x1@fast");
        assertEquals(2, t.status());
        assertTrue(t.err().contains("--grid 'dg:P3x8:P4x1@fast': rel tol 'fast' is not a number"), t.err());
    }
}
