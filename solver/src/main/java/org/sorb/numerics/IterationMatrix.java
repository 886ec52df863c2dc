package org.sorb.numerics;

import java.util.Arrays;

/**
 * The {@link ColumnMatrix} of finite-volume shells (and of the one-block LRMP and lumped rate model), stored by
 * structure, and its direct solve.
 *
 * <p>Per axial cell j: a bulk block (n_comp lanes, coupled along the column by the band), local blocks
 * D_k (k = 0 outermost shell .. n_b - 1), lane couplings between neighbouring shells on the pore lanes
 * (lower: row shell k, column shell k - 1; upper: row shell k, column shell k + 1), and the film coupling
 * B (bulk rows x block-0 columns) and C (block-0 rows x bulk columns).
 * Solve: eliminate every cell's local blocks from the innermost shell outwards (block Thomas), add the Schur
 * complement -B D'_0^-1 C to the cell's bulk diagonal block, then solve the banded system along the column.
 */
public final class IterationMatrix implements ColumnMatrix {
    /** Sub- and super-diagonals of the band per component: 2 n_comp below, n_comp above (the WENO3 stencil). */
    static final int BAND_LOWER = 2;
    static final int BAND_UPPER = 1;

    private final StateLayout layout;
    private final int nz;
    private final int nc;
    private final int nb;
    private final int bs;
    private final BandLu band;
    private final double[] blocks;
    private final int[] pivots;
    private final double[] lower;
    private final double[] upper;
    private final double[] bMat;
    private final double[] cMat;
    private final double[] work;
    private final double[] work2;
    private final double[] bulkRhs;

    /** The matrix of {@code layout} with the finite-volume band (WENO3 stencil). */
    public IterationMatrix(StateLayout layout) {
        this(layout, BAND_LOWER, BAND_UPPER);
    }

    /** The matrix of {@code layout} with a bulk band of {@code lowerPoints} and {@code upperPoints} points. */
    public IterationMatrix(StateLayout layout, int lowerPoints, int upperPoints) {
        this.layout = layout;
        this.nz = layout.axialCells();
        this.nc = layout.components();
        this.nb = layout.localBlocks();
        this.bs = layout.blockSize();
        this.band = new BandLu(Sizes.length(bandRows(layout), "band rows"), Math.multiplyExact(lowerPoints, nc),
                Math.multiplyExact(upperPoints, nc));
        this.blocks = new double[Sizes.length(blockEntries(layout), "block entries")];
        this.pivots = new int[Sizes.length(blockRows(layout), "block pivots")];
        this.lower = new double[Sizes.length(laneEntries(layout), "lower lane couplings")];
        this.upper = new double[Sizes.length(laneEntries(layout), "upper lane couplings")];
        this.bMat = new double[Sizes.length(filmEntries(layout), "film coupling B")];
        this.cMat = new double[Sizes.length(filmEntries(layout), "film coupling C")];
        this.work = new double[bs * Math.max(nc, 1)];
        this.work2 = new double[bs];
        this.bulkRhs = new double[Sizes.length(bandRows(layout), "bulk right-hand side")];
    }

    /**
     * Adds what the matrix of {@code layout} allocates: the band of N_z n_comp rows, N_z n_b bs^2 block entries and
     * N_z n_b bs pivots, 2 N_z n_b n_comp lane couplings, 2 N_z n_comp bs film couplings, N_z n_comp right-hand side.
     */
    public static void footprint(StateLayout layout, Footprint f) {
        footprint(layout, BAND_LOWER, BAND_UPPER, f);
    }

    /** As {@link #footprint(StateLayout, Footprint)} with a band of the given points. */
    public static void footprint(StateLayout layout, int lowerPoints, int upperPoints, Footprint f) {
        int nc = layout.components();
        BandLu.footprint(bandRows(layout), Math.multiplyExact(lowerPoints, nc), Math.multiplyExact(upperPoints, nc), f);
        f.doubles(Footprint.Part.GRID, 1, blockEntries(layout));
        f.ints(Footprint.Part.GRID, 1, blockRows(layout));
        f.doubles(Footprint.Part.GRID, 2, laneEntries(layout));
        f.doubles(Footprint.Part.GRID, 2, filmEntries(layout));
        f.doubles(Footprint.Part.GRID, 1, bandRows(layout));
    }

    private static long bandRows(StateLayout l) {
        return Sizes.times(l.axialCells(), l.components());
    }

    private static long blockEntries(StateLayout l) {
        return Sizes.times(blockRows(l), l.blockSize());
    }

    private static long blockRows(StateLayout l) {
        return Sizes.times(l.axialCells(), l.localBlocks(), l.blockSize());
    }

    private static long laneEntries(StateLayout l) {
        return Sizes.times(l.axialCells(), l.localBlocks(), l.components());
    }

    private static long filmEntries(StateLayout l) {
        return Sizes.times(l.axialCells(), l.components(), l.blockSize());
    }

    public StateLayout layout() {
        return layout;
    }

    @Override
    public void clear() {
        band.clear();
        Arrays.fill(blocks, 0.0);
        Arrays.fill(lower, 0.0);
        Arrays.fill(upper, 0.0);
        Arrays.fill(bMat, 0.0);
        Arrays.fill(cMat, 0.0);
    }

    @Override
    public void addBulk(int j, int a, int jj, int b, double v) {
        band.add(j * nc + a, jj * nc + b, v);
    }

    @Override
    public void addBlock(int j, int k, int r, int c, double v) {
        blocks[((j * nb + k) * bs + r) * bs + c] += v;
    }

