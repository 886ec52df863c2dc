package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sorb fit} on the shipped example, and bad data files: exit 2, the file, row and column named, no file. */
class FitCliTest {
    private static final Path CASES = Path.of(System.getProperty("sorb.repoRoot", "..")).resolve("cases")
            .toAbsolutePath().normalize();
    private static final String CASE = CASES.resolve("mabselect-prisma-breakthrough.yaml").toString();
    private static final String FIT = "binding.qmax_bed[0],particle.pore_diffusion[0]";
    /** The example's two parameters must come out with relative standard errors below this. */
    private static final double EXAMPLE_RELATIVE_SE = 0.05;

    @TempDir
    Path dir;

    private CliHarness.Outcome fit(String csv, String... extra) throws IOException {
        Path data = dir.resolve("curve.csv");
        Files.writeString(data, csv);
        List<String> args = new java.util.ArrayList<>(List.of("fit", CASE, "--data", data.toString(), "--fit", FIT,
                "-o", dir.resolve("out.h5").toString(), "--backend", "java"));
        args.addAll(List.of(extra));
        return CliHarness.run(dir, Backends.standard(), args.toArray(new String[0]));
    }

    private void assertBadInput(CliHarness.Outcome o, String... fragments) throws IOException {
        assertEquals(2, o.status(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        for (String f : fragments) {
            assertTrue(o.err().contains(f), "'" + f + "' in: " + o.err());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("curve.csv"), files.map(p -> p.getFileName().toString()).toList(), "no output");
        }
    }

    @Test
    void nonMonotonicXNamesRowAndColumn() throws IOException {
        assertBadInput(fit("# test\nCV, IgG (mg/mL)\n6.0, 0.5\n5.0, 1.0\n"), "curve.csv row 4, column 1",
                "increase strictly");
    }

    @Test
    void textInANumberCellNamesRowAndColumn() throws IOException {
        assertBadInput(fit("CV, IgG (mg/mL)\n6.0, 0.5\n7.0, abc\n"), "curve.csv row 3, column 2 'IgG (mg/mL)'",
                "a finite number");
    }

    @Test
    void unknownComponentColumnIsNamed() throws IOException {
        assertBadInput(fit("CV, IgM (mg/mL)\n6.0, 0.5\n"), "curve.csv row 1, column 2", "components [IgG]");
    }

    @Test
    void missingCellAndWrongColumnCountAreNamed() throws IOException {
        assertBadInput(fit("CV, IgG (mg/mL)\n6.0, \n"), "row 2, column 2", "an empty cell");
        assertBadInput(fit("CV, IgG (mg/mL)\n6.0, 1.0, 3\n"), "curve.csv row 2", "3 columns");
    }

    @Test
    void dataBeyondTheSimulatedRangeIsRefused() throws IOException {
        assertBadInput(fit("CV, IgG (mg/mL)\n6.0, 0.5\n45.0, 4.0\n"), "curve.csv row 3, column 1",
                "within the simulated range");
    }

    @Test
    void unknownParameterPathFailsAsSetDoes() throws IOException {
        Path data = dir.resolve("curve.csv");
        Files.writeString(data, "CV, IgG (mg/mL)\n6.0, 0.5\n");
        CliHarness.Outcome o = CliHarness.run(dir, Backends.standard(), "fit", CASE, "--data", data.toString(),
                "--fit", "binding.qmaxx[0]", "--backend", "java");
        assertBadInput(o, "qmaxx");
    }

    @Test
    void parameterWithoutEffectIsNamed() throws IOException {
        // the end of the load (60 min) moves no outlet value before it, and the points end at 28 min
        Path data = dir.resolve("curve.csv");
        Files.writeString(data, "CV, IgG (mg/mL)\n6.48, 0.469\n14.08, 2.345\n");
        CliHarness.Outcome o = CliHarness.run(dir, Backends.standard(), "fit", CASE, "--data", data.toString(),
                "--fit", "binding.qmax_bed[0],inlet[0].until", "--backend", "java");
        assertBadInput(o, "inlet[0].until, which has no effect on the data");
    }

    @Test
    void experimentsFileFitsTwoCurvesJointly() throws IOException {
        Files.copy(CASES.resolve("mabselect-prisma-breakthrough.csv"), dir.resolve("points.csv"));
        Path experiments = dir.resolve("experiments.yaml");
        Files.writeString(experiments, """
                experiments:
                  - name: as_published
                    data: points.csv
                  - name: more_dispersion
                    data: points.csv
                    weight: 0.5
                    set:
                      column.axial_dispersion: 2.0e-7
                      "output.interval": 24 s
                """);
        Path out = dir.resolve("joint.h5");
        CliHarness.Outcome o = CliHarness.run(dir, Backends.standard(), "fit", CASE, "--experiments",
                experiments.toString(), "--fit", "binding.qmax_bed[0]", "-o", out.toString(), "--backend", "java");
        assertEquals(0, o.status(), o.err() + o.out());
        assertTrue(o.out().contains("RMSE as_published") && o.out().contains("RMSE more_dispersion"), o.out());
        try (HdfFile h5 = new HdfFile(out)) {
            assertEquals(2, ((double[]) h5.getDatasetByPath("/fit/rmse").getData()).length);
        }
    }

    @Test
    void experimentsFileWithAnUnknownKeyIsNamed() throws IOException {
        Path experiments = dir.resolve("experiments.yaml");
        Files.writeString(experiments, "experiments:\n  - {name: a, data: curve.csv, flow: 3}\n");
        Files.writeString(dir.resolve("curve.csv"), "CV, IgG (mg/mL)\n6.0, 0.5\n");
        CliHarness.Outcome o = CliHarness.run(dir, Backends.standard(), "fit", CASE, "--experiments",
                experiments.toString(), "--fit", FIT, "--backend", "java");
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("experiments.yaml: experiments[0].flow"), o.err());
    }

