package org.sorb.numerics;

/** Receives progress of a long computation; the library reports, the CLI decides how to show it. */
@FunctionalInterface
public interface ProgressListener {
    /** No-op listener. */
    ProgressListener NONE = (fraction, message) -> { };

    /**
     * @param fraction done fraction in [0, 1]
     * @param message  short status, e.g. the simulated time
     */
    void progress(double fraction, String message);

    /**
     * Progress of a batch of designs, by designs finished of the true total; listeners that show designs, rates
     * and times to go override it, the others get the work fraction and the summary.
     */
    default void designs(DesignProgress progress) {
        progress(progress.work(), progress.summary());
    }

    /**
     * A listener for a part of {@code size} designs of a batch of {@code total} that passes its progress on to
     * {@code whole} as progress of the batch; {@code before} designs (of which {@code failedBefore} failed) finished
     * before the part started.
     */
    static ProgressListener part(ProgressListener whole, int before, int failedBefore, int size, int total) {
        return new ProgressListener() {
            @Override
            public void progress(double fraction, String message) {
                whole.progress((before + fraction * size) / total, message);
            }

            @Override
            public void designs(DesignProgress p) {
                whole.designs(p.within(before, failedBefore, total));
            }
        };
    }
}
