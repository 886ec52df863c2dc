package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.io.Fixtures;
import org.sorb.io.ResultFile;
import org.sorb.io.ResultReader;
import org.sorb.io.SweepResultFile;
import org.sorb.io.SweepResultReader;
import org.sorb.model.MassBalance;
import org.sorb.model.SimulationResult;

class SorbCliTest {
    @TempDir
    Path work;

    /** Backends whose only member, a fake "java", succeeds with a synthetic result. */
    private static Backends working() {
        return new Backends(List.of(new FakeBackendProvider("java", null, c -> resultFor(c.nComp()))));
    }

    /** A synthetic result sized for {@code nComp} components. */
    static SimulationResult resultFor(int nComp) {
        SimulationResult r = Fixtures.result(false);
        if (nComp == r.nComp()) {
            return r;
        }
        double[] time = r.time();
        double[] outlet = new double[time.length * nComp];
        double[] zeros = new double[nComp];
        return new SimulationResult(time, outlet, nComp,
                new MassBalance(zeros, zeros, zeros, 1e-10), null, r.stats());
    }

    static Path resource(String name) {
        try {
            return Path.of(SorbCliTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private CliHarness.Outcome sorb(Backends backends, String... args) {
        return CliHarness.run(work, backends, args);
    }

    private CliHarness.Outcome sorb(String... args) {
        return sorb(Backends.standard(), args);
    }

    private List<Path> workListing() throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            return s.sorted().toList();
        }
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        CliHarness.Outcome o = sorb();
        assertEquals(2, o.status());
        assertTrue(o.err().contains("Usage: sorb"), o.err());
    }

    @Test
    void versionAndHelpExit0() {
        CliHarness.Outcome v = sorb("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("sorb "), v.out());
        CliHarness.Outcome h = sorb("run", "--help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("--backend"), h.out());
    }

    @Test
    void usageErrorsExit2WithOneErrorLine() {
        CliHarness.Outcome unknownOption = sorb("run", "x.yaml", "--frobnicate");
        assertEquals(2, unknownOption.status());
        assertTrue(unknownOption.err().startsWith("error: Unknown option: '--frobnicate'"), unknownOption.err());
        assertTrue(unknownOption.err().contains("sorb run --help"), unknownOption.err());

        CliHarness.Outcome missingCase = sorb("validate");
        assertEquals(2, missingCase.status());
        assertTrue(missingCase.err().startsWith("error: Missing required parameter"), missingCase.err());

        CliHarness.Outcome unknownCommand = sorb("simulate");
        assertEquals(2, unknownCommand.status());
        assertTrue(unknownCommand.err().startsWith("error: Unmatched argument"), unknownCommand.err());
    }

    @Test
    void aMissingCaseFileExits2NamingThePath() {
        for (String command : List.of("run", "validate")) {
            CliHarness.Outcome o = sorb(command, "nowhere/absent.yaml");
            assertEquals(2, o.status(), command);
            assertEquals("error: case file not found: " + work.resolve("nowhere/absent.yaml") + "\n", o.err());
        }
    }

    @Test
    void validatePrintsASummaryOfAValidCase() {
        CliHarness.Outcome o = sorb("validate", resource("cli/valid-linear.yaml").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("components:  A"), o.out());
        assertTrue(o.out().contains("general_rate, binding linear (kinetic)"), o.out());
        assertTrue(o.out().contains("16 axial x 4 particle shells"), o.out());
        assertTrue(o.out().contains("0 to 1500 s, 2 inlet sections"), o.out());
        assertTrue(o.out().contains("eps_c = 0.37"), o.out());
        assertTrue(o.out().endsWith("valid\n"), o.out());
        assertEquals("", o.err());
    }

    @Test
    void validateResolvesRelativePathsAgainstTheWorkingDirectory() throws IOException {
        Files.copy(resource("cli/valid-linear.yaml"), work.resolve("here.yaml"));
        assertEquals(0, sorb("validate", "here.yaml").status());
    }

    @Test
    void anOverrideThatBreaksTheCaseExits2NamingTheField() {
        CliHarness.Outcome o = sorb("validate", resource("cli/valid-linear.yaml").toString(),
                "--set", "particle.porosity=1.5");
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("error: ") && o.err().contains("particle.porosity"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    @Test
    void aMalformedOverrideExits2() {
        CliHarness.Outcome o = sorb("validate", resource("cli/valid-linear.yaml").toString(), "--set", "column.length");
        assertEquals(2, o.status());
        assertEquals("error: --set expects key.path=value, got 'column.length'\n", o.err());
    }

    @Test
    void devicesListsTheJavaPathAndTheMissingOpenClBackend() {
        CliHarness.Outcome o = sorb(OpenClHooks.with(OpenClHooks.none("no ICD")), "devices");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("java: available"), o.out());
        assertTrue(o.out().contains(Runtime.getRuntime().availableProcessors() + " cores"), o.out());
        assertTrue(o.out().contains("opencl: unavailable: no OpenCL platform: no ICD"), o.out());
        assertTrue(o.out().contains("--backend auto uses: java"), o.out());
    }

    @Test
    void runWritesTheResultUnderTheCaseNameAndPrintsASummary() throws IOException {
        CliHarness.Outcome o = sorb(working(), "run", resource("cli/valid-linear.yaml").toString());
        assertEquals(0, o.status(), o.err());
        Path out = work.resolve("valid-linear.h5");
        assertEquals(List.of(out), workListing());
        assertTrue(o.out().contains("wrote " + out), o.out());
        assertTrue(o.out().contains("mass balance: relative error 1.00e-10"), o.out());
        assertTrue(o.out().contains("steps: 120 accepted, 7 rejected"), o.out());
        assertTrue(o.out().contains("wall time: 1.25 s on java"), o.out());
        List<String> progress = o.err().lines().toList();
        assertEquals(10, progress.size(), o.err());
        assertTrue(progress.get(3).startsWith("[sorb] 40% t=600 s ("), o.err());
        assertTrue(progress.get(9).startsWith("[sorb] 100% t=1500 s ("), o.err());

        ResultFile file = ResultReader.read(out);
        assertEquals(List.of("A"), file.components());
        assertEquals("java", file.attribute("backend"));
        assertEquals(resource("cli/valid-linear.yaml").toString(), file.attribute("case_source"));
        assertTrue(file.attribute("case").contains("valid-linear"), file.attribute("case"));
    }

    @Test
    void runHonoursOutputOptionRelativeToTheWorkingDirectory() throws IOException {
        Files.createDirectory(work.resolve("results"));
        CliHarness.Outcome o = sorb(working(), "run", resource("cli/valid-linear.yaml").toString(),
                "-o", "results/x.h5", "--backend", "java");
        assertEquals(0, o.status(), o.err());
        assertTrue(Files.isRegularFile(work.resolve("results/x.h5")));
    }

    @Test
    void runIntoAMissingDirectoryExits2BeforeSimulating() throws IOException {
        CliHarness.Outcome o = sorb(working(), "run", resource("cli/valid-linear.yaml").toString(),
                "-o", "nodir/x.h5");
        assertEquals(2, o.status());
        assertEquals("error: -o " + work.resolve("nodir/x.h5") + ": the folder " + work.resolve("nodir")
                + " does not exist\n", o.err());
        assertEquals(List.of(), workListing());
    }

    @Test
    void aFailingSimulationExits1AndWritesNothing() throws IOException {
        Backends failing = new Backends(List.of(new FakeBackendProvider("java", null, c -> {
            throw new ArithmeticException("Newton iteration diverged at t=12 s");
        })));
        CliHarness.Outcome o = sorb(failing, "run", resource("cli/valid-linear.yaml").toString(), "-o", "out.h5");
        assertEquals(1, o.status());
        assertTrue(o.err().endsWith("error: simulation failed on the java backend: "
                + "ArithmeticException: Newton iteration diverged at t=12 s\n"), o.err());
        assertEquals(List.of(), workListing());
    }

    @Test
    void openClExits1WithAClearMessage() throws IOException {
        CliHarness.Outcome o = sorb(OpenClHooks.with(OpenClHooks.none("no ICD")), "run",
                resource("cli/valid-linear.yaml").toString(), "--backend", "opencl", "-o", "out.h5");
        assertEquals(1, o.status());
        assertEquals("error: opencl backend not available: no OpenCL platform: no ICD\n", o.err());
        assertEquals(List.of(), workListing());
    }

    @Test
    void openClForATreatmentExits1WithTheSameMessage() throws IOException {
        Path session = Path.of(System.getProperty("sorb.repoRoot", ".")).toAbsolutePath()
                .resolve("cases/immunoadsorption-protein-a-session.yaml");
        for (String command : List.of("treat", "run")) {
            CliHarness.Outcome o = sorb(OpenClHooks.with(OpenClHooks.none("no ICD")), command, session.toString(),
                    "--backend", "opencl", "-o", "out.h5");
            assertEquals(1, o.status(), o.err());
            assertTrue(o.err().endsWith("error: opencl backend not available: no OpenCL platform: no ICD\n"), o.err());
            assertEquals(List.of(), workListing());
        }
    }

    @Test
    void anUnknownBackendExits2() {
        CliHarness.Outcome o = sorb("run", resource("cli/valid-linear.yaml").toString(), "--backend", "cuda");
        assertEquals(2, o.status());
        assertEquals("error: unknown backend 'cuda', expected one of auto, opencl, java\n", o.err());
    }

    @Test
    void autoSaysWhenItFallsBack() throws IOException {
        Backends backends = new Backends(List.of(new FakeBackendProvider("opencl", "no platform found", null),
                new FakeBackendProvider("java", null, c -> resultFor(c.nComp()))));
        CliHarness.Outcome o = sorb(backends, "run", resource("cli/valid-linear.yaml").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().startsWith("note: opencl unavailable (no platform found); using the java backend\n"),
                o.err());
    }

    /** The coarse Langmuir sweep case with {@code sweep} as its sweep section, written to the working directory. */
    private Path sweepCase(String sweep) throws IOException {
        String text = Files.readString(resource("sweeps/grid-langmuir.yaml"));
        Path file = work.resolve("sweep.yaml");
        Files.writeString(file, text.substring(0, text.indexOf("sweep:")) + sweep);
        return file;
    }

    @Test
    void aOneMillisecondWallBudgetStopsASingleRunWithExit1AndNoFile() throws IOException {
        long started = System.nanoTime();
        CliHarness.Outcome o = sorb("run", resource("cli/valid-linear.yaml").toString(), "--backend", "java",
                "--max-wall", "1 ms", "-o", "out.h5");
        double seconds = (System.nanoTime() - started) * 1e-9;
        assertEquals(1, o.status(), o.err());
        String last = o.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("error: simulation failed on the java backend: wall-clock budget of 1 ms exhausted "
                + "at simulated t = "), o.err());
        assertTrue(last.endsWith(" s of 1500 s"), o.err());
        assertEquals(List.of(), workListing());
        assertTrue(seconds < 5.0, "stopped after " + seconds + " s");
    }

    @Test
    void aMalformedWallBudgetExits2() {
        for (String bad : List.of("2x", "5 cm", "0", "-1 h", "soon")) {
            CliHarness.Outcome o = sorb(working(), "run", resource("cli/valid-linear.yaml").toString(),
                    "--max-wall", bad);
            assertEquals(2, o.status(), bad + ": " + o.err());
            assertTrue(o.err().startsWith("error: --max-wall: got " + bad), o.err());
            assertTrue(o.err().contains("a time > 0"), o.err());
        }
        assertEquals(0, sorb(working(), "run", resource("cli/valid-linear.yaml").toString(), "--max-wall", "2h",
                "-o", "x.h5").status());
    }

    @Test
    void aSweepWithAFailedDesignWritesTheOthersListsTheFailureAndExits1() throws IOException {
        Path file = sweepCase("sweep:\n  parameters:\n    solver.max_steps: [1000000, 2, 1000000]\n");
        CliHarness.Outcome o = sorb("run", file.toString(), "--backend", "java", "--threads", "2", "-o", "s.h5");
        assertEquals(1, o.status(), o.err());
        assertTrue(o.out().contains("failed: 1 of 3 designs (/sweep/failed, /sweep/failure_reason; their outlet rows "
                + "are NaN)\n  design 1 (solver.max_steps = 2.0): step budget of 2 step attempts (solver.max_steps) "
                + "exhausted at simulated t = "), o.out());
        assertTrue(o.out().contains("mass balance: worst relative error"), o.out());
        Path out = work.resolve("s.h5");
        assertTrue(o.err().endsWith("error: 1 of 3 designs failed (first: design 1); the results of the others are in "
                + out + "\n"), o.err());
        SweepResultFile f = SweepResultReader.read(out);
        assertArrayEquals(new boolean[] {false, true, false}, f.failed());
        assertTrue(f.failureReasons().get(1).startsWith("step budget of 2 step attempts"), f.failureReasons().get(1));
        assertArrayEquals(f.outlet()[0][f.time().length - 1], f.outlet()[2][f.time().length - 1], 0.0);
    }

    @Test
    void aWallBudgetSpentBeforeASweepStartsFailsEveryDesignButWritesTheFile() throws IOException {
        Path file = sweepCase("sweep:\n  parameters:\n    binding.qmax[0]: [80, 100, 120, 140, 160, 180, 200]\n");
        CliHarness.Outcome o = sorb("run", file.toString(), "--backend", "java", "--threads", "1", "--max-wall", "1ms",
                "-o", "s.h5");
        assertEquals(1, o.status(), o.err());
        assertTrue(o.out().contains("failed: 7 of 7 designs"), o.out());
        assertTrue(o.out().contains("  design 4 (binding.qmax[0] = 160.0): wall-clock budget of 1 ms exhausted at "
                + "simulated t = 0 s of 480 s\n  ... and 2 more\n"), o.out());
        assertFalse(o.out().contains("mass balance"), "no design finished: " + o.out());
        SweepResultFile f = SweepResultReader.read(work.resolve("s.h5"));
        assertEquals(7, f.failedCount());
    }
}
