package org.sorb.numerics;

/**
 * Where a batch of designs stands: designs finished (succeeded or failed) of the total, how many of them failed,
 * and the done fraction of the whole work (finished designs count 1, running ones their simulated-time fraction).
 *
 * @param finished designs finished, failed ones included, 0..total
 * @param failed   finished designs that failed, 0..finished
 * @param total    designs in the batch (the true count, never a padded width), at least 1
 * @param work     done fraction of the work in [finished / total, 1]
 * @param label    what the batch is, e.g. {@code shard 2/3, block 1/4}; empty for a plain batch (null taken as empty)
 */
public record DesignProgress(int finished, int failed, int total, double work, String label) {
    public DesignProgress {
        label = label == null ? "" : label;
        if (total < 1 || finished < 0 || finished > total || failed < 0 || failed > finished) {
            throw new IllegalArgumentException("design progress needs 0 <= failed <= finished <= total, total >= 1; "
                    + "got failed " + failed + ", finished " + finished + ", total " + total);
        }
        double floor = (double) finished / total;
        work = Double.isNaN(work) ? floor : Math.max(floor, Math.min(1.0, work));
    }

    /** An unlabelled batch's progress. */
    public DesignProgress(int finished, int failed, int total, double work) {
        this(finished, failed, total, work, "");
    }

    /** This progress with {@code newLabel}. */
    public DesignProgress labelled(String newLabel) {
        return new DesignProgress(finished, failed, total, work, newLabel);
    }

    /** Finished designs as a fraction of the total. */
    public double finishedFraction() {
        return (double) finished / total;
    }

    /** "12/25 designs done" with ", 1 failed" when some did. */
    public String summary() {
        return finished + "/" + total + " designs done" + (failed > 0 ? ", " + failed + " failed" : "");
    }

    /**
     * This progress of a batch of {@code total} solves as progress of {@code designs} designs (a batch that also
     * solves each design's grid companion has 2 solves per design): finished = floor(finished x designs / total),
     * failed at most that, the same work fraction.
     */
    public DesignProgress scaledTo(int designs) {
        int f = (int) ((long) finished * designs / total);
        return new DesignProgress(f, Math.min(failed, f), designs, work, label);
    }

    /**
     * This progress of a part of {@code size} designs as progress of a whole of {@code total} designs, where
     * {@code before} designs (of which {@code failedBefore} failed) finished before the part started.
     */
    public DesignProgress within(int before, int failedBefore, int total) {
        return new DesignProgress(before + finished, failedBefore + failed, total,
                (before + work * this.total) / total, label);
    }
}
