package org.sorb.numerics;

import org.sorb.model.ColumnCase;
import org.sorb.numerics.dg.DgParticleOperator;
import org.sorb.numerics.dg.Lgl;

/**
 * Spectral elements in the particle ({@link DgParticleOperator}) for the general rate model: bulk sink
 * -F (3 / r_p) k_f (c - c_p(r_p)); pore point k: D_p sum_l A_kl c_p,l + film_k (k_f / eps_p) (c - c_p(r_p)),
 * with point 0 on the surface.
 */
final class GalerkinDiffusion implements PoreDiffusion {
    private final StateLayout layout;
    private final DgParticleOperator op;
    private final int nz;
    private final int nc;
    private final int np;
    private final int band;
    /** F 3 / r_p k_f per component (1/s). */
    private final double[] bulkFilm;
    /** k_f / eps_p per component (m/s). */
    private final double[] filmRate;
    private final double[] poreDiffusion;

    GalerkinDiffusion(ColumnCase columnCase, StateLayout layout, int elements, Lgl basis) {
        this.layout = layout;
        var particle = columnCase.particle();
        this.op = new DgParticleOperator(elements, basis, particle.radius());
        this.nz = layout.axialCells();
        this.nc = layout.components();
        this.np = op.points();
        this.band = op.bandwidth();
        this.bulkFilm = new double[nc];
        this.filmRate = new double[nc];
        this.poreDiffusion = new double[nc];
        for (int i = 0; i < nc; i++) {
            double kf = particle.filmDiffusion(i);
            bulkFilm[i] = columnCase.column().phaseRatio() * 3.0 / particle.radius() * kf;
            filmRate[i] = kf / particle.porosity();
            poreDiffusion[i] = particle.poreDiffusion(i);
        }
    }

    /** The particle operator. */
    DgParticleOperator operator() {
        return op;
    }

    /** F 3 / r_p k_f of component i (1/s). */
    double bulkFilm(int i) {
        return bulkFilm[i];
    }

    /** k_f / eps_p of component i (m/s). */
    double filmRate(int i) {
        return filmRate[i];
    }

    /** D_p of component i (m^2/s). */
    double poreDiffusion(int i) {
        return poreDiffusion[i];
    }

    /** Particle points on either side a pore row couples to. */
    int bandwidth() {
        return band;
    }

    @Override
    public double volumeFraction(int k) {
        return op.volumeFraction(k);
    }

    @Override
    public void residual(double[] y, double[] f) {
        int nf = op.filmPoints();
        for (int j = 0; j < nz; j++) {
            for (int i = 0; i < nc; i++) {
                int bulk = layout.bulk(j, i);
                double film = y[bulk] - y[layout.pore(j, 0, i)];
                f[bulk] -= bulkFilm[i] * film;
                double dp = poreDiffusion[i];
                for (int k = 0; k < np; k++) {
                    int l0 = Math.max(0, k - band);
                    int l1 = Math.min(np - 1, k + band);
                    double s = 0.0;
                    for (int l = l0; l <= l1; l++) {
                        s += op.coupling(k, l) * y[layout.pore(j, l, i)];
                    }
                    double v = dp * s;
                    if (k < nf) {
                        v += op.filmSource(k) * filmRate[i] * film;
                    }
                    f[layout.pore(j, k, i)] = v;
                }
            }
        }
    }

    @Override
    public void jacobian(double hGamma, ColumnMatrix m) {
        int nf = op.filmPoints();
        for (int j = 0; j < nz; j++) {
            for (int i = 0; i < nc; i++) {
                m.addBulk(j, i, j, i, hGamma * bulkFilm[i]);
                m.addBulkToBlock(j, i, i, -hGamma * bulkFilm[i]);
                double dp = poreDiffusion[i];
                for (int k = 0; k < np; k++) {
                    double diag = 1.0 - hGamma * dp * op.coupling(k, k);
                    if (k < nf) {
                        double film = op.filmSource(k) * filmRate[i];
                        m.addBlockToBulk(j, k, i, i, -hGamma * film);
                        if (k == 0) {
                            diag += hGamma * film;
                        } else {
                            m.addCoupling(j, k, 0, i, hGamma * film);
                        }
                    }
                    m.addBlock(j, k, i, i, diag);
                    int l0 = Math.max(0, k - band);
                    int l1 = Math.min(np - 1, k + band);
                    for (int l = l0; l <= l1; l++) {
                        double a = op.coupling(k, l);
                        if (l != k && a != 0.0) {
                            m.addCoupling(j, k, l, i, -hGamma * dp * a);
                        }
                    }
                }
            }
        }
    }
}
