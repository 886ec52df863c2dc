package org.sorb.numerics.batch;

import org.sorb.numerics.batch.BatchDevice.Buf;

/**
 * Bytes one simplified Newton iteration of one design moves between the cache and the core in the per-design
 * kernels ({@code attempt_design}, {@code newton_iteration}), modeled from the kernel source. The model: a pass (one
 * loop over the cells) loads each element it reads once and stores each element it writes once, and nothing
 * survives from one pass to the next (at 16 lanes a state vector is 139 kB per work-item, beyond a 48 KiB L1). It
 * counts bytes the way the copy ceilings do (a load or a store of 8 bytes is 8 bytes; no read for ownership).
 *
 * <p>{@link #perDesign} models the kernels as written: the right-hand side, one pass per shell level of the forward
 * reduction and of the back substitution, the band solve and the update. {@link #twoPassMinimum} is what any
 * schedule of the same iteration must move when the band solve splits it in two halves that each pass over the
 * cells once; {@link BatchBuffers#newtonIterationBytes} (each buffer once) is below both. No hardware counters are
 * readable on the development machine, so these are models, not measurements.
 */
public final class NewtonIterationTraffic {
    private static final long DOUBLE = 8;
    private static final long INT = 4;

    private NewtonIterationTraffic() {
    }

    /** The kernels' passes: right-hand side, forward reduction, band solve, back substitution, update (bytes). */
    public static long perDesign(KernelConstants k, boolean blockInverse) {
        return stageRhs(k) + forward(k, blockInverse) + band(k) + back(k, blockInverse) + update(k);
    }

    /**
     * The least any two-half schedule moves (bytes): the first half reads Y, y_n, the stage sum, the parameters, the
     * inlet, h gamma, the blocks, U and B and writes the reduced local right-hand sides z and the bulk right-hand
     * side; the band solve reads the band and its pivots and reads and writes the bulk right-hand side once; the
     * second half reads z, the bulk solution, the blocks the back substitution uses, L, C, Y and the weights and
     * writes Y. With the LU factors each half reads the blocks' pivots.
     */
    public static long twoPassMinimum(KernelConstants k, boolean blockInverse) {
        long local = (long) k.unknowns() - size(Buf.BULK_RHS, k);
        long first = 3L * k.unknowns() + size(Buf.PAR, k) + size(Buf.CIN, k) + size(Buf.HG, k) + size(Buf.BLOCKS, k)
                + size(Buf.UPPER, k) + size(Buf.BMAT, k) + local + size(Buf.BULK_RHS, k);
        long bandSolve = size(Buf.BAND, k) + 2L * size(Buf.BULK_RHS, k);
        long second = local + size(Buf.BULK_RHS, k) + backBlocks(k, blockInverse) + size(Buf.LOWER, k)
                + size(Buf.CMAT, k) + 3L * k.unknowns();
        long pivots = BatchBuffers.size(BatchDevice.IntBuf.BAND_PIV, k, 1)
                + (blockInverse ? 0 : 2L * BatchBuffers.size(BatchDevice.IntBuf.PIV, k, 1));
        return DOUBLE * (first + bandSolve + second) + INT * pivots;
    }

    /** Elements per design of buffer b (BatchBuffers). */
    private static long size(Buf b, KernelConstants k) {
        return BatchBuffers.size(b, k, 1);
    }

    /** {@code stage_rhs_cells}: Y, y_n, the stage sum, the parameters, h gamma, c_in read; rhs written. */
    static long stageRhs(KernelConstants k) {
        return DOUBLE * (4L * k.unknowns() + k.parameters() + 1 + k.nc());
    }

    /**
     * {@code solve_forward_cells}: a pass per shell level k (the inner block's right-hand side, its inverse or
     * factors, U_k and block k's pore values read and written; with the inverse the inner block's z written back),
     * then the bulk pass (block 0's right-hand side and matrix, the bulk values and B; bulkRhs written).
     */
    static long forward(KernelConstants k, boolean blockInverse) {
        long z = blockInverse ? k.bs() : 0;
        long shell = k.bs() + (long) k.bs() * k.bs() + k.nc() + 2L * k.nc() + z;
        long bulk = k.bs() + (long) k.bs() * k.bs() + k.nc() + (long) k.nc() * k.bs() + z + k.nc();
        long pivots = blockInverse ? 0 : (long) k.nblk() * k.bs();
        return k.nz() * (DOUBLE * ((k.nblk() - 1L) * shell + bulk) + INT * pivots);
    }

    /** {@code band_solve_at}: the band and its pivots once, the bulk right-hand side read and written each way. */
    static long band(KernelConstants k) {
        return DOUBLE * (size(Buf.BAND, k) + 4L * size(Buf.BULK_RHS, k))
                + INT * BatchBuffers.size(BatchDevice.IntBuf.BAND_PIV, k, 1);
    }

    /**
     * {@code solve_back_cells}: the bulk pass (bulkRhs, C, block 0's matrix and right-hand side read; the bulk values
     * and block 0 written), then a pass per shell level (L_k, the outer block's pore values, block k's right-hand
     * side read and written, and the first NC columns of its inverse or all of its factors).
     */
    static long back(KernelConstants k, boolean blockInverse) {
        long bulk = k.nc() + (long) k.nc() * k.bs() + (long) k.bs() * k.bs() + k.bs() + k.nc() + k.bs();
        long matrix = blockInverse ? (long) k.bs() * k.nc() : (long) k.bs() * k.bs();
        long shell = k.nc() + k.nc() + 2L * k.bs() + matrix;
        long pivots = blockInverse ? 0 : (long) k.nblk() * k.bs();
        return k.nz() * (DOUBLE * (bulk + (k.nblk() - 1L) * shell) + INT * pivots);
    }

    /** {@code newton_update_part}: delta, Y and the weights read, Y written. */
    static long update(KernelConstants k) {
        return DOUBLE * 4L * k.unknowns();
    }

    /** Matrix values the back substitution reads: block 0 whole, the shells' first NC columns or their factors. */
    private static long backBlocks(KernelConstants k, boolean blockInverse) {
        long shell = blockInverse ? (long) k.bs() * k.nc() : (long) k.bs() * k.bs();
        return k.nz() * ((long) k.bs() * k.bs() + (k.nblk() - 1L) * shell);
    }
}
