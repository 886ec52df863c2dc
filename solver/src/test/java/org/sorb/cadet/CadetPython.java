package org.sorb.cadet;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code /usr/bin/python3} with h5py and numpy, the stack of CADET-Python, for the tests that read Sorb's
 * CADET layout as CADET's scripts do. Without it they skip with the reason, except where {@code SORB_REQUIRE_PYTHON}
 * is set (environment or system property; CI sets it), where they fail, as the other Python tests do.
 */
final class CadetPython {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** What one run gave. */
    record Result(int status, String output) {
    }

    private CadetPython() {
    }

    /** Skips (or, when required, fails) the calling test unless python3 imports h5py and numpy. */
    static void require() throws IOException, InterruptedException {
        String why = !Files.isExecutable(PYTHON) ? PYTHON + " is missing"
                : run("-c", "import h5py, numpy").status() != 0 ? PYTHON + " cannot import h5py, numpy" : null;
        if (why == null) {
            return;
        }
        String install = " (apt-get install -y --no-install-recommends python3-h5py python3-numpy)";
        if (System.getenv("SORB_REQUIRE_PYTHON") != null || System.getProperty("SORB_REQUIRE_PYTHON") != null) {
            fail("the Python stack is required here (SORB_REQUIRE_PYTHON is set) but " + why + install);
        }
        Assumptions.abort(why + install);
    }

    /** Runs python3 with {@code args}, killed after 120 s. */
    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("sorb-cadet-python", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
