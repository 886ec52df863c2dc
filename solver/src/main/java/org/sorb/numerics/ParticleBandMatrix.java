package org.sorb.numerics;

import java.util.Arrays;

/**
 * The {@link ColumnMatrix} of a particle discretized by spectral elements. Per axial point j and particle point k
 * the local block D_k (pore lanes p, bound lanes b) couples to other points only through its pore lanes (diffusion,
 * lane by lane, points w apart), so the bound lanes are condensed first, point by point:
 * S_k = D_pp,k - D_pb,k D_bb,k^-1 D_bp,k (n_comp x n_comp). The condensed particle (pore lanes of all n_p points)
 * is one band matrix P_j of size n_p n_comp (band (w + 1) n_comp - 1 wide on either side); the film couples its
 * surface point to the bulk: B_j (bulk lanes x pore lanes of point 0) and C_j (pore rows x bulk lanes).
 *
 * <p>Factor: D_bb,k^-1 (from its LU, {@link DenseLu}; n_bound is small), W_k = D_bb,k^-1 D_bp,k, P_j = LU with partial pivoting ({@link BandLu}),
 * X_j = P_j^-1 C_j, Schur complement -B_j X_j added to the point's bulk block, then the band along the column.
 * Solve: t_b = D_bb^-1 r_b, t = P_j^-1 (r_p - D_pb t_b), bulk right-hand side r_bulk - B_j t, band solve,
 * x_p = t - X_j x_bulk, x_b = t_b - W x_p. The film touches pore lanes only (any other entry is refused).
 */
public final class ParticleBandMatrix implements ColumnMatrix {
    private final StateLayout layout;
    private final int nz;
    private final int nc;
    private final int bs;
    private final int nb;
    private final int np;
    /** Rows of a condensed particle: n_p n_comp. */
    private final int m;
    private final BandLu band;
    private final BandLu[] particle;
    /** Local blocks, bs x bs row-major per (j, k); D_bb is factored in place. */
    private final double[] blocks;
    /** Pivots of the D_bb being condensed (only D_bb^-1 is kept). */
    private final int[] boundPivots;
    /** W = D_bb^-1 D_bp, nb x nc per (j, k). */
    private final double[] wMat;
    /** D_bb^-1, nb x nb per (j, k). */
    private final double[] bbInv;
    private final double[] bMat;
    private final double[] cMat;
    private final double[] xMat;
    private final double[] work;
    private final double[] boundWork;
    private final double[] bulkRhs;

    /**
     * @param lowerPoints    axial points below the diagonal a bulk row couples to
     * @param upperPoints    axial points above
     * @param particlePoints particle points on either side a pore row couples to
     */
    public ParticleBandMatrix(StateLayout layout, int lowerPoints, int upperPoints, int particlePoints) {
        this.layout = layout;
        this.nz = layout.axialCells();
        this.nc = layout.components();
        this.bs = layout.blockSize();
        this.nb = bs - nc;
        this.np = layout.localBlocks();
        this.m = Math.multiplyExact(np, nc);
        this.band = new BandLu(Sizes.length(Sizes.times(nz, nc), "band rows"), Math.multiplyExact(lowerPoints, nc),
                Math.multiplyExact(upperPoints, nc));
        int pw = particleWidth(particlePoints, nc);
        this.particle = new BandLu[nz];
        for (int j = 0; j < nz; j++) {
            particle[j] = new BandLu(m, pw, pw);
        }
        this.blocks = new double[Sizes.length(Sizes.times(nz, np, (long) bs * bs), "particle blocks")];
        this.boundPivots = new int[Math.max(1, nb)];
        this.wMat = new double[Sizes.length(Sizes.times(nz, np, (long) nb * nc), "bound condensation W")];
        this.bbInv = new double[Sizes.length(Sizes.times(nz, np, (long) nb * nb), "inverse bound blocks")];
        this.bMat = new double[Sizes.length(Sizes.times(nz, nc, nc), "film coupling B")];
        this.cMat = new double[Sizes.length(Sizes.times(nz, m, nc), "film coupling C")];
        this.xMat = new double[cMat.length];
        this.work = new double[m];
        this.boundWork = new double[Math.max(1, nb)];
        this.bulkRhs = new double[Sizes.length(Sizes.times(nz, nc), "bulk right-hand side")];
    }

    /** Half-width of a condensed particle band in unknowns: (w + 1) n_comp - 1. */
    private static int particleWidth(int particlePoints, int nc) {
        return Math.multiplyExact(particlePoints + 1, nc) - 1;
    }

