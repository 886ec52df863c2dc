package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.Discretization;
import org.sorb.model.SpectralElements;
import org.sorb.verification.TestCases;

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

    /**
     * On a DG particle the blocks are one dense matrix per axial point of the condensed particle (pore lanes only),
     * CMAT its solved film coupling, UPPER and LOWER each point's bound-lane condensation.
     */
    @Test
    void aDgParticleHoldsOneDenseMatrixPerAxialPoint() {
        ColumnCase c = TestCases.benchmarkColumn(ColumnModel.GENERAL_RATE, TestCases.binding("langmuir", 1, true, 1.0),
                4, 2, new double[1], 1.0, 2.0, 1.0, 1e-8, 1e-6).withDiscretization(Discretization.galerkin(
                new SpectralElements(2, 3, 1, 4, false)));
        KernelConstants k = KernelConstants.of(c);
        int m = 5; // 5 particle points x 1 pore lane (the bound lane condensed)
        assertEquals(8 * m * m, BatchBuffers.size(BatchDevice.Buf.BLOCKS, k, 1));
        assertEquals(8 * (m + 5), BatchBuffers.size(BatchDevice.IntBuf.PIV, k, 1)); // and each point's D_bb pivot
        assertEquals(8 * m, BatchBuffers.size(BatchDevice.Buf.CMAT, k, 1));
        assertEquals(8 * 2, BatchBuffers.size(BatchDevice.Buf.BMAT, k, 1));
        assertEquals(8 * 5, BatchBuffers.size(BatchDevice.Buf.LOWER, k, 1)); // W: 1 x 1 per point
        assertEquals(8 * 5 * 2, BatchBuffers.size(BatchDevice.Buf.UPPER, k, 1)); // D_bb^-1 and E: 1 x 1 each
        assertEquals(8 * m * m, BatchBuffers.longestPerDesign(k));
        // the band: 8 rows, kl = ku = 4 points, stored 2 kl + ku + 1 wide
        assertEquals(8 * (2 * 4 + 4 + 1), BatchBuffers.size(BatchDevice.Buf.BAND, k, 1));
        long bytes = 0;
        for (BatchDevice.Buf b : BatchDevice.Buf.values()) {
            bytes += 8L * BatchBuffers.size(b, k, 1);
        }
        for (BatchDevice.IntBuf b : BatchDevice.IntBuf.values()) {
            bytes += 4L * BatchBuffers.size(b, k, 1);
        }
        assertEquals(bytes, BatchBuffers.bytesPerDesign(k), "the device footprint counts the DG buffers");
    }
}
