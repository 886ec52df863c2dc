package org.sorb.numerics.batch;

/** Sizes (in elements) of every batch buffer, shared by the Java and OpenCL devices. */
public final class BatchBuffers {
    private BatchBuffers() {
    }

    /** Stage states whose outlets gather_stage_outlets gathers: Y, S1, S2, S3 (the four ESDIRK stages). */
    public static final int STAGE_OUTLETS = org.sorb.numerics.Esdirk32.STAGES;

    public static int size(BatchDevice.Buf b, KernelConstants k, int nd) {
        int n = k.unknowns();
        return switch (b) {
            case Y, F1, PREV, S1, S2, S3, FS1, FS2, FS3, SUM, RHS, ERR, WEIGHT -> n * nd;
            case BULK_RHS -> k.bandRows() * nd;
            case CIN -> k.nc() * nd;
            case OUTLET -> STAGE_OUTLETS * k.nc() * nd;
            case PAR -> k.parameters() * nd;
            case HG, RATIO, NORM -> nd;
            case TOL -> 2 * nd;
            case COEF -> 4 * nd;
            case BLOCKS -> k.nz() * k.nblk() * k.bs() * k.bs() * nd;
            case LOWER, UPPER -> k.nz() * k.nblk() * k.nc() * nd;
            case BMAT, CMAT -> k.nz() * k.nc() * k.bs() * nd;
            case BAND -> k.bandRows() * k.bandWidth() * nd;
            case STEP -> (4 + 2 * k.nc()) * nd;
            case ETA -> nd;
            case RESULT -> 3 * nd;
            case TABLEAU -> 29;
        };
    }

    public static int size(BatchDevice.IntBuf b, KernelConstants k, int nd) {
        return switch (b) {
            case ACTIVE, OK -> nd;
            case PIV -> k.nz() * k.nblk() * k.bs() * nd;
            case BAND_PIV -> k.bandRows() * nd;
        };
    }

    /**
     * Distinct bytes one simplified Newton iteration of one design reads or writes in {@code attempt_design}: the
     * stage state, the step's start state, the stage sum, the right-hand side and the inverse Newton weights (N
     * doubles each), the inlet, the parameters and h gamma, the factored matrix as the solves read it (the blocks,
     * lower, upper, B, C, the band and its pivots, and the blocks' pivots unless blockInverse: the kernels'
     * BLOCK_INVERSE) and the bulk right-hand side. Each counted once, so it is a lower bound on the memory traffic
     * of the iteration.
     */
    public static long newtonIterationBytes(KernelConstants k, boolean blockInverse) {
        long bytes = 0;
        for (BatchDevice.Buf b : NEWTON_ITERATION_DOUBLES) {
            bytes += 8L * size(b, k, 1);
        }
        for (BatchDevice.IntBuf b : NEWTON_ITERATION_INTS) {
            bytes += 4L * size(b, k, 1);
        }
        if (!blockInverse) {
            bytes += 4L * size(BatchDevice.IntBuf.PIV, k, 1);
        }
        return bytes;
    }

    /** The double buffers of one Newton iteration: stage state, start state, sum, right-hand side, ..., factors. */
    private static final BatchDevice.Buf[] NEWTON_ITERATION_DOUBLES = {BatchDevice.Buf.S1, BatchDevice.Buf.Y,
        BatchDevice.Buf.SUM, BatchDevice.Buf.RHS, BatchDevice.Buf.WEIGHT, BatchDevice.Buf.CIN, BatchDevice.Buf.PAR,
        BatchDevice.Buf.HG, BatchDevice.Buf.BLOCKS, BatchDevice.Buf.LOWER, BatchDevice.Buf.UPPER, BatchDevice.Buf.BMAT,
        BatchDevice.Buf.CMAT, BatchDevice.Buf.BAND, BatchDevice.Buf.BULK_RHS};

    /** The pivot array every Newton iteration reads (the band's). */
    private static final BatchDevice.IntBuf[] NEWTON_ITERATION_INTS = {BatchDevice.IntBuf.BAND_PIV};

    /** Device bytes one design needs across all buffers. */
    public static long bytesPerDesign(KernelConstants k) {
        long total = 0;
        for (BatchDevice.Buf b : BatchDevice.Buf.values()) {
            total += 8L * size(b, k, 1);
        }
        for (BatchDevice.IntBuf b : BatchDevice.IntBuf.values()) {
            total += 4L * size(b, k, 1);
        }
        return total;
    }
}
