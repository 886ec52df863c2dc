package org.sorb.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DesignProgressTest {
    /** Fractions here are sums of a few exact binary ratios. */
    private static final double EXACT = 1e-15;

    @Test
    void aPartIsReportedAsProgressOfTheWholeBatch() {
        RecordingProgress whole = new RecordingProgress();
        // the second chunk of 8 of a 20-design batch; 8 designs finished before it, 1 of them failed
        ProgressListener part = ProgressListener.part(whole, 8, 1, 8, 20);
        part.designs(new DesignProgress(2, 1, 8, 0.5));
        DesignProgress p = whole.reports().get(0);
        assertEquals(10, p.finished());
        assertEquals(2, p.failed());
        assertEquals(20, p.total());
        assertEquals((8 + 0.5 * 8) / 20, p.work(), EXACT);
        assertEquals("10/20 designs done, 2 failed", p.summary());
    }

    @Test
    void aBatchWithCompanionsIsScaledToItsDesigns() {
        DesignProgress p = new DesignProgress(7, 3, 20, 0.6).scaledTo(10);
        assertEquals(3, p.finished());
        assertEquals(3, p.failed());
        assertEquals(10, p.total());
        assertEquals(0.6, p.work(), EXACT);
    }

    @Test
    void workIsAtLeastTheFinishedFraction() {
        assertEquals(0.5, new DesignProgress(2, 0, 4, 0.1).work(), EXACT);
        assertEquals(1.0, new DesignProgress(4, 0, 4, Double.NaN).work(), EXACT);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DesignProgress(5, 0, 4, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new DesignProgress(1, 2, 4, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new DesignProgress(0, 0, 0, 0.0));
    }
}
