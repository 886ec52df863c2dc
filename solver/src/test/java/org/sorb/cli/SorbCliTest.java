package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
