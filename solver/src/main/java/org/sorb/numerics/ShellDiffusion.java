package org.sorb.numerics;

import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;

/**
 * Finite-volume shells ({@link ParticleGeometry}) for film and pore diffusion: bulk sink -bulkFilm (c - c_p,0);
 * shell 0 source shellFilm (c - c_p,0); shell couplings toOuter (c_p,k-1 - c_p,k) + toInner (c_p,k+1 - c_p,k).
 * The film acts in series with the half outer shell for the general rate model,
 * k_f,eff = 1 / (1/k_f + (r_p - r_0) / (eps_p D_p)), and alone (k_f,eff = k_f) for the LRMP's single shell.
 */
final class ShellDiffusion implements PoreDiffusion {
    private final StateLayout layout;
    private final ParticleGeometry geometry;
    private final int nz;
    private final int nc;
    private final int nShell;
    /** Film sink of the bulk per component: F 3 / r_p k_f,eff (1/s). */
    private final double[] bulkFilm;
    /** Film source of shell 0 per component: r_p^2 k_f,eff / (eps_p V_0) (1/s). */
    private final double[] shellFilm;
    /** Diffusive coupling of shell k to shell k - 1 per component, [k][i] flat (1/s). */
    private final double[] toOuter;
    /** Diffusive coupling of shell k to shell k + 1 per component, [k][i] flat (1/s). */
    private final double[] toInner;

    ShellDiffusion(ColumnCase columnCase, StateLayout layout) {
        this.layout = layout;
        var column = columnCase.column();
        var particle = columnCase.particle();
        ColumnModel model = column.model();
        this.nz = layout.axialCells();
        this.nc = layout.components();
        this.nShell = layout.shells();
        this.bulkFilm = new double[nc];
        this.shellFilm = new double[nc];
        this.toOuter = new double[Math.multiplyExact(nShell, nc)];
        this.toInner = new double[Math.multiplyExact(nShell, nc)];
        double epsP = particle.porosity();
        double rp = particle.radius();
        this.geometry = new ParticleGeometry(rp, nShell, columnCase.discretization().particleGrid());
        for (int i = 0; i < nc; i++) {
            double kf = particle.filmDiffusion(i);
            double kfEff = kf;
            if (model == ColumnModel.GENERAL_RATE) {
                kfEff = 1.0 / (1.0 / kf + geometry.outerHalfWidth() / (epsP * particle.poreDiffusion(i)));
            }
            bulkFilm[i] = column.phaseRatio() * 3.0 / rp * kfEff;
            shellFilm[i] = rp * rp * kfEff / (epsP * geometry.volume(0));
            if (model == ColumnModel.GENERAL_RATE) {
                double dp = particle.poreDiffusion(i);
                for (int k = 0; k < nShell; k++) {
                    double v = geometry.volume(k);
                    if (k > 0) {
                        toOuter[k * nc + i] = geometry.faceConductance(k - 1) * dp / v;
                    }
                    if (k < nShell - 1) {
                        toInner[k * nc + i] = geometry.faceConductance(k) * dp / v;
                    }
                }
            }
        }
    }

    double bulkFilm(int i) {
        return bulkFilm[i];
    }

    double shellFilm(int i) {
        return shellFilm[i];
    }

    double toOuter(int k, int i) {
        return toOuter[k * nc + i];
    }

    double toInner(int k, int i) {
        return toInner[k * nc + i];
    }

    @Override
    public double volumeFraction(int k) {
        return geometry.volumeFraction(k);
    }

    @Override
    public void residual(double[] y, double[] f) {
        for (int j = 0; j < nz; j++) {
            for (int i = 0; i < nc; i++) {
                int bulk = layout.bulk(j, i);
                double c = y[bulk];
                double film = c - y[layout.pore(j, 0, i)];
                f[bulk] -= bulkFilm[i] * film;
                for (int k = 0; k < nShell; k++) {
                    int pk = layout.pore(j, k, i);
                    double cp = y[pk];
                    double v = k == 0 ? shellFilm[i] * film : toOuter[k * nc + i] * (y[layout.pore(j, k - 1, i)] - cp);
                    if (k < nShell - 1) {
                        v += toInner[k * nc + i] * (y[layout.pore(j, k + 1, i)] - cp);
                    }
                    f[pk] = v;
                }
            }
        }
    }

    @Override
    public void jacobian(double hGamma, ColumnMatrix m) {
        for (int j = 0; j < nz; j++) {
            for (int i = 0; i < nc; i++) {
                m.addBulk(j, i, j, i, hGamma * bulkFilm[i]);
                m.addBulkToBlock(j, i, i, -hGamma * bulkFilm[i]);
                m.addBlockToBulk(j, 0, i, i, -hGamma * shellFilm[i]);
                for (int k = 0; k < nShell; k++) {
                    double diag = 1.0;
                    if (k == 0) {
                        diag += hGamma * shellFilm[i];
                    } else {
                        diag += hGamma * toOuter(k, i);
                        m.addCoupling(j, k, k - 1, i, -hGamma * toOuter(k, i));
                    }
                    if (k < nShell - 1) {
                        diag += hGamma * toInner(k, i);
                        m.addCoupling(j, k, k + 1, i, -hGamma * toInner(k, i));
                    }
                    m.addBlock(j, k, i, i, diag);
                }
            }
        }
    }
}
