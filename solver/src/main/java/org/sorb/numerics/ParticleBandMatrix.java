package org.sorb.numerics;

import java.util.Arrays;

/**
 * The {@link ColumnMatrix} of a particle discretized by spectral elements: per axial point j, the particle's
 * points form one band matrix P_j of size n_p bs (point k's block at rows and columns k bs .. k bs + bs - 1;
 * points w apart couple, so the band is (w + 1) bs - 1 wide on either side), with the film coupling B_j (bulk
 * lanes x block 0) and C_j (particle rows x bulk lanes).
 *
 * <p>Factor: P_j = LU with partial pivoting ({@link BandLu}), X_j = P_j^-1 C_j, Schur complement -B_j X_j added to the point's bulk
 * block, then the band along the column. Solve: t = P_j^-1 r_p, bulk right-hand side r_b - B_j t, band solve,
 * x_p = t - X_j x_b.
 */
public final class ParticleBandMatrix implements ColumnMatrix {
    private final StateLayout layout;
    private final int nz;
    private final int nc;
    private final int bs;
    private final int m;
    private final BandLu band;
    private final BandLu[] particle;
    private final double[] bMat;
    private final double[] cMat;
    private final double[] xMat;
    private final double[] work;
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
        this.m = Math.multiplyExact(layout.localBlocks(), bs);
        this.band = new BandLu(Sizes.length(Sizes.times(nz, nc), "band rows"), Math.multiplyExact(lowerPoints, nc),
                Math.multiplyExact(upperPoints, nc));
        int pw = particleWidth(particlePoints, bs);
        this.particle = new BandLu[nz];
        for (int j = 0; j < nz; j++) {
            particle[j] = new BandLu(m, pw, pw);
        }
        this.bMat = new double[Sizes.length(Sizes.times(nz, nc, bs), "film coupling B")];
        this.cMat = new double[Sizes.length(Sizes.times(nz, m, nc), "film coupling C")];
        this.xMat = new double[cMat.length];
        this.work = new double[m];
        this.bulkRhs = new double[Sizes.length(Sizes.times(nz, nc), "bulk right-hand side")];
    }

    /** Half-width of a particle band in unknowns: (w + 1) bs - 1. */
    private static int particleWidth(int particlePoints, int bs) {
        return Math.multiplyExact(particlePoints + 1, bs) - 1;
    }

    /**
     * Adds what the matrix allocates: the bulk band, N_z particle bands of n_p bs rows,
     * 2 N_z n_p bs n_comp film couplings and their solves, N_z n_comp bs for B, N_z n_comp right-hand side.
     */
    public static void footprint(StateLayout layout, int lowerPoints, int upperPoints, int particlePoints,
                                 Footprint f) {
        int nc = layout.components();
        long nz = layout.axialCells();
        long m = Sizes.times(layout.localBlocks(), layout.blockSize());
        BandLu.footprint(Sizes.times(nz, nc), Math.multiplyExact(lowerPoints, nc), Math.multiplyExact(upperPoints, nc),
                f);
        int pw = particleWidth(particlePoints, layout.blockSize());
        Footprint one = new Footprint();
        BandLu.footprint(m, pw, pw, one);
        f.plus(one, nz, Footprint.Part.GRID);
        f.doubles(Footprint.Part.GRID, 2, Sizes.times(nz, m, nc));
        f.doubles(Footprint.Part.GRID, 1, Sizes.times(nz, nc, layout.blockSize()));
        f.doubles(Footprint.Part.GRID, 1, Sizes.times(nz, nc));
    }

    @Override
    public void clear() {
        band.clear();
        for (BandLu p : particle) {
            p.clear();
        }
        Arrays.fill(bMat, 0.0);
        Arrays.fill(cMat, 0.0);
    }

    @Override
    public void addBulk(int j, int a, int jj, int b, double v) {
        band.add(j * nc + a, jj * nc + b, v);
    }

    @Override
    public void addBlock(int j, int k, int r, int c, double v) {
        particle[j].add(k * bs + r, k * bs + c, v);
    }

    @Override
    public void addCoupling(int j, int k, int l, int a, double v) {
        particle[j].add(k * bs + a, l * bs + a, v);
    }

    @Override
    public void addBulkToBlock(int j, int a, int c, double v) {
        bMat[(j * nc + a) * bs + c] += v;
    }

    @Override
    public void addBlockToBulk(int j, int k, int r, int a, double v) {
        cMat[(j * m + k * bs + r) * nc + a] += v;
    }

    @Override
    public boolean factor() {
        for (int j = 0; j < nz; j++) {
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
                    for (int r = 0; r < bs; r++) {
                        s += bMat[(j * nc + a) * bs + r] * xMat[(j * m + r) * nc + b];
                    }
                    if (s != 0.0) {
                        band.add(j * nc + a, j * nc + b, -s);
                    }
                }
            }
        }
        return band.factor();
    }

    @Override
    public void solve(double[] rhs) {
        int stride = layout.cellStride();
        for (int j = 0; j < nz; j++) {
            int p0 = layout.block(j, 0);
            particle[j].solve(rhs, p0);
            for (int a = 0; a < nc; a++) {
                double s = rhs[j * stride + a];
                for (int r = 0; r < bs; r++) {
                    s -= bMat[(j * nc + a) * bs + r] * rhs[p0 + r];
                }
                bulkRhs[j * nc + a] = s;
            }
        }
        band.solve(bulkRhs, 0);
        for (int j = 0; j < nz; j++) {
            int p0 = layout.block(j, 0);
            for (int a = 0; a < nc; a++) {
                rhs[j * stride + a] = bulkRhs[j * nc + a];
            }
            for (int r = 0; r < m; r++) {
                double s = 0.0;
                for (int a = 0; a < nc; a++) {
                    s += xMat[(j * m + r) * nc + a] * bulkRhs[j * nc + a];
                }
                rhs[p0 + r] -= s;
            }
        }
    }
}
