package org.sorb.cadet;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CADET input of {@code cadet/malformed/} (made by {@code make_cadet_files.py}, one feature Sorb cannot honour
 * each) through {@code sorb run}, {@code sorb validate} and {@code sorb convert}: exit 2, one {@code error:} line naming the HDF5 path of
 * {@code manifest.tsv} and its text, no stack trace, nothing left in the output folder.
 */
class CadetMalformedTest {
    /** The corpus must hold at least this many files (the script makes 31). */
    static final int MIN_FILES = 30;

    @TempDir
    Path dir;

    @Test
    void everyFileExits2NamingItsHdf5PathWithNothingWritten() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(CadetCli.resource("malformed/manifest.tsv"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                rows.add(line.split("\t"));
            }
        }
        assertTrue(rows.size() >= MIN_FILES, rows.size() + " files, expected at least " + MIN_FILES);
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            Path file = CadetCli.resource("malformed/" + row[0]);
            Path out = Files.createDirectory(dir.resolve("out-" + i));
            for (String command : List.of("run", "validate", "convert")) {
                CadetCli.Outcome o = switch (command) {
                    case "run" -> CadetCli.run(out, "run", file.toString(), "-o", out.resolve("result.h5").toString(),
                            "--backend", "java");
                    case "convert" -> CadetCli.run(out, "convert", file.toString(), "-o",
                            out.resolve("case.yaml").toString());
                    default -> CadetCli.run(out, "validate", file.toString());
                };
                String name = row[0] + " (" + command + "): ";
                checks.add(() -> assertEquals(2, o.status(), name + o.err()));
                checks.add(() -> assertTrue(o.err().startsWith("error: " + row[1]) && o.err().lines().count() == 1,
                        name + "one error line starting with the path " + row[1] + " expected: " + o.err()));
                checks.add(() -> assertTrue(o.err().contains(row[2]), name + "text '" + row[2] + "' missing: "
                        + o.err()));
                checks.add(() -> assertFalse(o.err().contains("\tat ") || o.err().contains("Exception"),
                        name + "stack trace or exception name: " + o.err()));
            }
            List<Path> left;
            try (Stream<Path> files = Files.list(out)) {
                left = files.toList();
            }
            checks.add(() -> assertEquals(List.of(), left, row[0] + ": left in the output folder"));
        }
        assertAll(checks);
    }
}
