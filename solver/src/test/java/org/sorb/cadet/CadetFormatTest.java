package org.sorb.cadet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sorb run --format cadet}: CADET's {@code /output/solution} holds exactly Sorb's {@code /outlet}, read in Java
 * and by a script in the style of CADET-Python; the {@code /input} written beside it is a CADET input that reads back
 * to the same case.
 */
class CadetFormatTest {
    /**
     * Largest outlet difference (feed 1) between a lumped rate run and its rerun from the CADET input it wrote: eps_t,
     * u eps_c/eps_t and D_ax eps_c/eps_t are recomputed, so the two differ by round-off only.
     */
    private static final double ROUND_OFF = 1e-10;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "valid/v6-grm-linear.h5, unit_001, unit_002",
        "valid/v5-grm-langmuir.h5, unit_000, ''",
        "valid/v5-lrmp-bilangmuir.h5, unit_000, ''",
        "valid/v6-grm-cubic-inlet.h5, unit_001, unit_002"
    })
    void cadetLayoutHoldsSorbsOutletAndItsInputReadsBack(String input, String column, String outlet)
            throws Exception {
        Path file = CadetCli.resource(input);
        Path out = dir.resolve("result.h5");
        CadetCli.Outcome o = CadetCli.run(dir, "run", file.toString(), "-o", out.toString(), "--backend", "java",
                "--format", "cadet");
        assertEquals(0, o.status(), o.err());
        try (HdfFile h = new HdfFile(out)) {
            assertArrayEquals(doubles(h, "/outlet/time"), doubles(h, "/output/solution/SOLUTION_TIMES"));
            double[][] sorb = (double[][]) ((Dataset) h.getByPath("/outlet/concentration")).getData();
            double[][] cadet = (double[][]) ((Dataset) h.getByPath("/output/solution/" + column
                    + "/SOLUTION_OUTLET")).getData();
            assertArrayEquals(sorb, cadet);
            var units = ((io.jhdf.api.Group) h.getByPath("/output/solution")).getChildren().keySet();
            assertEquals(outlet.isEmpty() ? java.util.Set.of("SOLUTION_TIMES", column)
                    : java.util.Set.of("SOLUTION_TIMES", column, outlet), units);
        }
        CadetInput original = CadetInput.read(file);
        CadetInput written = CadetInput.read(out);
        assertEquals(original.network().column(), written.network().column());
        for (String key : List.of("components", "column", "particle", "binding", "inlet", "initial",
                "discretization", "solver", "output")) {
            assertEquals(text(original.tree().get(key)), text(written.tree().get(key)), key);
        }
    }

    @Test
    void cadetPythonStyleScriptReadsSorbsOutlet() throws Exception {
        CadetPython.require();
        Path yaml = dir.resolve("case.yaml");
        Files.copy(CadetCli.class.getResource("/cli/valid-linear.yaml").openStream(), yaml);
        Path out = dir.resolve("linear.h5");
        CadetCli.Outcome o = CadetCli.run(dir, "run", yaml.toString(), "-o", out.toString(), "--backend", "java",
                "--format", "cadet");
        assertEquals(0, o.status(), o.err());
        CadetPython.Result r = CadetPython.run(CadetCli.resource("read_like_cadet_python.py").toString(),
                out.toString(), "unit_001");
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("unit_001 (GENERAL_RATE_MODEL): 1501 times, 1 components"), r.output());
        Path cadetOut = dir.resolve("from-cadet.h5");
        o = CadetCli.run(dir, "run", CadetCli.resource("valid/v5-grm-langmuir.h5").toString(), "-o",
                cadetOut.toString(), "--backend", "java", "--format", "cadet");
        assertEquals(0, o.status(), o.err());
        r = CadetPython.run(CadetCli.resource("read_like_cadet_python.py").toString(), cadetOut.toString(),
                "unit_000");
        assertEquals(0, r.status(), r.output());
    }

    /**
     * Sorb's lumped rate model with porous particles is written in CADET's convention (total porosity, velocity and
     * dispersion scaled by eps_c/eps_t); run again from that {@code /input}, it gives the same outlet.
     */
    @Test
    void lumpedRateWithPorousParticlesRunsAgainFromItsCadetInput() throws Exception {
        Path yaml = dir.resolve("lrm.yaml");
        Files.writeString(yaml, String.join("\n", "name: lrm", "components: [A, B]",
                "column: {model: lumped_rate, length: 0.1, bed_porosity: 0.37, interstitial_velocity: 1e-3, "
                        + "axial_dispersion: 1e-7}",
                "particle: {porosity: 0.75}",
                "binding: {model: langmuir, kinetic: true, ka: [1.0, 0.5], kd: [0.1, 0.1], qmax: [5.0, 4.0]}",
                "inlet: [{until: 100, concentration: [1.0, 0.5]}, {until: 600, concentration: [0.0, 0.0]}]",
                "discretization: {axial_cells: 32}", "output: {interval: 2.0}", ""));
        Path first = dir.resolve("first.h5");
        Path again = dir.resolve("again.h5");
        assertEquals(0, CadetCli.run(dir, "run", yaml.toString(), "-o", first.toString(), "--backend", "java",
                "--format", "cadet").status());
        CadetCli.Outcome o = CadetCli.run(dir, "run", first.toString(), "-o", again.toString(), "--backend", "java");
        assertEquals(0, o.status(), o.err());
        try (HdfFile a = new HdfFile(first); HdfFile b = new HdfFile(again)) {
            double[][] x = (double[][]) ((Dataset) a.getByPath("/outlet/concentration")).getData();
            double[][] y = (double[][]) ((Dataset) b.getByPath("/outlet/concentration")).getData();
            assertEquals(x.length, y.length);
            for (int k = 0; k < x.length; k++) {
                for (int i = 0; i < x[k].length; i++) {
                    assertEquals(x[k][i], y[k][i], ROUND_OFF, "sample " + k + ", component " + i);
                }
            }
        }
    }

    @Test
    void sweepsAndUnknownFormatsAreRefused() throws Exception {
        CadetCli.Outcome o = CadetCli.run(dir, "run", CadetCli.resource("valid/v6-grm-linear.h5").toString(),
                "--format", "csv");
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("--format: got csv, expected sorb or cadet"), o.err());
        Path sweep = Path.of(CadetCli.class.getResource("/sweeps/grid-langmuir.yaml").toURI());
        o = CadetCli.run(dir, "run", sweep.toString(), "--format", "cadet", "--backend", "java");
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("--format cadet: writes a single column run; a sweep case"), o.err());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    private static double[] doubles(HdfFile h, String path) {
        return (double[]) ((Dataset) h.getByPath(path)).getData();
    }

    /** A tree value as comparable text (arrays by content). */
    private static String text(Object v) {
        if (v instanceof double[] a) {
            return java.util.Arrays.toString(a);
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(k).append('=').append(text(x)).append(", "));
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(CadetFormatTest::text).toList().toString();
        }
        return String.valueOf(v);
    }
}
