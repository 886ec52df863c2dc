package org.sorb.treatment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.cli.Backends;
import org.sorb.cli.SorbCli;
import picocli.CommandLine;

/**
 * {@code sorb run} on treatment cases, in-process: results and plots (bad cases: malformed-treatment/, run by
 * org.sorb.cli.MalformedCorpusTest).
 */
class TreatmentCliTest {
    record Outcome(int status, String out, String err) {
    }

    static Outcome cli(Path workingDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SorbCli.commandLine(new SorbCli(workingDir, Backends.standard(), false));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void runWritesACompleteTreatmentResultAndPlotDrawsIt(@TempDir Path dir) throws IOException {
        Path caseFile = TreatmentFixtures.caseFile("immunoadsorption-antigen-specific.yaml");
        Outcome o = cli(dir, "run", caseFile.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("waited"), "the one-column loop reports its waits: " + o.err());
        assertTrue(o.err().contains("cycle 1, column 1"), "progress per cycle: " + o.err());
        Path h5 = dir.resolve("immunoadsorption-antigen-specific.h5");
        try (HdfFile f = new HdfFile(h5)) {
            double[] t = (double[]) f.getDatasetByPath("/patient/time").getData();
            double[] v = (double[]) f.getDatasetByPath("/patient/processed_plasma_volume").getData();
            double[][] c = (double[][]) f.getDatasetByPath("/patient/concentration").getData();
            assertEquals(t.length, v.length);
            assertEquals(t.length, c.length);
            assertEquals(2, c[0].length);
            assertArrayEquals(new String[] {"IgG", "AutoAb"}, (String[]) f.getByPath("/patient").getAttribute("species")
                    .getData());
            double[][] eluted = (double[][]) f.getDatasetByPath("/columns/eluted").getData();
            assertTrue(eluted.length >= 2);
            // plasma carries 500 times more IgG than autoantibody; the eluate holds more autoantibody than IgG
            assertTrue(eluted[0][1] > eluted[0][0], "the antigen column elutes mainly the autoantibody: "
                    + eluted[0][1] + " vs IgG " + eluted[0][0]);
            double[] waits = (double[]) f.getDatasetByPath("/columns/wait_before").getData();
            assertTrue(waits[1] > 0, "one column: the loop waits for its regeneration");
            double[] red = (double[]) f.getAttribute("reduction_session_1").getData();
            assertTrue(red[1] > 0.6 && red[0] < 0.02, "autoantibody removed, IgG kept: " + red[0] + ", " + red[1]);
            double err = (Double) f.getByPath("/mass_balance").getAttribute("relative_error").getData();
            assertTrue(err <= 1e-8, "mass balance " + err);
            for (String name : List.of("initial", "patient", "lines", "columns", "eluate", "synthesized",
                    "catabolized")) {
                assertEquals(2, ((double[]) f.getDatasetByPath("/mass_balance/" + name).getData()).length);
            }
            assertTrue(f.getAttribute("case").getData().toString().contains("patient:"));
        }
        Outcome p = cli(dir, "plot", h5.toString(), "-o", "fig.png");
        assertEquals(0, p.status(), p.err());
        Path png = dir.resolve("fig.png");
        assertTrue(Files.size(png) > 10_000, "a picture was drawn");
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    @Test
    void plotDrawsColumnOutletCurvesToo(@TempDir Path dir) throws IOException {
        Path caseFile = TreatmentFixtures.repo().resolve("cases/igg-subclasses-competitive-langmuir.yaml");
        Outcome o = cli(dir, "run", caseFile.toString(), "--backend", "java", "--set",
                "discretization.axial_cells=12", "-o", "col.h5");
        assertEquals(0, o.status(), o.err());
        Outcome p = cli(dir, "plot", "col.h5");
        assertEquals(0, p.status(), p.err());
        assertTrue(Files.size(dir.resolve("col.png")) > 10_000);
    }

    @Test
    void treatRefusesAColumnCase(@TempDir Path dir) {
        Path caseFile = TreatmentFixtures.repo().resolve("cases/igg-subclasses-competitive-langmuir.yaml");
        Outcome o = cli(dir, "treat", caseFile.toString());
        assertEquals(2, o.status(), o.err());
    }

    /** The coarse protein A session with {@code extra} overrides, as command-line arguments after the case file. */
    private static String[] session(String command, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(command,
                TreatmentFixtures.caseFile("immunoadsorption-protein-a-session.yaml").toString(), "-o", "out.h5"));
        for (String o : TreatmentFixtures.COARSE) {
            args.add("--set");
            args.add(o);
        }
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    @Test
    void aSpentWallBudgetStopsATreatmentWithExit1AndNoFile(@TempDir Path dir) {
        for (String command : List.of("run", "treat")) {
            Outcome o = cli(dir, session(command, "--max-wall", "1ms"));
            assertEquals(1, o.status(), o.err());
            assertTrue(o.err().contains("error: treatment simulation failed: wall-clock budget of 1 ms exhausted at "
                    + "simulated t = 0 s\n"), o.err());
            assertFalse(Files.exists(dir.resolve("out.h5")), command);
        }
    }

    /** The backend of a short coarse session as its result file records it, with the stdout summary. */
    private static String backendOf(Path dir, String... backend) throws IOException {
        List<String> extra = new java.util.ArrayList<>(List.of("--set", "schedule.plasma_volumes=0.2"));
        extra.addAll(List.of(backend));
        Outcome o = cli(dir, session("treat", extra.toArray(new String[0])));
        assertEquals(0, o.status(), o.err());
        try (HdfFile f = new HdfFile(dir.resolve("out.h5"))) {
            String name = f.getAttribute("backend").getData().toString();
            assertTrue(o.out().contains("wall time: ") && o.out().contains(" s on " + name + " ("), o.out());
            assertTrue(f.getAttribute("backend_description").getData().toString().length() > 0);
            double err = (Double) f.getByPath("/mass_balance").getAttribute("relative_error").getData();
            assertTrue(err <= 1e-8, name + ": mass balance " + err);
            return name;
        }
    }

    @Test
    void autoKeepsTheJavaPathForATreatment(@TempDir Path dir) throws IOException {
        assertEquals("java", backendOf(dir));
    }

    @Test
    void treatOnOpenClAdvancesTheColumnsThereAndRecordsIt(@TempDir Path dir) throws IOException {
        org.sorb.backend.opencl.OpenClTestSupport.requirePlatform();
        assertEquals("opencl", backendOf(dir, "--backend", "opencl"));
    }

    @Test
    void treatRefusesAnUnknownBackend(@TempDir Path dir) {
        Outcome o = cli(dir, session("treat", "--backend", "cuda"));
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("unknown backend 'cuda'"), o.err());
    }

    @Test
    void thePatientStepsTogetherHaveTheStepBudget(@TempDir Path dir) {
        // a short session, then a day of 1-minute rest steps: more patient steps than solver.max_steps
        Outcome o = cli(dir, session("treat", "--set", "schedule.plasma_volumes=0.2", "--set", "schedule.follow_up=1 d",
                "--set", "schedule.rest_step=1 min", "--set", "solver.max_steps=1000"));
        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().contains("error: treatment simulation failed: patient step budget of 1000 steps "
                + "(solver.max_steps) exhausted at simulated t = "), o.err());
        assertTrue(o.err().contains(" s of 86400 s\n"), o.err());
        assertFalse(Files.exists(dir.resolve("out.h5")));
    }
}
