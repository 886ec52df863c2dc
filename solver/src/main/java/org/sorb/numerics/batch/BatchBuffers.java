package org.sorb.numerics.batch;

import org.sorb.numerics.Footprint;
import org.sorb.numerics.Sizes;

/** Sizes (in elements) of every batch buffer, shared by the Java and OpenCL devices. */
public final class BatchBuffers {
    private BatchBuffers() {
    }

    /** Stage states whose outlets gather_stage_outlets gathers: Y, S1, S2, S3 (the four ESDIRK stages). */
    public static final int STAGE_OUTLETS = org.sorb.numerics.Esdirk32.STAGES;

    /** Elements of buffer {@code b} for {@code nd} designs (the tableau's whatever nd), as an array length. */
    public static int size(BatchDevice.Buf b, KernelConstants k, int nd) {
        long n = b == BatchDevice.Buf.TABLEAU ? perDesign(b, k) : Sizes.times(perDesign(b, k), nd);
        return Sizes.length(n, b.name());
    }

    /** Elements of int buffer {@code b} for {@code nd} designs, as an array length. */
    public static int size(BatchDevice.IntBuf b, KernelConstants k, int nd) {
        return Sizes.length(Sizes.times(perDesign(b, k), nd), b.name());
    }

    /** Elements of buffer {@code b} per design (the tableau's, shared by all designs, for TABLEAU), exact. */
    static long perDesign(BatchDevice.Buf b, KernelConstants k) {
        long n = k.unknowns();
        return switch (b) {
            case Y, F1, PREV, PREV_S2, S1, S2, S3, FS1, FS2, FS3, SUM, RHS, ERR, WEIGHT -> n;
            case BULK_RHS -> k.bandRows();
            case CIN -> k.nc();
            case OUTLET -> Sizes.times(STAGE_OUTLETS, k.nc());
            case PAR -> k.parameters();
            case HG, NORM -> 1;
            case TOL -> KernelLayout.Tol.length();
            case BLOCKS -> k.dgParticle() ? Sizes.times(k.nz(), particleRows(k), particleRows(k))
                    : Sizes.times(k.nz(), k.nblk(), k.bs(), k.bs());
            case LOWER -> k.dgParticle() ? Sizes.times(k.nz(), k.ns(), (long) k.nb() * k.nc())
                    : Sizes.times(k.nz(), k.nblk(), k.nc());
            case UPPER -> k.dgParticle() ? Sizes.times(k.nz(), k.ns(), (long) k.nb() * (k.nb() + k.nc()))
                    : Sizes.times(k.nz(), k.nblk(), k.nc());
            case BMAT -> Sizes.times(k.nz(), k.nc(), k.bs());
            case CMAT -> Sizes.times(k.nz(), k.nc(), k.dgParticle() ? particleRows(k) : k.bs());
            case BAND -> Sizes.times(k.bandRows(), k.bandWidth());
            case STEP -> KernelLayout.Step.length(k.nc());
            case ETA -> 1;
            case RESULT -> KernelLayout.Result.length();
            case TABLEAU -> KernelLayout.Tableau.length();
        };
    }

    /** Elements of int buffer {@code b} per design, exact. */
    static long perDesign(BatchDevice.IntBuf b, KernelConstants k) {
        return switch (b) {
            case ACTIVE, OK -> 1;
            case PIV -> k.dgParticle() ? Sizes.times(k.nz(), Sizes.plus(particleRows(k), Sizes.times(k.ns(), k.nb())))
                    : Sizes.times(k.nz(), k.nblk(), k.bs());
            case BAND_PIV -> k.bandRows();
        };
    }

    /**
     * Rows of a DG particle's condensed matrix, n_p n_comp (the bound lanes eliminated point by point,
     * column_dg_solve.cl): on a DG particle BLOCKS holds one such matrix per axial point (its LU factors), PIV its
     * pivots and then each point's bound-block pivots (n_p n_bound), CMAT the solved film coupling X = P^-1 C
     * (n_p n_comp x NC), UPPER per point D_bb^-1 and E = D_pb D_bb^-1 (n_bound (n_bound + n_comp)), LOWER per point
     * W = D_bb^-1 D_bp (n_bound n_comp).
     */
    static long particleRows(KernelConstants k) {
        return Sizes.times(k.ns(), k.nc());
    }

    /** Elements per design of the longest buffer: a chunk of nd designs needs arrays of nd times this. */
    public static long longestPerDesign(KernelConstants k) {
        long longest = 0;
        for (BatchDevice.Buf b : BatchDevice.Buf.values()) {
            longest = Math.max(longest, perDesign(b, k));
        }
        for (BatchDevice.IntBuf b : BatchDevice.IntBuf.values()) {
            longest = Math.max(longest, perDesign(b, k));
        }
        return longest;
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
            total = Sizes.plus(total, Sizes.times(Footprint.DOUBLE_BYTES, perDesign(b, k)));
        }
        for (BatchDevice.IntBuf b : BatchDevice.IntBuf.values()) {
            total = Sizes.plus(total, Sizes.times(Footprint.INT_BYTES, perDesign(b, k)));
        }
        return total;
    }
}
