package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code malformed/} has exactly one mistake, declared in its header: {@code # field: F} (the
 * field the error must name) and {@code # value: V} (the offending value the message must quote). A file with a
 * {@code sweep:} section is loaded as a sweep.
 */
class MalformedCasesTest {

    static Stream<Path> malformedFiles() throws IOException {
        try (Stream<Path> files = Files.list(TestCases.folder("malformed"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeastTwelve() throws IOException {
        assertTrue(malformedFiles().count() >= 12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void namesTheFieldTheValueAndWhatWasExpected(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String field = header(lines.get(0), "# field:");
        String value = header(lines.get(1), "# value:");
        CaseException e = assertThrows(CaseException.class, () -> load(file));
        String message = e.getMessage();
        assertEquals(field, e.field(), message);
        assertTrue(message.contains(field), "field missing from: " + message);
        assertTrue(message.contains(value), "value '" + value + "' missing from: " + message);
        assertTrue(message.contains("expected") || message.contains("did you mean"), message);
    }

    /** Loads {@code file} as {@code sorb run} would: a sweep with its designs, anything else as one case. */
    private static void load(Path file) throws CaseException, IOException {
        if (CaseLoader.declaresSweep(file)) {
            CaseLoader.loadSweep(file, List.of());
        } else {
            CaseLoader.load(file, List.of());
        }
    }

    private static String header(String line, String prefix) {
        assertTrue(line.startsWith(prefix), "header line must start with " + prefix + ": " + line);
        return line.substring(prefix.length()).trim();
    }
}
