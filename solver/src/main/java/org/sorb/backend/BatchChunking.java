package org.sorb.backend;

import java.util.ArrayList;
import java.util.List;

/** Splits a batch of designs into consecutive chunks whose device memory fits a budget. */
public final class BatchChunking {
    /**
     * A half-open range of design indices.
     *
     * @param from first design (inclusive)
     * @param to   end (exclusive), greater than {@code from}
     */
    public record Chunk(int from, int to) {
        public Chunk {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("chunk [" + from + ", " + to + ")");
            }
        }

        /** Number of designs in the chunk. */
        public int size() {
            return to - from;
        }
    }

    private BatchChunking() {
    }

    /**
     * Chunks of at most {@code floor(fraction * deviceBytes / bytesPerDesign)} designs covering {@code [0, designs)},
     * as equal in size as possible (so the last chunk is not a small remainder).
     *
     * @param designs        number of designs, at least 0 (0 gives no chunks)
     * @param bytesPerDesign device memory one design needs, positive
     * @param deviceBytes    device memory available, positive
     * @param fraction       share of {@code deviceBytes} to use, in (0, 1]
     * @throws IllegalArgumentException when an argument is out of range or one design does not fit the budget
     */
    public static List<Chunk> plan(int designs, long bytesPerDesign, long deviceBytes, double fraction) {
        if (designs < 0) {
            throw new IllegalArgumentException("designs = " + designs + ", expected >= 0");
        }
        if (bytesPerDesign <= 0 || deviceBytes <= 0) {
            throw new IllegalArgumentException("bytes per design " + bytesPerDesign + " and device bytes "
                    + deviceBytes + " must be positive");
        }
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction = " + fraction + ", expected in (0, 1]");
        }
        double budget = Math.floor(fraction * deviceBytes);
        long perChunk = (long) Math.floor(budget / bytesPerDesign);
        if (perChunk < 1) {
            throw new IllegalArgumentException("one design needs " + bytesPerDesign + " bytes, more than "
                    + (long) budget + " bytes (" + fraction + " of " + deviceBytes + ")");
        }
        List<Chunk> out = new ArrayList<>();
        if (designs == 0) {
            return out;
        }
        long fits = Math.min(perChunk, designs);
        int chunks = (int) (((long) designs + fits - 1) / fits);
        int base = designs / chunks;
        int extra = designs % chunks;
        int from = 0;
        for (int c = 0; c < chunks; c++) {
            int size = base + (c < extra ? 1 : 0);
            out.add(new Chunk(from, from + size));
            from += size;
        }
        return out;
    }
}
