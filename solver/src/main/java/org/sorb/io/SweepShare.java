package org.sorb.io;

import static org.sorb.io.ResultNames.*;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sorb.cases.LoadedSweep;

/**
 * Which designs of which sweep a sweep file holds: written as {@code /sweep/design_index} and the {@code /sweep}
 * attributes {@code sweep_id}, {@code shard} and {@code designs_total}, so that shards and checkpoint blocks can be
 * recognised and merged.
 *
 * @param designIndex  each row's design number in the whole sweep, ascending
 * @param sweepId      hex SHA-256 of the resolved base case and the sweep definition
 * @param shard        {@code i/N} (1-based), {@code 1/1} for a whole sweep
 * @param designsTotal number of designs in the whole sweep
 */
public record SweepShare(long[] designIndex, String sweepId, String shard, long designsTotal) {
    public SweepShare {
        designIndex = designIndex.clone();
        for (int k = 0; k < designIndex.length; k++) {
            if (designIndex[k] < 0 || designIndex[k] >= designsTotal || (k > 0 && designIndex[k] <= designIndex[k - 1])) {
                throw new IllegalArgumentException("design index " + designIndex[k] + " at row " + k
                        + ": expected ascending indices in 0.." + (designsTotal - 1));
            }
        }
    }

    /** The whole of {@code sweep}: rows 0..n-1, shard {@code 1/1}. */
    public static SweepShare whole(LoadedSweep sweep) {
        long[] all = new long[sweep.size()];
        for (int d = 0; d < all.length; d++) {
            all[d] = d;
        }
        return new SweepShare(all, sweepId(sweep), "1/1", sweep.size());
    }

    /**
     * The sweep's identity: hex SHA-256 of its base case as resolved (with every {@code --set} applied) and of its
     * sweep section, so that files of one sweep, and only those, share it.
     */
    public static String sweepId(LoadedSweep sweep) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(sweep.base().resolvedYaml().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(sweep.definition().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The share recorded in a sweep file.
     *
     * @throws IOException when the file is not a readable sweep file with a design index
     */
    public static SweepShare read(Path file) throws IOException {
        try (HdfFile hdf = new HdfFile(file)) {
            Node sweep = hdf.getByPath(SWEEP);
            long[] index = (long[]) hdf.getDatasetByPath(SWEEP_DESIGN_INDEX).getData();
            return new SweepShare(index, (String) value(sweep, SWEEP_ID), (String) value(sweep, SHARD),
                    ((Number) value(sweep, DESIGNS_TOTAL)).longValue());
        } catch (HdfException | IllegalStateException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("not a sweep file with a design index: " + file + ": " + e.getMessage(), e);
        }
    }

    private static Object value(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            throw new IllegalStateException("missing attribute " + name + " on " + node.getPath());
        }
        return a.getData();
    }

    @Override
    public long[] designIndex() {
        return designIndex.clone();
    }

    /** Number of rows. */
    public int size() {
        return designIndex.length;
    }
}
