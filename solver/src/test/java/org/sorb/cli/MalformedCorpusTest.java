package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.cases.CaseText;

/**
 * Every file of the malformed corpus through the real CLI ({@code sorb run}): exit 2, one {@code error:} line that
 * names the declared field (and value), no stack trace, nothing left in the output folder, under
 * {@link #MAX_SECONDS_PER_FILE} each.
 *
 * <p>The corpus is the folders {@link #FOLDERS} (each file starts with {@code # field: F} and may declare
 * {@code # value: V}, text the message must contain) and the files made here, which cannot be stored as such: one
 * over the size limit, an empty one, UTF-16 text, random bytes and a gzipped case.
 */
class MalformedCorpusTest {
    /** Test-resource folders of the corpus. */
    static final List<String> FOLDERS = List.of("malformed", "malformed-treatment", "malformed-input");
    /** The corpus must hold at least this many files. */
    static final int MIN_FILES = 60;
    /** Longest a bad file may take from the command line to its error, in seconds. */
    static final double MAX_SECONDS_PER_FILE = 2.0;

    @TempDir
    Path dir;

    /** One corpus file and what its error must say. */
    record Entry(Path file, String field, String value) {
    }

    @Test
    void everyFileExits2NamingItsFieldWithNothingWrittenAndNoStackTrace(TestReporter reporter) throws IOException {
        List<Entry> corpus = corpus();
        assertTrue(corpus.size() >= MIN_FILES, corpus.size() + " files, expected at least " + MIN_FILES);
        List<Executable> checks = new ArrayList<>();
        double worst = 0.0;
        String slowest = "";
        for (int i = 0; i < corpus.size(); i++) {
            Entry e = corpus.get(i);
            Path out = Files.createDirectory(dir.resolve("out-" + i));
            long started = System.nanoTime();
            CliHarness.Outcome o = CliHarness.run(out, Backends.standard(), "run", e.file().toString(), "-o",
                    out.resolve("result.h5").toString());
            double seconds = (System.nanoTime() - started) * 1e-9;
            if (seconds > worst) {
                worst = seconds;
                slowest = e.file().getFileName().toString();
            }
            List<Path> left = listing(out);
            String name = e.file().getFileName() + ": ";
            checks.add(() -> assertEquals(2, o.status(), name + o.err()));
            checks.add(() -> assertTrue(o.err().startsWith("error: ") && o.err().lines().count() == 1,
                    name + "one error line expected: " + o.err()));
            checks.add(() -> assertTrue(o.err().contains(e.field()), name + "field " + e.field() + " missing: "
                    + o.err()));
            checks.add(() -> assertTrue(e.value() == null || o.err().contains(e.value()), name + "value "
                    + e.value() + " missing: " + o.err()));
            checks.add(() -> assertFalse(o.err().contains("\tat ") || o.err().contains("Exception"),
                    name + "stack trace or exception name: " + o.err()));
            checks.add(() -> assertEquals(List.of(), left, name + "left in the output folder"));
            checks.add(() -> assertTrue(seconds < MAX_SECONDS_PER_FILE, name + seconds + " s"));
        }
        reporter.publishEntry("corpus", corpus.size() + " files, worst " + String.format("%.3f s", worst) + " ("
                + slowest + ")");
        assertAll(checks);
    }

    /** The corpus: the resource folders' files and the generated ones. */
    private List<Entry> corpus() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(SorbCliTest.resource(folder))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    out.add(declared(f));
                }
            }
        }
        out.addAll(generated());
        return out;
    }

    /** A resource file with its {@code # field:} and optional {@code # value:} header. */
    private static Entry declared(Path file) throws IOException {
        String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "");
        List<String> lines = head.lines().limit(3).toList();
        assertTrue(lines.get(0).startsWith("# field: "), file + " must start with '# field: <field>'");
        String field = lines.get(0).substring("# field: ".length()).strip();
        String value = lines.size() > 1 && lines.get(1).startsWith("# value: ")
                ? lines.get(1).substring("# value: ".length()).strip() : null;
        return new Entry(file, field, value);
    }

    /** Files that cannot be stored in the repository as they are (too large, or not text at all). */
    private List<Entry> generated() throws IOException {
        Path gen = Files.createDirectory(dir.resolve("generated"));
        byte[] valid = Files.readAllBytes(SorbCliTest.resource("cli/valid-linear.yaml"));
        List<Entry> out = new ArrayList<>();
        byte[] big = new byte[CaseText.MAX_BYTES + 1];
        Arrays.fill(big, (byte) '#');
        System.arraycopy(valid, 0, big, 0, valid.length);
        big[valid.length] = '\n';
        out.add(new Entry(Files.write(gen.resolve("oversized.yaml"), big), CaseText.FIELD,
                "a file of " + big.length + " bytes"));
        out.add(new Entry(Files.write(gen.resolve("zero-bytes.yaml"), new byte[0]), "(yaml)", "an empty document"));
        byte[] utf16 = new String(valid, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
        out.add(new Entry(Files.write(gen.resolve("utf16.yaml"), utf16), CaseText.FIELD, "UTF-16"));
        byte[] noise = new byte[4096];
        new Random(13).nextBytes(noise);
        out.add(new Entry(Files.write(gen.resolve("random-bytes.yaml"), noise), CaseText.FIELD, null));
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(valid);
        }
        out.add(new Entry(Files.write(gen.resolve("gzipped.yaml"), zipped.toByteArray()), CaseText.FIELD, null));
        return out;
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