    /** Couplings between neighbouring shells only: l = k - 1 or l = k + 1. */
    @Override
    public void addCoupling(int j, int k, int l, int a, double v) {
        if (l == k - 1) {
            addLower(j, k, a, v);
        } else if (l == k + 1) {
            addUpper(j, k, a, v);
        } else {
            throw new IllegalArgumentException("shells " + k + " and " + l + " are not neighbours");
        }
    }

    /** Adds v to the coupling of pore lane a of shell k with shell k - 1 in cell j. */
    void addLower(int j, int k, int a, double v) {
        lower[(j * nb + k) * nc + a] += v;
    }

    /** Adds v to the coupling of pore lane a of shell k with shell k + 1 in cell j. */
    void addUpper(int j, int k, int a, double v) {
        upper[(j * nb + k) * nc + a] += v;
    }

    @Override
    public void addBulkToBlock(int j, int a, int c, double v) {
        bMat[(j * nc + a) * bs + c] += v;
    }

    /** Film couplings into block 0 only. */
    @Override
    public void addBlockToBulk(int j, int k, int r, int a, double v) {
        if (k != 0) {
            throw new IllegalArgumentException("film coupling into shell " + k);
        }
        cMat[(j * bs + r) * nc + a] += v;
    }

    /** Local elimination in every cell, Schur complement into the band, band LU. */
    @Override
    public boolean factor() {
        for (int j = 0; j < nz; j++) {
            if (!eliminateCell(j)) {
                return false;
            }
        }
        return band.factor();
    }

    /** Local elimination of cell j (innermost shell outwards) and its Schur complement. */
    private boolean eliminateCell(int j) {
        for (int k = nb - 1; k >= 0; k--) {
            int dOff = (j * nb + k) * bs * bs;
            if (k < nb - 1) {
                // D'_k = D_k - U_k D'_{k+1}^-1 L_{k+1} on the pore lanes
                int inner = (j * nb + k + 1);
                for (int b = 0; b < nc; b++) {
                    Arrays.fill(work2, 0.0);
                    work2[b] = 1.0;
                    DenseLu.solve(blocks, inner * bs * bs, bs, pivots, inner * bs, work2, 0);
                    double lb = lower[inner * nc + b];
                    for (int a = 0; a < nc; a++) {
                        blocks[dOff + a * bs + b] -= upper[(j * nb + k) * nc + a] * work2[a] * lb;
                    }
                }
            }
            if (!DenseLu.factor(blocks, dOff, bs, pivots, (j * nb + k) * bs)) {
                return false;
            }
        }
        // Schur complement: S = A - B D'_0^-1 C
        int d0 = j * nb;
        for (int a = 0; a < nc; a++) {
            for (int r = 0; r < bs; r++) {
                work[a * bs + r] = cMat[(j * bs + r) * nc + a];
            }
            DenseLu.solve(blocks, d0 * bs * bs, bs, pivots, d0 * bs, work, a * bs);
        }
        for (int a = 0; a < nc; a++) {
            for (int b = 0; b < nc; b++) {
                double s = 0.0;
                for (int r = 0; r < bs; r++) {
                    s += bMat[(j * nc + a) * bs + r] * work[b * bs + r];
                }
                if (s != 0.0) {
                    band.add(j * nc + a, j * nc + b, -s);
                }
            }
        }
        return true;
    }

    @Override
    public void solve(double[] rhs) {
        int stride = layout.cellStride();
        for (int j = 0; j < nz; j++) {
            int cell = j * stride;
            for (int k = nb - 2; k >= 0; k--) {
                int innerOff = layout.block(j, k + 1);
                System.arraycopy(rhs, innerOff, work2, 0, bs);
                int inner = j * nb + k + 1;
                DenseLu.solve(blocks, inner * bs * bs, bs, pivots, inner * bs, work2, 0);
                int off = layout.block(j, k);
                for (int a = 0; a < nc; a++) {
                    rhs[off + a] -= upper[(j * nb + k) * nc + a] * work2[a];
                }
            }
            System.arraycopy(rhs, layout.block(j, 0), work2, 0, bs);
            DenseLu.solve(blocks, j * nb * bs * bs, bs, pivots, j * nb * bs, work2, 0);
            for (int a = 0; a < nc; a++) {
                double s = rhs[cell + a];
                for (int r = 0; r < bs; r++) {
                    s -= bMat[(j * nc + a) * bs + r] * work2[r];
                }
                bulkRhs[j * nc + a] = s;
            }
        }
        band.solve(bulkRhs, 0);
        for (int j = 0; j < nz; j++) {
            int cell = j * stride;
            for (int a = 0; a < nc; a++) {
                rhs[cell + a] = bulkRhs[j * nc + a];
            }
            int off0 = layout.block(j, 0);
            for (int r = 0; r < bs; r++) {
                double s = 0.0;
                for (int a = 0; a < nc; a++) {
                    s += cMat[(j * bs + r) * nc + a] * bulkRhs[j * nc + a];
                }
                rhs[off0 + r] -= s;
            }
            DenseLu.solve(blocks, j * nb * bs * bs, bs, pivots, j * nb * bs, rhs, off0);
            for (int k = 1; k < nb; k++) {
                int off = layout.block(j, k);
                int outer = layout.block(j, k - 1);
                for (int a = 0; a < nc; a++) {
                    rhs[off + a] -= lower[(j * nb + k) * nc + a] * rhs[outer + a];
                }
                int idx = j * nb + k;
                DenseLu.solve(blocks, idx * bs * bs, bs, pivots, idx * bs, rhs, off);
            }
        }
    }
}
