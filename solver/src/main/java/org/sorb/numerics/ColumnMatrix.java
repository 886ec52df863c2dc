package org.sorb.numerics;

/**
 * The Newton iteration matrix N = M - h gamma J of one column, stored by structure, and its direct solve.
 *
 * <p>Per axial point j: a bulk block (n_comp lanes, coupled along the column by a band), local blocks D_k (one per
 * particle point, or the lumped rate model's bound block), couplings between the pore lanes of particle points
 * (diffusion), and the film couplings B (bulk rows x block-0 columns) and C (block rows x bulk columns).
 * {@link IterationMatrix} eliminates tridiagonal shells (finite volumes), {@link ParticleBandMatrix} a banded
 * particle (spectral elements).
 */
public interface ColumnMatrix {
    /** Zeroes every stored entry, ready for assembly. */
    void clear();

    /** Adds v to the bulk entry (point j, lane a) x (point jj, lane b); |j - jj| within the axial band. */
    void addBulk(int j, int a, int jj, int b, double v);

    /** Adds v to entry (r, c) of local block k of point j. */
    void addBlock(int j, int k, int r, int c, double v);

    /** Adds v to the coupling of pore lane a of particle point k with the same lane of point l, in axial point j. */
    void addCoupling(int j, int k, int l, int a, double v);

    /** Adds v to B: bulk lane a x column c of block 0, point j. */
    void addBulkToBlock(int j, int a, int c, double v);

    /** Adds v to C: row r of block k x bulk lane a, point j. */
    void addBlockToBulk(int j, int k, int r, int a, double v);

    /**
     * Factors the matrix.
     *
     * @return false when a block or the band is singular
     */
    boolean factor();

    /** Solves N x = rhs in place; rhs is a state vector in {@link StateLayout} order. */
    void solve(double[] rhs);
}
