package org.sorb.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every batch progress report (from any thread) for a test to look at. */
public final class RecordingProgress implements ProgressListener {
    private final List<DesignProgress> reports = new ArrayList<>();

    @Override
    public void progress(double fraction, String message) {
    }

    @Override
    public synchronized void designs(DesignProgress p) {
        reports.add(p);
    }

    public synchronized List<DesignProgress> reports() {
        return List.copyOf(reports);
    }

    /**
     * Asserts the reports count {@code total} designs throughout, designs finished never go back, and the last
     * report has them all finished with the whole work done.
     */
    public synchronized void assertCountedUpTo(int total) {
        assertTrue(!reports.isEmpty(), "no batch progress reported");
        int finished = 0;
        for (DesignProgress p : reports) {
            assertEquals(total, p.total(), "the true design count, not a padded width: " + p);
            assertTrue(p.finished() >= finished, "designs finished went back: " + reports);
            finished = p.finished();
        }
        DesignProgress last = reports.get(reports.size() - 1);
        assertEquals(total, last.finished());
        assertEquals(1.0, last.work(), 0.0);
    }
}
