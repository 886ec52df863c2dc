package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Buffer sizes: the distinct bytes of one Newton iteration, counted by hand for a small general-rate column. */
class BatchBuffersTest {
    @Test
    void newtonIterationBytesCountsEveryBufferOnce() {
        // 4 cells, 1 component, 1 bound state, 2 shells: 2 local blocks of 2 x 2, 5 unknowns per cell.
        KernelConstants k = new KernelConstants(4, 1, 1, 2, 2, 2, 5, true, "langmuir",
                true, List.of(true), List.of(0), 0);
        int n = 4 * 5;
        // u, D, dz, bound weight, bulk fraction, 1/dz, D/dz; films; couplings; ka, kd, qmax, 1/qmax
        int parameters = 7 + 1 + 1 + 2 + 2 + 1 + 1 + 1 + 1;
        assertEquals(parameters, k.parameters());
        int states = 5 * n; // stage state, start state, sum, right-hand side, inverse weights
        int inletParametersHg = 1 + parameters + 1;
        int blocks = 4 * 2 * 2 * 2;
        int lowerUpper = 2 * (4 * 2 * 1);
        int bAndC = 2 * (4 * 1 * 2);
        int band = 4 * (5 * 1 + 1);
        int bulkRhs = 4;
        int pivots = 4; // the band's; the blocks' pivots only where the solves use the LU factors
        long expected = 8L * (states + inletParametersHg + blocks + lowerUpper + bAndC + band + bulkRhs) + 4L * pivots;
        assertEquals(expected, BatchBuffers.newtonIterationBytes(k, true));
        assertEquals(expected + 4L * (4 * 2 * 2), BatchBuffers.newtonIterationBytes(k, false));
    }

    @Test
    void sizesForTooManyDesignsAreRefusedNotWrapped() {
        KernelConstants k = new KernelConstants(4, 1, 1, 2, 2, 2, 5, true, "langmuir",
                true, List.of(true), List.of(0), 0);
        assertEquals(20 * 1000, BatchBuffers.size(BatchDevice.Buf.Y, k, 1000));
        assertEquals(28, BatchBuffers.size(BatchDevice.Buf.TABLEAU, k, Integer.MAX_VALUE)); // a, b, b_hat, c
        assertThrows(ArithmeticException.class, () -> BatchBuffers.size(BatchDevice.Buf.Y, k, Integer.MAX_VALUE / 10));
        assertThrows(ArithmeticException.class, () -> BatchBuffers.size(BatchDevice.IntBuf.PIV, k, Integer.MAX_VALUE / 10));
        assertEquals(4 * 2 * 2 * 2, BatchBuffers.longestPerDesign(k)); // the blocks: 4 cells x 2 blocks of 2 x 2
    }
}
