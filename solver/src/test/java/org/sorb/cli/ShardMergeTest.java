package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sorb.cli.SweepFileAssert.allDesigns;
import static org.sorb.cli.SweepFileAssert.assertSameSweep;
import static org.sorb.cli.SweepFileAssert.designIndex;
import static org.sorb.cli.SweepFileAssert.sweepAttribute;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedSweep;
import org.sorb.io.ResultNames;

/**
 * Issue 16 item 3: a sweep run as 3 shards and merged equals the unsharded run bit for bit in /sweep/*; merging
 * shards of different sweeps, with a missing or a duplicated design, or a file that is no sweep result is refused;
 * checkpoint blocks join into the same file.
 */
class ShardMergeTest {
    /** Designs of the test sweep (3 x 2 grid). */
    static final int DESIGNS = 6;
    static final String CASE = "sweep.yaml";

    @TempDir
    static Path work;

    private static Path whole;

    private static CliHarness.Outcome sorb(String... args) {
        return CliHarness.run(work, Backends.standard(), args);
    }

    @BeforeAll
    static void runWholeSweep() throws Exception {
        Files.copy(SorbCliTest.resource("sweeps/grid-langmuir.yaml"), work.resolve(CASE));
        CliHarness.Outcome o = sorb("run", CASE, "--backend", "java", "-o", "whole.h5");
        assertEquals(0, o.status(), o.err());
        whole = work.resolve("whole.h5");
        for (int i = 1; i <= 3; i++) {
            CliHarness.Outcome s = sorb("run", CASE, "--backend", "java", "--shard", i + "/3");
            assertEquals(0, s.status(), s.err());
            assertTrue(s.out().contains("sweep-grid.shard-" + i + "-of-3.h5"), s.out());
        }
    }

    private static Path shard(int i) {
        return work.resolve("sweep-grid.shard-" + i + "-of-3.h5");
    }

    @Test
    void anUnshardedSweepRecordsItsDesignsAndIdentity() {
        assertArrayEquals(allDesigns(DESIGNS), designIndex(whole));
        assertEquals("1/1", sweepAttribute(whole, ResultNames.SHARD));
        assertEquals((long) DESIGNS, ((Number) sweepAttribute(whole, ResultNames.DESIGNS_TOTAL)).longValue());
        assertEquals(64, ((String) sweepAttribute(whole, ResultNames.SWEEP_ID)).length());
    }

    @Test
    void aShardKeepsTheSweepsParametersAndTheirUnits() throws Exception {
        LoadedSweep sweep = CaseLoader.loadSweep(work.resolve(CASE), List.of());
        int[] rows = {1, 4};
        try (HdfFile f = new HdfFile(shard(2))) {
            Dataset p = f.getDatasetByPath(ResultNames.SWEEP_PARAMETERS);
            assertArrayEquals(sweep.units().toArray(new String[0]), (String[]) p.getAttribute(ResultNames.UNITS).getData());
            assertArrayEquals(sweep.names().toArray(new String[0]), (String[]) p.getAttribute(ResultNames.NAMES).getData());
            double[][] values = (double[][]) p.getData();
            for (int k = 0; k < rows.length; k++) {
                assertArrayEquals(sweep.parameters()[rows[k]], values[k], 0.0, "design " + rows[k]);
            }
        }
        assertFalse(sweep.units().contains(""), "the test sweep's parameters have units: " + sweep.units());
    }

    @Test
    void eachShardHoldsEveryThirdDesign() {
        assertArrayEquals(new long[] {1, 4}, designIndex(shard(2)));
        assertEquals("2/3", sweepAttribute(shard(2), ResultNames.SHARD));
        assertEquals(sweepAttribute(whole, ResultNames.SWEEP_ID), sweepAttribute(shard(2), ResultNames.SWEEP_ID));
    }

    @Test
    void threeShardsMergedEqualTheUnshardedRunBitForBit() {
        CliHarness.Outcome o = sorb("merge", "merged.h5", shard(3).toString(), shard(1).toString(),
                shard(2).toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("merged 3 files: 6 designs"), o.out());
        assertSameSweep(whole, work.resolve("merged.h5"));
        try (HdfFile f = new HdfFile(work.resolve("merged.h5"))) {
            assertEquals(DESIGNS, f.getDatasetByPath("sweep/metrics").getDimensions()[0], "the metrics came along");
        }
    }

