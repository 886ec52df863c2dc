package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's {@code /usr/bin/python3} with xarray, h5py, pandas, matplotlib and nbconvert for the tests of
 * {@code python/} and {@code notebooks/}. Without them the tests skip with the reason, except where
 * {@code SORB_REQUIRE_PYTHON} is set (environment or system property; {@code ./run-tests} sets it in CI), where
 * they fail, as {@code OpenClTestSupport} does for OpenCL.
 */
final class PythonStack {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    /** The modules the reader, its tests and the notebooks import, and nbconvert with the kernel that runs them. */
    static final String MODULES = "xarray, h5py, h5netcdf, pandas, matplotlib, nbconvert, ipykernel";

    /** What one run of python3 gave. */
    record Result(int status, String output) {
    }

    private PythonStack() {
    }

    private static String problem;
    private static boolean probed;

    /** Why the Python stack cannot run here, or null when /usr/bin/python3 imports {@link #MODULES} (probed once). */
    static synchronized String problem() throws IOException, InterruptedException {
        if (!probed) {
            if (!Files.isExecutable(PYTHON)) {
                problem = PYTHON + " is missing";
            } else {
                Result r = run(Path.of("."), Map.of(), 60, "-c", "import " + MODULES);
                problem = r.status() == 0 ? null : PYTHON + " cannot import " + MODULES + ": " + lastLine(r.output());
            }
            probed = true;
        }
        return problem;
    }

    /** Skips (or, when required, fails) the calling test unless {@link #problem()} is null. */
    static void require() throws IOException, InterruptedException {
        String why = problem();
        if (why == null) {
            return;
        }
        String install = " (apt-get install -y --no-install-recommends python3-xarray python3-h5netcdf python3-h5py "
                + "python3-pandas python3-matplotlib jupyter-nbconvert python3-ipykernel)";
        if (System.getenv("SORB_REQUIRE_PYTHON") != null || System.getProperty("SORB_REQUIRE_PYTHON") != null) {
            fail("the Python stack is required here (SORB_REQUIRE_PYTHON is set) but " + why + install);
        }
        Assumptions.abort(why + install);
    }

    /** Runs python3 with {@code args} in {@code dir} with extra environment, killed after {@code timeoutSeconds}. */
    static Result run(Path dir, Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Path log = Files.createTempFile("sorb-python", ".log");
        pb.redirectOutput(log.toFile());
        try {
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command)
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
