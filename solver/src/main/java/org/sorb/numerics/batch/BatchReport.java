package org.sorb.numerics.batch;

import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.DesignProgress;
import org.sorb.numerics.ProgressListener;

/** The progress of a batch from its designs' states, and when it is worth a report. */
final class BatchReport {
    /** Work fraction by which progress moves between two reports (besides a report per finished design). */
    static final double REPORT_STEP = 0.001;

    private BatchReport() {
    }

    /**
     * The first {@code counted} designs: finished (done, failed ones included), failed, and the mean work fraction,
     * 1 for a finished design and {@code t / end} of its inlet schedule for a running one.
     */
    static DesignProgress measure(boolean[] done, String[] failure, double[] t, List<ColumnCase> designs,
            int counted) {
        double fraction = 0.0;
        int finished = 0;
        int failed = 0;
        for (int b = 0; b < counted; b++) {
            fraction += done[b] ? 1.0 : t[b] / designs.get(b).inlet().endTime();
            finished += done[b] ? 1 : 0;
            failed += failure[b] != null ? 1 : 0;
        }
        return new DesignProgress(finished, failed, counted, fraction / counted);
    }

    /** Reports {@code now} when a design finished since {@code last} or the work moved by REPORT_STEP; the last. */
    static DesignProgress report(ProgressListener progress, DesignProgress now, DesignProgress last) {
        if (last != null && now.finished() == last.finished() && now.work() - last.work() < REPORT_STEP) {
            return last;
        }
        progress.designs(now);
        return now;
    }
}