    @Test
    void aMissingDesignIsRefusedNamingIt() {
        CliHarness.Outcome o = sorb("merge", "missing.h5", shard(1).toString(), shard(3).toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("2 of 6 designs are missing: 1, 4"), o.err());
        assertFalse(Files.exists(work.resolve("missing.h5")));
    }

    @Test
    void aDuplicatedDesignIsRefused() {
        CliHarness.Outcome o = sorb("merge", "dup.h5", shard(1).toString(), shard(2).toString(), shard(3).toString(),
                shard(2).toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("duplicated design(s): design 1"), o.err());
        assertFalse(Files.exists(work.resolve("dup.h5")));
    }

    @Test
    void shardsOfDifferentSweepsAreRefused() {
        CliHarness.Outcome other = sorb("run", CASE, "--backend", "java", "--shard", "2/3", "-o", "other.h5",
                "--set", "binding.kd[0]=0.2");
        assertEquals(0, other.status(), other.err());
        CliHarness.Outcome o = sorb("merge", "mixed.h5", shard(1).toString(), "other.h5", shard(3).toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("other.h5 is of another sweep than"), o.err());
        assertFalse(Files.exists(work.resolve("mixed.h5")));
    }

    @Test
    void aFileThatIsNoSweepResultIsRefused() throws Exception {
        Files.copy(SorbCliTest.resource("cases/valid-langmuir.yaml"), work.resolve("single.yaml"));
        CliHarness.Outcome single = sorb("run", "single.yaml", "--backend", "java", "-o", "single.h5",
                "--set", "discretization.axial_cells=4", "--set", "discretization.particle_cells=2");
        assertEquals(0, single.status(), single.err());
        CliHarness.Outcome o = sorb("merge", "bad.h5", shard(1).toString(), "single.h5");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("single.h5 is not a sweep result"), o.err());
    }

    @Test
    void checkpointBlocksJoinIntoTheSameFileAndTheirFolderGoes() throws Exception {
        Path parts = work.resolve("blocks.h5.parts");
        Files.createDirectories(parts);
        Files.writeString(parts.resolve("block-00001.h5"), "not hdf5: a block from a crashed disk");
        Files.writeString(parts.resolve(".block-00002.h5.tmp-0123"), "half written");
        CliHarness.Outcome o = sorb("run", CASE, "--backend", "java", "--block", "2", "-o", "blocks.h5");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("block-00001.h5 is not a readable block"), o.err());
        assertFalse(Files.exists(parts));
        assertSameSweep(whole, work.resolve("blocks.h5"));
    }

    @Test
    void blocksTheWallBudgetStoppedAreNotKeptAndRunAgain() {
        CliHarness.Outcome cut = sorb("run", CASE, "--backend", "java", "--block", "2", "--max-wall", "1ms", "-o",
                "cut.h5");
        assertEquals(1, cut.status(), cut.err());
        assertTrue(cut.out().contains("failed: 6 of 6 designs"), cut.out());
        assertTrue(cut.err().contains("the wall-clock budget ran out in 3 of 3 blocks"), cut.err());
        assertTrue(Files.isDirectory(work.resolve("cut.h5.parts")));
        CliHarness.Outcome again = sorb("run", CASE, "--backend", "java", "--block", "2", "-o", "cut.h5");
        assertEquals(0, again.status(), again.err());
        assertFalse(Files.exists(work.resolve("cut.h5.parts")));
        assertSameSweep(whole, work.resolve("cut.h5"));
    }

    @Test
    void badShardsAreRefusedWithExit2() {
        for (String bad : new String[] {"0/3", "4/3", "1/0", "a/3", "3", "7/7"}) {
            CliHarness.Outcome o = sorb("run", CASE, "--backend", "java", "--shard", bad, "-o", "bad.h5");
            assertEquals(2, o.status(), bad + ": " + o.err());
            assertTrue(o.err().startsWith("error: --shard"), o.err());
            assertFalse(Files.exists(work.resolve("bad.h5")));
        }
    }

    @Test
    void noClobberRefusesAnExistingTarget() {
        CliHarness.Outcome o = sorb("run", CASE, "--backend", "java", "--no-clobber", "-o", "whole.h5");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("--no-clobber: " + whole + " exists"), o.err());
        CliHarness.Outcome m = sorb("merge", "--no-clobber", "whole.h5", shard(1).toString());
        assertEquals(2, m.status());
    }
}