    @Test
    void fitThatDoesNotConvergeExitsOneWithTheBestPointWritten() throws IOException {
        Path data = CASES.resolve("mabselect-prisma-breakthrough.csv");
        Path out = dir.resolve("short.h5");
        CliHarness.Outcome o = CliHarness.run(dir, Backends.standard(), "fit", CASE, "--data", data.toString(),
                "--fit", FIT, "-o", out.toString(), "--backend", "java", "--max-iterations", "1");
        assertEquals(1, o.status(), o.err() + o.out());
        assertTrue(o.err().contains("did not converge: no convergence within"), o.err());
        assertTrue(o.out().contains("NOT converged"), o.out());
        try (HdfFile h5 = new HdfFile(out)) {
            assertEquals(0, ((Number) h5.getByPath("/fit").getAttribute("converged").getData()).intValue());
        }
    }

    @Test
    void workedExampleWritesFitPictureAndFittedCase() throws IOException {
        Path data = CASES.resolve("mabselect-prisma-breakthrough.csv");
        Path out = dir.resolve("prisma.h5");
        CliHarness.Outcome o = CliHarness.run(dir, Backends.standard(), "fit", CASE, "--data", data.toString(),
                "--fit", FIT, "-o", out.toString(), "--backend", "java");
        assertEquals(0, o.status(), o.err() + o.out());
        assertTrue(Files.isRegularFile(dir.resolve("prisma.png")));
        Path yaml = dir.resolve("prisma.yaml");
        CliHarness.Outcome again = CliHarness.run(dir, Backends.standard(), "validate", yaml.toString());
        assertEquals(0, again.status(), "the fitted case is a ready case file: " + again.err());
        try (HdfFile h5 = new HdfFile(out)) {
            double[] values = (double[]) h5.getDatasetByPath("/fit/values").getData();
            double[] se = (double[]) h5.getDatasetByPath("/fit/standard_errors").getData();
            for (int q = 0; q < values.length; q++) {
                assertTrue(se[q] / values[q] < EXAMPLE_RELATIVE_SE, "relative se " + se[q] / values[q]);
            }
            assertEquals(3, ((double[][]) h5.getDatasetByPath("/fit/curves/mabselect-prisma-breakthrough/measured")
                    .getData()).length);
            assertFalse(h5.getAttribute("case").getData().toString().isEmpty());
        }
    }
}
