package org.sorb.backend.opencl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test-classpath main class in a fresh JVM with its output captured, for checks that must see a whole
 * process (its signal handlers, its exit status) or whose native libraries write to the process's stderr.
 */
final class ChildJvm {
    /** No child may run longer than this; one that does is killed and reported. */
    static final long TIMEOUT_SECONDS = 120;

    /** What a child left: its exit status (-1 when killed on time-out) and its stdout and stderr together. */
    record Result(int exit, String output) {
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code main} with the JVM options and arguments given and the environment of this process changed by
     * {@code env} (a null value removes the variable).
     */
    static Result run(Class<?> main, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Path log = Files.createTempFile("sorb-child-jvm", ".log");
        try {
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(-1, "timed out after " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
