package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.backend.opencl.OpenClTestSupport;

/**
 * On OpenCL a design's result must not depend on the designs it shares a batch (and vector lanes) with: 3 shards of
 * 2 designs, and checkpoint blocks of 4, merged equal the 6-design batch bit for bit in /sweep/*.
 */
class OpenClShardTest {
    @TempDir
    Path work;

    private CliHarness.Outcome sorb(String... args) {
        CliHarness.Outcome o = CliHarness.run(work, Backends.standard(), args);
        assertEquals(0, o.status(), String.join(" ", args) + ": " + o.err());
        return o;
    }

    @Test
    void shardsAndBlocksOnOpenClEqualTheWholeBatch() throws Exception {
        OpenClTestSupport.requirePlatform();
        Files.copy(SorbCliTest.resource("sweeps/grid-langmuir.yaml"), work.resolve("sweep.yaml"));
        sorb("run", "sweep.yaml", "--backend", "opencl", "-o", "whole.h5");
        for (int i = 1; i <= 3; i++) {
            sorb("run", "sweep.yaml", "--backend", "opencl", "--shard", i + "/3");
        }
        sorb("merge", "merged.h5", "sweep-grid.shard-1-of-3.h5", "sweep-grid.shard-2-of-3.h5",
                "sweep-grid.shard-3-of-3.h5");
        SweepFileAssert.assertSameSweep(work.resolve("whole.h5"), work.resolve("merged.h5"));
        sorb("run", "sweep.yaml", "--backend", "opencl", "--block", "4", "-o", "blocks.h5");
        SweepFileAssert.assertSameSweep(work.resolve("whole.h5"), work.resolve("blocks.h5"));
    }
}
