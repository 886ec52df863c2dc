package org.sorb.cadet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sorb convert}: the YAML written for a CADET input validates and runs to the same outlet as the input itself;
 * CADET inputs are told by their signature and take {@code --set} as YAML cases do.
 */
class CadetConvertTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"valid/v6-grm-linear.h5", "valid/v5-grm-langmuir.h5", "valid/v5-lrmp-bilangmuir.h5",
        "valid/v6-grm-cubic-inlet.h5", "valid/v5-grm-langmuir-dg.h5"})
    void convertedYamlValidatesAndRunsToTheSameOutlet(String input) throws Exception {
        Path file = CadetCli.resource(input);
        Path yaml = dir.resolve("case.yaml");
        CadetCli.Outcome o = CadetCli.run(dir, "convert", file.toString(), "-o", yaml.toString());
        assertEquals(0, o.status(), o.err());
        assertEquals(0, CadetCli.run(dir, "validate", yaml.toString()).status());
        Path fromH5 = dir.resolve("from-h5.h5");
        Path fromYaml = dir.resolve("from-yaml.h5");
        assertEquals(0, CadetCli.run(dir, "run", file.toString(), "-o", fromH5.toString(), "--backend", "java")
                .status());
        assertEquals(0, CadetCli.run(dir, "run", yaml.toString(), "-o", fromYaml.toString(), "--backend", "java")
                .status());
        try (HdfFile a = new HdfFile(fromH5); HdfFile b = new HdfFile(fromYaml)) {
            assertArrayEquals(doubles(a, "/outlet/time"), doubles(b, "/outlet/time"));
            assertArrayEquals((double[][]) ((Dataset) a.getByPath("/outlet/concentration")).getData(),
                    (double[][]) ((Dataset) b.getByPath("/outlet/concentration")).getData());
        }
    }

    @Test
    void hdf5IsToldBySignatureAndTakesOverrides() throws Exception {
        Path disguised = dir.resolve("looks-like.yaml");
        Files.copy(CadetCli.resource("valid/v6-grm-linear.h5"), disguised, StandardCopyOption.REPLACE_EXISTING);
        CadetCli.Outcome o = CadetCli.run(dir, "validate", disguised.toString(), "--set",
                "discretization.axial_cells=64", "--set", "discretization.particle_cells=8");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("64 axial x 8 particle shells"), o.out());
        o = CadetCli.run(dir, "validate", disguised.toString(), "--set", "discretization.axial_cells=2");
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("error: discretization.axial_cells: got 2"), o.err());
    }

    @Test
    void runRefusesToOverwriteItsInput() throws Exception {
        Path copy = dir.resolve("input.h5");
        Files.copy(CadetCli.resource("valid/v6-grm-linear.h5"), copy);
        byte[] before = Files.readAllBytes(copy);
        CadetCli.Outcome o = CadetCli.run(dir, "run", copy.toString(), "-o", copy.toString(), "--backend", "java");
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("is the case file itself"), o.err());
        assertArrayEquals(before, Files.readAllBytes(copy));
    }

    private static double[] doubles(HdfFile h, String path) {
        return (double[]) ((Dataset) h.getByPath(path)).getData();
    }
}