    /**
     * Adds what the matrix allocates: the bulk band, N_z condensed particle bands of n_p n_comp rows, the local
     * blocks (N_z n_p bs^2), W and D_bb^-1, 2 N_z n_p n_comp^2 film couplings and their solves, B and the
     * bulk right-hand side.
     */
    public static void footprint(StateLayout layout, int lowerPoints, int upperPoints, int particlePoints,
                                 Footprint f) {
        int nc = layout.components();
        int bs = layout.blockSize();
        long nz = layout.axialCells();
        long np = layout.localBlocks();
        long m = Sizes.times(np, nc);
        BandLu.footprint(Sizes.times(nz, nc), Math.multiplyExact(lowerPoints, nc), Math.multiplyExact(upperPoints, nc),
                f);
        Footprint one = new Footprint();
        BandLu.footprint(m, particleWidth(particlePoints, nc), particleWidth(particlePoints, nc), one);
        f.plus(one, nz, Footprint.Part.GRID);
        f.doubles(Footprint.Part.GRID, 1, Sizes.times(nz, np, (long) bs * bs));
        f.doubles(Footprint.Part.GRID, 1, Sizes.times(nz, np, (long) (bs - nc) * nc));
        f.doubles(Footprint.Part.GRID, 1, Sizes.times(nz, np, (long) (bs - nc) * (bs - nc)));
        f.doubles(Footprint.Part.GRID, 2, Sizes.times(nz, m, nc));
        f.doubles(Footprint.Part.GRID, 1, Sizes.times(nz, nc, nc));
        f.doubles(Footprint.Part.GRID, 1, Sizes.times(nz, nc));
    }

    @Override
    public void clear() {
        band.clear();
        for (BandLu p : particle) {
            p.clear();
        }
        Arrays.fill(blocks, 0.0);
        Arrays.fill(bMat, 0.0);
        Arrays.fill(cMat, 0.0);
    }

    @Override
    public void addBulk(int j, int a, int jj, int b, double v) {
        band.add(j * nc + a, jj * nc + b, v);
    }

    @Override
    public void addBlock(int j, int k, int r, int c, double v) {
        blocks[((j * np + k) * bs + r) * bs + c] += v;
    }

    @Override
    public void addCoupling(int j, int k, int l, int a, double v) {
        particle[j].add(k * nc + a, l * nc + a, v);
    }

    @Override
    public void addBulkToBlock(int j, int a, int c, double v) {
        if (c >= nc) {
            throw new IllegalArgumentException("film coupling to bound lane " + c + " of " + bs);
        }
        bMat[(j * nc + a) * nc + c] += v;
    }

    @Override
    public void addBlockToBulk(int j, int k, int r, int a, double v) {
        if (r >= nc) {
            throw new IllegalArgumentException("film coupling from bound lane " + r + " of " + bs);
        }
        cMat[(j * m + k * nc + r) * nc + a] += v;
    }

    @Override
    public boolean factor() {
        for (int j = 0; j < nz; j++) {
            for (int k = 0; k < np; k++) {
                if (!condense(j, k)) {
                    return false;
                }
            }
            if (!particle[j].factor()) {
                return false;
            }
            for (int a = 0; a < nc; a++) {
                for (int r = 0; r < m; r++) {
                    work[r] = cMat[(j * m + r) * nc + a];
                }
                particle[j].solve(work, 0);
                for (int r = 0; r < m; r++) {
                    xMat[(j * m + r) * nc + a] = work[r];
                }
            }
            for (int a = 0; a < nc; a++) {
                for (int b = 0; b < nc; b++) {
                    double s = 0.0;
                    for (int r = 0; r < nc; r++) {
                        s += bMat[(j * nc + a) * nc + r] * xMat[(j * m + r) * nc + b];
                    }
                    if (s != 0.0) {
                        band.add(j * nc + a, j * nc + b, -s);
                    }
                }
            }
        }
        return band.factor();
    }

    /**
     * Point (j, k): D_bb^-1 (from D_bb factored in place), W = D_bb^-1 D_bp, and S = D_pp - D_pb W added to the
     * condensed particle.
     */
    private boolean condense(int j, int k) {
        int off = (j * np + k) * bs * bs;
        int w0 = (j * np + k) * nb * nc;
        if (nb > 0) {
            if (!DenseLu.factor(blocks, off + nc * bs + nc, nb, bs, boundPivots, 0)) {
                return false;
            }
            int i0 = (j * np + k) * nb * nb;
            for (int c = 0; c < nb; c++) {
                java.util.Arrays.fill(boundWork, 0.0);
                boundWork[c] = 1.0;
                DenseLu.solve(blocks, off + nc * bs + nc, nb, bs, boundPivots, 0, boundWork, 0);
                for (int s = 0; s < nb; s++) {
                    bbInv[i0 + s * nb + c] = boundWork[s];
                }
            }
            for (int s = 0; s < nb; s++) {
                for (int c = 0; c < nc; c++) {
                    double v = 0.0;
                    for (int t = 0; t < nb; t++) {
                        v += bbInv[i0 + s * nb + t] * blocks[off + (nc + t) * bs + c];
                    }
                    wMat[w0 + s * nc + c] = v;
                }
            }
        }
        for (int r = 0; r < nc; r++) {
            for (int c = 0; c < nc; c++) {
                double v = blocks[off + r * bs + c];
                for (int s = 0; s < nb; s++) {
                    v -= blocks[off + r * bs + nc + s] * wMat[w0 + s * nc + c];
                }
                if (v != 0.0) {
                    particle[j].add(k * nc + r, k * nc + c, v);
                }
            }
        }
        return true;
    }

