package org.sorb.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.backend.JavaBackend;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedSweep;
import org.sorb.model.DesignOutcome;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;
import org.sorb.shard.Shard;

/**
 * The merge is generic: a per-design dataset it has never heard of (as {@code /sweep/metrics} will be) is joined by
 * design index with its attributes, and a shared dataset that differs between inputs is refused.
 */
class SweepMergerTest {
    static final int SHARDS = 3;
    /** Columns of the made-up per-design dataset. */
    static final int COLUMNS = 2;

    @TempDir
    static Path dir;

    private static final List<Path> shards = new ArrayList<>();

    @BeforeAll
    static void writeShardsWithAnExtraDataset() throws Exception {
        LoadedSweep sweep;
        try (InputStream in = SweepMergerTest.class.getResourceAsStream("/sweeps/grid-langmuir.yaml")) {
            sweep = CaseLoader.parseSweep(new String(in.readAllBytes(), StandardCharsets.UTF_8), "grid.yaml", List.of());
        }
        List<DesignOutcome> all = new JavaBackend(2).runBatch(sweep.models(),
                RunBudget.UNLIMITED, ProgressListener.NONE);
        String id = SweepShare.sweepId(sweep);
        for (int i = 1; i <= SHARDS; i++) {
            int[] rows = new Shard(i, SHARDS).designs(sweep.size());
            long[] index = new long[rows.length];
            List<DesignOutcome> part = new ArrayList<>();
            double[][] extra = new double[rows.length][COLUMNS];
            for (int k = 0; k < rows.length; k++) {
                index[k] = rows[k];
                part.add(all.get(rows[k]));
                extra[k] = new double[] {rows[k], 10.0 * rows[k]};
            }
            Path plain = dir.resolve("plain-" + i + ".h5");
            SweepResultWriter.write(plain, sweep.subset(rows), part, new SweepShare(index, id, i + "/" + SHARDS,
                    sweep.size()), "java", "test", null);
            H5Tree tree = H5Tree.read(plain);
            H5Tree s = tree.child(ResultNames.SWEEP);
            H5Tree metrics = new H5Tree("metrics", "/sweep/metrics", Map.of(ResultNames.NAMES,
                    new String[] {"a", "b"}), List.of(), extra, new int[] {rows.length, COLUMNS});
            List<H5Tree> children = new ArrayList<>(s.children());
            children.add(metrics);
            List<H5Tree> top = new ArrayList<>(tree.children());
            top.set(top.indexOf(s), s.with(s.attributes(), children, null, null));
            Path withMetrics = dir.resolve("shard-" + i + ".h5");
            ResultWriter.publish(withMetrics, tree.with(tree.attributes(), top, null, null)::writeTo);
            shards.add(withMetrics);
        }
    }

    @Test
    void aDatasetTheMergerDoesNotKnowIsJoinedByDesignIndex() throws Exception {
        Path out = dir.resolve("merged.h5");
        SweepMerger.Merged m = SweepMerger.merge(List.of(shards.get(2), shards.get(0), shards.get(1)), out,
                new SweepMerger.Plan(null, "1/1", true));
        assertEquals(6, m.designs());
        try (HdfFile f = new HdfFile(out)) {
            double[][] metrics = (double[][]) f.getDatasetByPath("sweep/metrics").getData();
            for (int d = 0; d < metrics.length; d++) {
                assertArrayEquals(new double[] {d, 10.0 * d}, metrics[d], 0.0, "row " + d);
            }
            assertArrayEquals(new String[] {"a", "b"},
                    (String[]) f.getDatasetByPath("sweep/metrics").getAttribute(ResultNames.NAMES).getData());
            assertArrayEquals(new String[] {"shard-3.h5", "shard-1.h5", "shard-2.h5"},
                    (String[]) f.getAttribute(ResultNames.MERGED_FROM).getData());
        }
    }

    @Test
    void aSharedDatasetThatDiffersIsRefused() throws Exception {
        H5Tree tree = H5Tree.read(shards.get(1));
        H5Tree outlet = tree.child(ResultNames.OUTLET);
        H5Tree time = outlet.child("time");
        double[] shifted = ((double[]) time.data()).clone();
        shifted[1] += 1e-9;
        List<H5Tree> outletChildren = new ArrayList<>(outlet.children());
        outletChildren.set(outletChildren.indexOf(time), time.with(time.attributes(), List.of(), shifted,
                time.dimensions()));
        List<H5Tree> top = new ArrayList<>(tree.children());
        top.set(top.indexOf(outlet), outlet.with(outlet.attributes(), outletChildren, null, null));
        Path odd = dir.resolve("odd-time.h5");
        ResultWriter.publish(odd, tree.with(tree.attributes(), top, null, null)::writeTo);
        Path out = dir.resolve("refused.h5");
        MergeRefusedException e = assertThrows(MergeRefusedException.class, () -> SweepMerger.merge(
                List.of(shards.get(0), odd, shards.get(2)), out, new SweepMerger.Plan(null, "1/1", false)));
        assertTrue(e.getMessage().startsWith("/outlet/time differs between"), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
