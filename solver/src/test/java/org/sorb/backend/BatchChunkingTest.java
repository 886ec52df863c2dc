package org.sorb.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchChunkingTest {
    @Test
    void everythingFitsInOneChunk() {
        assertEquals(List.of(new BatchChunking.Chunk(0, 100)), BatchChunking.plan(100, 1000, 1_000_000, 0.5));
    }

    @Test
    void chunksCoverTheBatchInOrderAndEachFits() {
        long perDesign = 3_000;
        long device = 1_000_000;
        double fraction = 0.8;
        List<BatchChunking.Chunk> chunks = BatchChunking.plan(1000, perDesign, device, fraction);
        int next = 0;
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (BatchChunking.Chunk c : chunks) {
            assertEquals(next, c.from());
            assertTrue(c.size() * perDesign <= fraction * device, c.toString());
            next = c.to();
            smallest = Math.min(smallest, c.size());
            largest = Math.max(largest, c.size());
        }
        assertEquals(1000, next);
        assertEquals(4, chunks.size()); // 266 designs fit per chunk: ceil(1000 / 266) = 4
        assertTrue(largest - smallest <= 1, "balanced chunks");
    }

    @Test
    void noDesignsGiveNoChunksAndBadArgumentsAreRefused() {
        assertEquals(List.of(), BatchChunking.plan(0, 10, 100, 1.0));
        assertThrows(IllegalArgumentException.class, () -> BatchChunking.plan(5, 200, 100, 1.0));
        assertThrows(IllegalArgumentException.class, () -> BatchChunking.plan(-1, 10, 100, 1.0));
        assertThrows(IllegalArgumentException.class, () -> BatchChunking.plan(5, 0, 100, 1.0));
        assertThrows(IllegalArgumentException.class, () -> BatchChunking.plan(5, 10, 100, 0.0));
        assertThrows(IllegalArgumentException.class, () -> BatchChunking.plan(5, 10, 100, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new BatchChunking.Chunk(3, 3));
    }

    @Test
    void hugeDeviceMemoryDoesNotOverflow() {
        List<BatchChunking.Chunk> chunks = BatchChunking.plan(Integer.MAX_VALUE, 1, Long.MAX_VALUE, 1.0);
        assertEquals(1, chunks.size());
        assertEquals(Integer.MAX_VALUE, chunks.get(0).to());
    }
}