    @Override
    public void solve(double[] rhs) {
        if (nc == 1 && nb == 1) {
            solveOneBound(rhs);
            return;
        }
        int stride = layout.cellStride();
        for (int j = 0; j < nz; j++) {
            for (int k = 0; k < np; k++) {
                int off = (j * np + k) * bs * bs;
                int x0 = layout.block(j, k);
                if (nb > 0) {
                    // t_b = D_bb^-1 r_b (kept in rhs's bound lanes), then r_p - D_pb t_b
                    int i0 = (j * np + k) * nb * nb;
                    for (int s = 0; s < nb; s++) {
                        double v = 0.0;
                        for (int t = 0; t < nb; t++) {
                            v += bbInv[i0 + s * nb + t] * rhs[x0 + nc + t];
                        }
                        boundWork[s] = v;
                    }
                    for (int s = 0; s < nb; s++) {
                        rhs[x0 + nc + s] = boundWork[s];
                    }
                }
                for (int r = 0; r < nc; r++) {
                    double v = rhs[x0 + r];
                    for (int s = 0; s < nb; s++) {
                        v -= blocks[off + r * bs + nc + s] * boundWork[s];
                    }
                    work[k * nc + r] = v;
                }
            }
            particle[j].solve(work, 0);
            for (int a = 0; a < nc; a++) {
                double s = rhs[j * stride + a];
                for (int r = 0; r < nc; r++) {
                    s -= bMat[(j * nc + a) * nc + r] * work[r];
                }
                bulkRhs[j * nc + a] = s;
            }
            // keep t (the particle solve) in the pore lanes until the bulk is known
            for (int k = 0; k < np; k++) {
                int x0 = layout.block(j, k);
                for (int r = 0; r < nc; r++) {
                    rhs[x0 + r] = work[k * nc + r];
                }
            }
        }
        band.solve(bulkRhs, 0);
        for (int j = 0; j < nz; j++) {
            for (int a = 0; a < nc; a++) {
                rhs[j * stride + a] = bulkRhs[j * nc + a];
            }
            for (int k = 0; k < np; k++) {
                int x0 = layout.block(j, k);
                int w0 = (j * np + k) * nb * nc;
                for (int r = 0; r < nc; r++) {
                    double s = 0.0;
                    for (int a = 0; a < nc; a++) {
                        s += xMat[(j * m + k * nc + r) * nc + a] * bulkRhs[j * nc + a];
                    }
                    rhs[x0 + r] -= s;
                }
                for (int s = 0; s < nb; s++) {
                    double v = rhs[x0 + nc + s];
                    for (int c = 0; c < nc; c++) {
                        v -= wMat[w0 + s * nc + c] * rhs[x0 + c];
                    }
                    rhs[x0 + nc + s] = v;
                }
            }
        }
    }

    /** {@link #solve} for one component with one bound state (blocks of 2 x 2), the loops over lanes written out. */
    private void solveOneBound(double[] rhs) {
        int stride = layout.cellStride();
        for (int j = 0; j < nz; j++) {
            int x0 = layout.block(j, 0);
            int p0 = j * np;
            for (int k = 0; k < np; k++) {
                int x = x0 + 2 * k;
                double tb = bbInv[p0 + k] * rhs[x + 1];
                rhs[x + 1] = tb;
                work[k] = rhs[x] - blocks[(p0 + k) * 4 + 1] * tb;
            }
            particle[j].solve(work, 0);
            bulkRhs[j] = rhs[j * stride] - bMat[j] * work[0];
            for (int k = 0; k < np; k++) {
                rhs[x0 + 2 * k] = work[k];
            }
        }
        band.solve(bulkRhs, 0);
        for (int j = 0; j < nz; j++) {
            double xb = bulkRhs[j];
            rhs[j * stride] = xb;
            int x0 = layout.block(j, 0);
            int p0 = j * np;
            for (int k = 0; k < np; k++) {
                int x = x0 + 2 * k;
                double xp = rhs[x] - xMat[j * m + k] * xb;
                rhs[x] = xp;
                rhs[x + 1] -= wMat[p0 + k] * xp;
            }
        }
    }
}
