package org.sorb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive (scripts/cds.sh): {@code ./sorb} makes it once per jar, uses it afterwards, and
 * runs just the same, silently, when it is missing, damaged, stale or cannot be made. The real launcher runs in a
 * copy of the repository's layout whose jar is {@link LauncherProbe} (sorb.jar itself is built after the tests).
 */
class LauncherArchiveTest {
    private static final Path REPO = Path.of(System.getProperty("sorb.repoRoot", "..")).toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path root;
    private Path jar;
    private Path jsa;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(root.resolve("scripts"));
        Files.createDirectories(root.resolve("solver/target"));
        Files.createDirectories(root.resolve("cases"));
        Path launcher = Files.copy(REPO.resolve("sorb"), root.resolve("sorb"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String script : new String[] {"toolchain.sh", "cds.sh"}) {
            Files.copy(REPO.resolve("scripts").resolve(script), root.resolve("scripts").resolve(script));
        }
        Files.writeString(root.resolve("cases/protein-a-igg-breakthrough.yaml"), "name: training\n");
        Files.setLastModifiedTime(Files.writeString(root.resolve("pom.xml"), "<project/>\n"), secondsAgo(3600));
        jar = root.resolve("solver/target/sorb.jar");
        writeProbeJar(jar, 600);
        jsa = root.resolve("solver/target/sorb.jsa");
    }

    @Test
    void theFirstRunMakesTheArchiveAndUsesIt() throws Exception {
        Run first = sorb(Map.of(), "run", "a b.yaml");
        assertEquals(0, first.exit(), first.err());
        assertEquals("probe run a b.yaml | archive -XX:SharedArchiveFile=" + jsa + "\n", first.out());
        assertTrue(first.err().contains("making the class-data archive"), first.err());
        assertTrue(Files.size(jsa) > 0 && Files.isRegularFile(root.resolve("solver/target/sorb.jsa.key")));

        Run second = sorb(Map.of(), "run", "x");
        assertEquals(new Run(0, "probe run x | archive -XX:SharedArchiveFile=" + jsa + "\n", ""), second);
        assertEquals(new Run(0, "probe x | archive none\n", ""), sorb(Map.of("SORB_CDS", "0"), "x"));
    }

    @Test
    void aDamagedArchiveIsIgnoredSilently() throws Exception {
        assertEquals(0, sorb(Map.of(), "x").exit());
        byte[] garbage = new byte[100_000];
        new java.util.Random(1).nextBytes(garbage);
        Files.delete(jsa);
        Files.write(jsa, garbage);
        assertEquals(new Run(0, "probe y | archive -XX:SharedArchiveFile=" + jsa + "\n", ""), sorb(Map.of(), "y"));
        Files.delete(jsa);
        Files.write(jsa, new byte[] {1, 2, 3});
        assertEquals(new Run(0, "probe z | archive -XX:SharedArchiveFile=" + jsa + "\n", ""), sorb(Map.of(), "z"));
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndAMissingOneIsRemade() throws Exception {
        assertEquals(0, sorb(Map.of(), "x").exit());
        for (String file : new String[] {"sorb.jsa", "sorb.jsa.key"}) {
            Files.setLastModifiedTime(root.resolve("solver/target").resolve(file), secondsAgo(500));
        }
        writeProbeJar(jar, 300);
        Run rebuilt = sorb(Map.of(), "x");
        assertEquals("probe x | archive -XX:SharedArchiveFile=" + jsa + "\n", rebuilt.out());
        assertTrue(rebuilt.err().contains("making the class-data archive"), rebuilt.err());
        assertEquals(new Run(0, "probe x | archive -XX:SharedArchiveFile=" + jsa + "\n", ""), sorb(Map.of(), "x"));
        Files.delete(jsa);
        Run remade = sorb(Map.of(), "x");
        assertEquals(0, remade.exit(), remade.err());
        assertTrue(Files.isRegularFile(jsa), remade.err());
    }

    @Test
    void anArchiveThatCannotBeMadeIsTriedOncePerJar() throws Exception {
        Run failed = sorb(Map.of("SORB_PROBE_FAIL_TRAINING", "1"), "x");
        assertEquals(new Run(0, "probe x | archive none\n", failed.err()), failed);
        assertTrue(failed.err().contains("no class-data archive"), failed.err());
        assertFalse(Files.exists(jsa));
        assertEquals(new Run(0, "probe x | archive none\n", ""), sorb(Map.of(), "x"));
        assertFalse(Files.exists(jsa));
    }

    @Test
    void aLauncherWhoseArchiveIsNotItsOwnJavasRemakesIt() throws Exception {
        assertEquals(0, sorb(Map.of(), "x").exit());
        Path key = root.resolve("solver/target/sorb.jsa.key");
        Files.writeString(key, "/some/other/java|1.0|" + jar + "\n");
        Run other = sorb(Map.of(), "x");
        assertEquals("probe x | archive -XX:SharedArchiveFile=" + jsa + "\n", other.out());
        assertTrue(other.err().contains("making the class-data archive"), other.err());
        assertFalse(Files.readString(key).startsWith("/some/other/java"));
    }

    /** Runs the launcher copy with the test's java first on PATH and no JAVA_OPTS, SORB_JAVA_OPTS or SORB_CDS. */
    private Run sorb(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("sorb").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> e = pb.environment();
        for (String name : new String[] {"JAVA_OPTS", "SORB_JAVA_OPTS", "SORB_CDS", "LD_PRELOAD"}) {
            e.remove(name);
        }
        e.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + e.getOrDefault("PATH", "/usr/bin:/bin"));
        e.putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("./sorb timed out:\n" + Files.readString(err));
        }
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private static FileTime secondsAgo(long seconds) {
        return FileTime.fromMillis(System.currentTimeMillis() - 1000 * seconds);
    }

    /** A jar whose main class is {@link LauncherProbe}, last modified {@code age} seconds ago. */
    private static void writeProbeJar(Path target, long age) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        Files.deleteIfExists(target);
        try (OutputStream os = Files.newOutputStream(target); JarOutputStream jos = new JarOutputStream(os, manifest);
             InputStream in = LauncherProbe.class.getResourceAsStream("/" + entry)) {
            jos.putNextEntry(new JarEntry(entry));
            in.transferTo(jos);
            jos.closeEntry();
        }
        Files.setLastModifiedTime(target, secondsAgo(age));
    }
}
