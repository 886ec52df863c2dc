package org.sorb.cadet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.model.InletSection;

/**
 * A CADET input with non-zero QUAD_COEFF and CUBE_COEFF ({@code valid/v6-grm-cubic-inlet.h5}, a smooth cubic pulse up
 * to 1 and back to 0) is read into Sorb's cubic inlet sections, runs, and {@code --format cadet} writes the same
 * coefficients back.
 */
class CubicInletInputTest {
    static final String FILE = "valid/v6-grm-cubic-inlet.h5";
    static final String INLET = "/input/model/unit_000/";
    /** The pulse's section ends (s) and its CONST, QUAD and CUBE coefficients, as make_cadet_files.py writes them. */
    static final double[] ENDS = {10.0, 200.0};
    static final double[][] TERMS = {{0.0, 3.0 / 100.0, -2.0 / 1000.0}, {1.0, -3.0 / 36100.0, 2.0 / 6859000.0}};

    @TempDir
    Path dir;

    @Test
    void quadraticAndCubicCoefficientsAreReadRunAndWrittenBack() throws Exception {
        Path file = CadetCli.resource(FILE);
        List<InletSection> sections = CadetInput.load(file, List.of()).model().inlet().sections();
        assertEquals(2, sections.size());
        for (int s = 0; s < 2; s++) {
            InletSection section = sections.get(s);
            assertEquals(ENDS[s], section.end());
            assertArrayEquals(new double[] {TERMS[s][0]}, section.concentration());
            assertArrayEquals(new double[] {0.0}, section.slope());
            assertArrayEquals(new double[] {TERMS[s][1]}, section.quadratic());
            assertArrayEquals(new double[] {TERMS[s][2]}, section.cubic());
        }
        assertEquals(1.0, sections.get(0).value(0, 0.0, 10.0), 1e-15, "the rise ends at 1");
        assertEquals(0.0, sections.get(1).value(0, 10.0, 200.0), 1e-15, "the fall ends at 0");

        Path out = dir.resolve("result.h5");
        CadetCli.Outcome o = CadetCli.run(dir, "run", file.toString(), "-o", out.toString(), "--backend", "java",
                "--format", "cadet");
        assertEquals(0, o.status(), o.err());
        try (HdfFile in = new HdfFile(file); HdfFile written = new HdfFile(out)) {
            for (int s = 0; s < 2; s++) {
                for (String term : List.of("CONST_COEFF", "LIN_COEFF", "QUAD_COEFF", "CUBE_COEFF")) {
                    String path = INLET + String.format("sec_%03d/%s", s, term);
                    assertArrayEquals(doubles(in, path), doubles(written, path), path);
                }
            }
            double[][] outlet = (double[][]) ((Dataset) written.getByPath("/outlet/concentration")).getData();
            double peak = 0.0;
            for (double[] row : outlet) {
                peak = Math.max(peak, row[0]);
            }
            assertTrue(peak > 0.1, "the pulse must reach the outlet: peak " + peak);
        }
    }

    private static double[] doubles(HdfFile h, String path) {
        return (double[]) ((Dataset) h.getByPath(path)).getData();
    }
}
