package org.sorb.cli;

import org.sorb.numerics.DesignProgress;
import org.sorb.numerics.ProgressListener;

/**
 * Progress of one block of a shard's designs as progress of the whole shard: fraction (designs done before the block
 * + fraction x block size) / shard size, and designs finished of the shard's; the message (or label) says the shard
 * (when sharded) and the block.
 */
final class ShardProgress implements ProgressListener {
    private final ProgressListener out;
    private final String prefix;
    private final int before;
    private final int failedBefore;
    private final int blockDesigns;
    private final int total;

    /**
     * @param shardLabel   {@code i/N}, or null for an unsharded run
     * @param block        1-based block number, of {@code blocks}
     * @param doneBefore   designs of the shard finished before this block
     * @param failedBefore of those, the designs that failed
     * @param blockDesigns designs in this block
     * @param total        designs in the shard
     */
    ShardProgress(ProgressListener out, String shardLabel, int block, int blocks, int doneBefore, int failedBefore,
                  int blockDesigns, int total) {
        this.out = out;
        String blockText = blocks > 1 ? "block " + block + "/" + blocks : "";
        String shardText = shardLabel == null ? "" : "shard " + shardLabel;
        this.prefix = (shardText + (shardText.isEmpty() || blockText.isEmpty() ? "" : ", ") + blockText);
        this.before = doneBefore;
        this.failedBefore = failedBefore;
        this.blockDesigns = blockDesigns;
        this.total = Math.max(1, total);
    }

    @Override
    public void progress(double fraction, String message) {
        double f = Double.isNaN(fraction) ? 0.0 : Math.max(0.0, Math.min(1.0, fraction));
        String m = message == null ? "" : message.strip();
        String text = prefix.isEmpty() ? m : prefix + (m.isEmpty() ? "" : ": " + m);
        out.progress((before + f * blockDesigns) / (double) total, text);
    }

    /** The block's batch (its designs, and their grid companions when checked) as designs of the shard. */
    @Override
    public void designs(DesignProgress p) {
        out.designs(p.scaledTo(blockDesigns).within(before, failedBefore, total).labelled(prefix));
    }
}
