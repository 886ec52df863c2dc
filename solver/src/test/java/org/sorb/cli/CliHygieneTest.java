package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure is one {@code error:} line (the stack trace only with --debug); -o is checked before any work. */
class CliHygieneTest {
    @TempDir
    Path work;

    private final AtomicInteger simulations = new AtomicInteger();

    /** A fake java backend that counts its simulations. */
    private Backends counting() {
        return new Backends(List.of(new FakeBackendProvider("java", null, c -> {
            simulations.incrementAndGet();
            return SorbCliTest.resultFor(c.nComp());
        })));
    }

    private CliHarness.Outcome sorb(Backends backends, String... args) {
        return CliHarness.run(work, backends, args);
    }

    private static String validCase() {
        return SorbCliTest.resource("cli/valid-linear.yaml").toString();
    }

    private static Path treatmentCase() {
        return Path.of(System.getProperty("sorb.repoRoot", ".")).toAbsolutePath().normalize()
                .resolve("cases/immunoadsorption-antigen-specific.yaml");
    }

    private Path binaryCase() throws IOException {
        return Files.write(work.resolve("binary.yaml"), new byte[] {'P', 'K', 3, 4, 0, 0, (byte) 0xFF});
    }

    @Test
    void aBinaryCaseIsOneErrorLineAndExit2() throws IOException {
        Path file = binaryCase();
        CliHarness.Outcome o = sorb(counting(), "run", file.toString(), "-o", "out.h5");
        assertEquals(2, o.status(), o.err());
        assertEquals("error: (file): got a binary file (NUL byte at offset 4, line 1) in " + file + ", expected a "
                + "YAML case file: UTF-8 text of at most 1048576 bytes (1 MiB)\n", o.err());
    }

    @Test
    void debugAddsTheStackTraceBeforeOrAfterTheCommand() throws IOException {
        Path file = binaryCase();
        for (List<String> args : List.of(List.of("--debug", "run", file.toString()),
                List.of("run", "--debug", file.toString()), List.of("validate", file.toString(), "--debug"))) {
            CliHarness.Outcome o = sorb(counting(), args.toArray(new String[0]));
            assertEquals(2, o.status(), args.toString());
            assertTrue(o.err().startsWith("error: (file): got a binary file"), o.err());
            assertTrue(o.err().contains("\tat org.sorb.cases.CaseText."), args + ": " + o.err());
        }
    }

    @Test
    void anInternalErrorIsOneLineThatPointsToDebug() {
        Backends overflowing = new Backends(List.of(new FakeBackendProvider("java", null, c -> {
            throw new StackOverflowError();
        })));
        CliHarness.Outcome o = sorb(overflowing, "run", validCase(), "-o", "out.h5");
        assertEquals(1, o.status());
        assertTrue(o.err().endsWith("\nerror: internal error: StackOverflowError" + Failures.DEBUG_HINT + "\n"),
                o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        CliHarness.Outcome debug = sorb(overflowing, "run", validCase(), "-o", "out.h5", "--debug");
        assertTrue(debug.err().contains("java.lang.StackOverflowError\n\tat "), debug.err());
    }

    @Test
    void anOutputInAMissingFolderExits2NamingOptionOBeforeSimulating() throws IOException {
        CliHarness.Outcome run = sorb(counting(), "run", validCase(), "-o", "nodir/x.h5");
        assertEquals(2, run.status());
        assertEquals("error: -o " + work.resolve("nodir/x.h5") + ": the folder " + work.resolve("nodir")
                + " does not exist\n", run.err());
        CliHarness.Outcome treat = sorb(counting(), "treat", treatmentCase().toString(), "-o", "nodir/x.h5");
        assertEquals(2, treat.status(), treat.err());
        assertTrue(treat.err().startsWith("error: -o " + work.resolve("nodir/x.h5") + ": the folder "), treat.err());
        assertEquals(0, simulations.get());
        assertEquals(List.of(), listing(work));
    }

    @Test
    void plotChecksItsOutputToo() throws IOException {
        assertEquals(0, sorb(counting(), "run", validCase(), "-o", "r.h5").status());
        CliHarness.Outcome plot = sorb(counting(), "plot", "r.h5", "-o", "nodir/r.png");
        assertEquals(2, plot.status(), plot.err());
        assertTrue(plot.err().startsWith("error: -o " + work.resolve("nodir/r.png") + ": the folder "), plot.err());
        assertEquals(List.of(work.resolve("r.h5")), listing(work));
    }

    @Test
    void anOutputThatIsAFolderOrADeviceExits2() throws IOException {
        Files.createDirectory(work.resolve("sub"));
        CliHarness.Outcome folder = sorb(counting(), "run", validCase(), "-o", "sub");
        assertEquals(2, folder.status());
        assertTrue(folder.err().contains("-o " + work.resolve("sub") + ": is a directory"), folder.err());
        CliHarness.Outcome device = sorb(counting(), "run", validCase(), "-o", "/dev/null");
        assertEquals(2, device.status());
        assertTrue(device.err().contains("-o /dev/null: exists and is not a regular file"), device.err());
        assertEquals(0, simulations.get());
        assertTrue(Files.exists(Path.of("/dev/null")));
    }

    @Test
    void anUnwritableFolderExits2BeforeSimulating() throws Exception {
        Path locked = Files.createDirectory(work.resolve("locked"));
        boolean immutable = lock(locked);
        try {
            for (String command : List.of("run", "treat")) {
                String file = command.equals("run") ? validCase() : treatmentCase().toString();
                CliHarness.Outcome o = sorb(counting(), command, file, "-o", "locked/x.h5");
                assertEquals(2, o.status(), command + ": " + o.err());
                assertTrue(o.err().startsWith("error: -o " + locked.resolve("x.h5") + ": cannot write in the folder "
                        + locked + " ("), o.err());
                assertEquals(1, o.err().lines().count(), o.err());
            }
            assertEquals(0, simulations.get());
            assertEquals(List.of(), listing(locked));
        } finally {
            unlock(locked, immutable);
        }
    }

    /**
     * Takes write permission from {@code dir}; as root, which permission bits do not stop, also makes it immutable
     * ({@code chattr +i}). Returns whether it did; skips the test where neither stops a write.
     */
    private static boolean lock(Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!writable(dir)) {
            return false;
        }
        boolean immutable = chattr("+i", dir);
        Assumptions.assumeTrue(immutable && !writable(dir), "no way to make a folder unwritable here");
        return true;
    }

    private static void unlock(Path dir, boolean immutable) throws Exception {
        if (immutable) {
            chattr("-i", dir);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean writable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean chattr(String flag, Path dir) throws Exception {
        try {
            Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
