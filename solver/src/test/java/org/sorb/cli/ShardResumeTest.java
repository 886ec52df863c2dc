package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 3: a sweep killed with SIGKILL after its first checkpoint block and started again finishes with every
 * design present once and equal, bit for bit, to an uninterrupted run.
 */
class ShardResumeTest {
    /** Longest wait for the child's first block. */
    static final long FIRST_BLOCK_SECONDS = 120;
    /** A finer grid than the test sweep's own, so that a design takes long enough to kill the run between blocks. */
    static final String[] SLOWER = {"--set", "discretization.axial_cells=16", "--set", "discretization.particle_cells=4"};

    @TempDir
    Path work;

    @Test
    void aSweepKilledMidWayResumesToTheUninterruptedResult() throws Exception {
        Files.copy(SorbCliTest.resource("sweeps/grid-langmuir.yaml"), work.resolve("sweep.yaml"));
        List<String> args = new java.util.ArrayList<>(List.of("run", "sweep.yaml", "--backend", "java",
                "--threads", "1", "--block", "1", "-o", "resumed.h5"));
        args.addAll(List.of(SLOWER));
        Path parts = work.resolve("resumed.h5" + SweepRunner.PARTS_SUFFIX);

        int before = killAfterFirstBlock(args, parts);
        assertFalse(Files.exists(work.resolve("resumed.h5")), "the killed run must not leave a result");
        assertTrue(before >= 1 && before < ShardMergeTest.DESIGNS,
                before + " blocks were done when the run was killed; expected some but not all");

        CliHarness.Outcome resumed = CliHarness.run(work, Backends.standard(), args.toArray(new String[0]));
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.err().contains("note: resumed " + before + " of " + ShardMergeTest.DESIGNS + " blocks"),
                resumed.err());
        assertFalse(Files.exists(parts));

        List<String> whole = new java.util.ArrayList<>(List.of("run", "sweep.yaml", "--backend", "java", "-o",
                "whole.h5"));
        whole.addAll(List.of(SLOWER));
        assertEquals(0, CliHarness.run(work, Backends.standard(), whole.toArray(new String[0])).status());
        assertArrayEquals(SweepFileAssert.allDesigns(ShardMergeTest.DESIGNS),
                SweepFileAssert.designIndex(work.resolve("resumed.h5")));
        SweepFileAssert.assertSameSweep(work.resolve("whole.h5"), work.resolve("resumed.h5"));
    }

    /** Starts {@code sorb args} in a child JVM, SIGKILLs it once a block file exists; returns the blocks then done. */
    private int killAfterFirstBlock(List<String> args, Path parts) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SorbCli.class.getName()));
        command.addAll(args);
        Path log = work.resolve("child.log");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_BLOCK_SECONDS);
            while (blocks(parts) == 0) {
                if (!p.isAlive()) {
                    fail("the child ended (exit " + p.exitValue() + ") before its first block:\n" + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    fail("no block within " + FIRST_BLOCK_SECONDS + " s:\n" + Files.readString(log));
                }
                Thread.sleep(5);
            }
        } finally {
            p.destroyForcibly(); // SIGKILL on Unix
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        return blocks(parts);
    }

    private static int blocks(Path parts) throws IOException {
        if (!Files.isDirectory(parts)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(parts)) {
            return (int) s.filter(f -> f.getFileName().toString().startsWith("block-")).count();
        }
    }
}
