package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 4, on a real Slurm: a one-node cluster on localhost ({@link LocalSlurm}) runs the job array that
 * {@code sorb slurm} writes for 3 shards and the dependent merge job; the merged file equals a single-process run in
 * every /sweep dataset. Needs root and Debian's {@code slurm-wlm munge}; without them it skips saying why, except
 * where {@code SORB_REQUIRE_SLURM} is set (environment or system property; {@code ./run-tests} sets it in CI),
 * where it fails with the reason.
 */
@Tag("slurm")
class SlurmArrayTest {
    static final int SHARDS = 3;
    /** Longest wait for the array and the merge job together. */
    static final long JOBS_SECONDS = 300;

    @TempDir
    Path work;

    @Test
    void aSlurmArrayOfThreeShardsMergedEqualsOneProcess() throws Exception {
        String problem = LocalSlurm.problem();
        if (problem != null) {
            unavailable(problem);
        }
        // munged wants every folder above its socket traversable by all; JUnit makes its temporary folder 0700.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        LocalSlurm slurm;
        try {
            slurm = LocalSlurm.start(work.resolve("cluster"));
        } catch (IllegalStateException e) {
            unavailable("the local cluster did not start: " + e.getMessage());
            return;
        }
        try (slurm) {
            Path run = Files.createDirectories(work.resolve("run"));
            Files.copy(SorbCliTest.resource("sweeps/grid-langmuir.yaml"), run.resolve("sweep.yaml"));
            CliHarness.Outcome scripts = CliHarness.run(run, Backends.standard(), "slurm", "sweep.yaml", "--shards",
                    String.valueOf(SHARDS), "--backend", "java", "--time", "10", "--cpus-per-task", "1",
                    "--launcher", launcher().toString());
            assertEquals(0, scripts.status(), scripts.err());
            LocalSlurm.command(List.of("bash", run.resolve("sweep-grid.submit.sh").toString()), slurm.env());
            Path merged = run.resolve("sweep-grid.h5");
            awaitJobs(slurm, merged, run);
            assertTrue(Files.exists(merged), "no merged file; job logs:\n" + jobLogs(run) + slurm.logs());

            CliHarness.Outcome single = CliHarness.run(run, Backends.standard(), "run", "sweep.yaml", "--backend",
                    "java", "-o", "single.h5");
            assertEquals(0, single.status(), single.err());
            SweepFileAssert.assertSameSweep(run.resolve("single.h5"), merged);
            String logs = jobLogs(run);
            for (int i = 1; i <= SHARDS; i++) {
                assertTrue(logs.contains("shard " + i + "/" + SHARDS), "progress of shard " + i + " in:\n" + logs);
            }
        }
    }

    /** Waits until the queue is empty (or the merged file is there and the queue empty), at most JOBS_SECONDS. */
    private static void awaitJobs(LocalSlurm slurm, Path merged, Path run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOBS_SECONDS);
        while (System.nanoTime() < deadline) {
            if (slurm.client("squeue", "-h").isBlank()) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("the jobs did not finish within " + JOBS_SECONDS + " s (merged file there: " + Files.exists(merged)
                + "); squeue:\n" + slurm.client("squeue") + jobLogs(run) + slurm.logs());
    }

    /** A launcher script that runs the CLI from this test's classpath (the jar is built after the tests). */
    private Path launcher() throws IOException {
        Path p = work.resolve("sorb-test-launcher");
        Files.writeString(p, "#!/bin/sh\nexec " + SlurmScripts.quote(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()) + " -cp " + SlurmScripts.quote(System.getProperty("java.class.path")) + " "
                + SorbCli.class.getName() + " \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static String jobLogs(Path run) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> s = Files.list(run)) {
            s.filter(f -> f.getFileName().toString().startsWith("slurm-")).sorted().forEach(logs::add);
        }
        for (Path log : logs) {
            sb.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
        }
        return sb.toString();
    }

    private static void unavailable(String why) {
        if (System.getenv("SORB_REQUIRE_SLURM") != null || System.getProperty("SORB_REQUIRE_SLURM") != null) {
            fail("Slurm is required here (SORB_REQUIRE_SLURM is set) but " + why);
        }
        Assumptions.abort("no local Slurm cluster: " + why);
    }
}
