package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.io.ResultFile;
import org.sorb.io.ResultReader;

/**
 * Runs of the same case to the same {@code -o} at the same time: each writes its own temporary file and renames it
 * over the target, so the last one wins, every run exits 0, and one complete, readable file remains.
 */
class ConcurrentRunsTest {
    /** Seconds a run may take before the test gives up on it. */
    private static final long RUN_TIMEOUT_SECONDS = 120;
    /** Runs that finish their simulation together and then write, in the stress test. */
    private static final int WRITERS = 8;

    @TempDir
    Path work;

    private static String validCase() {
        return SorbCliTest.resource("cli/valid-linear.yaml").toString();
    }

    private List<CliHarness.Outcome> runTogether(int runs, Backends backends) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<CliHarness.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(() -> CliHarness.run(work, backends, "run", validCase(), "-o", "same.h5",
                        "--backend", "java", "--threads", "1")));
            }
            List<CliHarness.Outcome> out = new ArrayList<>();
            for (Future<CliHarness.Outcome> f : futures) {
                out.add(f.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOneCompleteFile(List<CliHarness.Outcome> outcomes) throws IOException {
        for (CliHarness.Outcome o : outcomes) {
            assertEquals(0, o.status(), o.err());
            assertTrue(o.out().startsWith("wrote " + work.resolve("same.h5")), o.out());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(work)) {
            files = s.sorted().toList();
        }
        assertEquals(List.of(work.resolve("same.h5")), files, "exactly the result, no temporary or probe file");
        ResultFile file = ResultReader.read(work.resolve("same.h5"));
        assertEquals(List.of("A"), file.components());
        assertTrue(file.result().time().length > 1, "a complete outlet");
        assertTrue(file.attribute("case").contains("valid-linear"), file.attribute("case"));
    }

    @Test
    void twoSimulationsOfTheSameCaseToTheSameOutputLeaveOneReadableFile() throws Exception {
        assertOneCompleteFile(runTogether(2, Backends.standard()));
    }

    @Test
    void writersThatFinishTogetherNeverLeaveAPartialOrTemporaryFile() throws Exception {
        CyclicBarrier together = new CyclicBarrier(WRITERS);
        Backends barrier = new Backends(List.of(new FakeBackendProvider("java", null, c -> {
            try {
                together.await(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the writers did not meet", e);
            }
            return SorbCliTest.resultFor(c.nComp());
        })));
        assertOneCompleteFile(runTogether(WRITERS, barrier));
    }
}
