package org.sorb.numerics;

import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;

/**
 * The semi-discrete column model M dy/dt = F(y, c_in) on one column's state vector (see {@link StateLayout}).
 *
 * <p>Bulk, cell j, component i: dc/dt = -(flux_{j+1/2} - flux_{j-1/2}) / dz - F (3 / r_p) k_f,eff (c - c_p,0),
 * flux = u c_face - D_ax dc/dz, with u c_in at the inlet face (Danckwerts) and u c at the outlet face.
 * Pore liquid, shell k: dc_p/dt + beta sum_s dq_s/dt = (r_out^2 N_out - r_in^2 N_in) / V_k, with
 * N = D_p dc_p/dr between shell centres and the film flux k_f,eff (c - c_p,0) / eps_p at the surface,
 * k_f,eff = 1 / (1/k_f + (r_p - r_0) / (eps_p D_p)) for the general rate model (film in series with the half
 * outer shell) and k_f,eff = k_f for the LRMP. Bound states: dq_s/dt = f_s (kinetic) or 0 = f_s.
 * Lumped rate model: dc/dt + F_t sum_s dq_s/dt = -(flux differences) / dz with u and D_ax scaled by
 * eps_c / eps_t, F_t = (1 - eps_t) / eps_t.
 */
public final class ColumnEquations {
    private final ColumnCase columnCase;
    private final StateLayout layout;
    private final BindingModel binding;
    private final ConvectionScheme scheme;
    private final ParticleGeometry geometry;
    private final int nz;
    private final int nc;
    private final int nBound;
    private final int nShell;
    private final double dz;
    private final double velocity;
    private final double dispersion;
    /** Film sink of the bulk per component: F 3 / r_p k_f,eff (1/s). */
    private final double[] bulkFilm;
    /** Film source of shell 0 per component: r_p^2 k_f,eff / (eps_p V_0) (1/s). */
    private final double[] shellFilm;
    /** Diffusive coupling of shell k to shell k - 1 per component, [k][i] flat (1/s). */
    private final double[] toOuter;
    /** Diffusive coupling of shell k to shell k + 1 per component, [k][i] flat (1/s). */
    private final double[] toInner;
    /** beta (1 - eps_p) / eps_p for the pore rows, or F_t for the lumped rate model's bulk rows. */
    private final double boundWeight;
    /** Per bound state: true when dq_s/dt = f_s, false when 0 = f_s. */
    private final boolean[] kinetic;
    private final int[] componentOf;
    /** Liquid volume fraction weighting the bulk in the content: eps_c, or eps_t for the lumped rate model. */
    private final double bulkFraction;
    // scratch, allocation-free in the hot path
    private final double[] faceValue;
    private final ColumnJacobian jacobian;

    public ColumnEquations(ColumnCase columnCase) {
        this.columnCase = columnCase;
        this.binding = columnCase.binding();
        var disc = columnCase.discretization();
        var column = columnCase.column();
        var particle = columnCase.particle();
        ColumnModel model = column.model();
        this.layout = StateLayout.of(columnCase);
        this.scheme = disc.convection();
        this.nz = disc.axialCells();
        this.nc = binding.components();
        this.nBound = binding.boundStates();
        this.nShell = layout.shells();
        this.dz = column.length() / nz;
        this.kinetic = new boolean[nBound];
        this.componentOf = new int[nBound];
        for (int s = 0; s < nBound; s++) {
            componentOf[s] = binding.componentOf(s);
            kinetic[s] = binding.kinetic(s);
        }
        this.bulkFilm = new double[nc];
        this.shellFilm = new double[nc];
        this.toOuter = new double[Math.multiplyExact(layout.localBlocks(), nc)];
        this.toInner = new double[Math.multiplyExact(layout.localBlocks(), nc)];
        if (model == ColumnModel.LUMPED_RATE) {
            double eps = columnCase.totalPorosity();
            double scale = column.bedPorosity() / eps;
            this.velocity = column.interstitialVelocity() * scale;
            this.dispersion = column.axialDispersion() * scale;
            this.boundWeight = (1.0 - eps) / eps;
            this.bulkFraction = eps;
            this.geometry = null;
        } else {
            this.velocity = column.interstitialVelocity();
            this.dispersion = column.axialDispersion();
            this.bulkFraction = column.bedPorosity();
            double epsP = particle.porosity();
            this.boundWeight = particle.solidToPoreRatio();
            double rp = particle.radius();
            this.geometry = new ParticleGeometry(rp, nShell, disc.particleGrid());
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
        this.faceValue = new double[nz + 1];
        this.jacobian = new ColumnJacobian(this);
    }

    public StateLayout layout() {
        return layout;
    }

    public ColumnCase columnCase() {
        return columnCase;
    }

    /** Axial cell width dz (m). */
    public double cellWidth() {
        return dz;
    }

    /** Convective velocity in the discretized bulk equation (m/s). */
    public double velocity() {
        return velocity;
    }

    /** Axial dispersion in the discretized bulk equation (m^2/s). */
    public double dispersion() {
        return dispersion;
    }

    /** Film sink coefficient of the bulk, F 3 / r_p k_f,eff, of component i (1/s). */
    public double bulkFilm(int i) {
        return bulkFilm[i];
    }

    /** Film source coefficient of the outer shell, r_p^2 k_f,eff / (eps_p V_0), of component i (1/s). */
    public double shellFilm(int i) {
        return shellFilm[i];
    }

    /** Diffusive coupling of shell k to shell k - 1 for component i (1/s). */
    public double toOuter(int k, int i) {
        return toOuter[k * nc + i];
    }

    /** Diffusive coupling of shell k to shell k + 1 for component i (1/s). */
    public double toInner(int k, int i) {
        return toInner[k * nc + i];
    }

    /** Weight of the bound phase in the liquid rows: beta, or F_t for the lumped rate model. */
    public double boundWeight() {
        return boundWeight;
    }

    /** Liquid fraction that carries the flow: eps_c (eps_t for the lumped rate model). */
    public double bulkFraction() {
        return bulkFraction;
    }

    /** Outlet concentration of component i: the last cell's bulk value (zero-gradient outflow). */
    public double outlet(double[] y, int i) {
        return y[layout.bulk(nz - 1, i)];
    }

    /** Evaluates F(y) with inlet concentrations cIn (n_comp) into f. */
    public void residual(double[] y, double[] cIn, double[] f) {
        transportResidual(y, cIn, f);
        if (layout.hasPores()) {
            particleResidual(y, f);
        }
        bindingResidual(y, f);
    }

    /**
     * Axial convection-dispersion: f[c_j] = -(flux_{j+1/2} - flux_{j-1/2}) / dz, flux_{1/2} = u c_in,
     * interior flux = u c_face - D_ax (c_{j+1} - c_j) / dz, outlet flux = u c_{N-1}.
     */
    void transportResidual(double[] y, double[] cIn, double[] f) {
        int stride = layout.cellStride();
        double invDz = 1.0 / dz;
        double disp = dispersion * invDz;
        for (int i = 0; i < nc; i++) {
            faceValue[0] = velocity * cIn[i];
            for (int face = 1; face < nz; face++) {
                double cl = y[(face - 1) * stride + i];
                double cr = y[face * stride + i];
                double cf = face == 1 ? cl
                        : FaceReconstruction.value(scheme, y[(face - 2) * stride + i], cl, cr);
                faceValue[face] = velocity * cf - disp * (cr - cl);
            }
            faceValue[nz] = velocity * y[(nz - 1) * stride + i];
            for (int j = 0; j < nz; j++) {
                f[j * stride + i] = -(faceValue[j + 1] - faceValue[j]) * invDz;
            }
        }
    }

    /**
     * Film and pore diffusion: bulk sink -bulkFilm (c - c_p,0); shell 0 source shellFilm (c - c_p,0);
     * shell couplings toOuter (c_p,k-1 - c_p,k) + toInner (c_p,k+1 - c_p,k).
     */
    void particleResidual(double[] y, double[] f) {
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

    /** Binding: f[q_s] = f_s(c_p, q) in every shell (c_p = c for the lumped rate model). */
    void bindingResidual(double[] y, double[] f) {
        int blocksPerCell = layout.localBlocks();
        for (int j = 0; j < nz; j++) {
            for (int k = 0; k < blocksPerCell; k++) {
                int cpOff = layout.hasPores() ? layout.pore(j, k, 0) : layout.bulk(j, 0);
                int qOff = layout.bound(j, k, 0);
                binding.flux(y, cpOff, y, qOff, f, qOff);
            }
        }
    }

    /** out = M x: bulk and pore rows carry the bound-phase accumulation; algebraic bound rows are zero. */
    public void applyMass(double[] x, double[] out) {
        int blocksPerCell = layout.localBlocks();
        for (int j = 0; j < nz; j++) {
            for (int i = 0; i < nc; i++) {
                int b = layout.bulk(j, i);
                out[b] = x[b];
            }
            for (int k = 0; k < blocksPerCell; k++) {
                int liquidRow = layout.hasPores() ? layout.pore(j, k, 0) : layout.bulk(j, 0);
                if (layout.hasPores()) {
                    for (int i = 0; i < nc; i++) {
                        out[liquidRow + i] = x[liquidRow + i];
                    }
                }
                int qOff = layout.bound(j, k, 0);
                for (int s = 0; s < nBound; s++) {
                    out[liquidRow + componentOf[s]] += boundWeight * x[qOff + s];
                    out[qOff + s] = kinetic[s] ? x[qOff + s] : 0.0;
                }
            }
        }
    }

    /** Assembles N = M - hGamma dF/dy at y into m (cleared first); see {@link ColumnJacobian}. */
    public void assemble(double[] y, double hGamma, IterationMatrix m) {
        jacobian.assemble(y, hGamma, m);
    }

    /**
     * Content of component i per column cross-section (concentration x m):
     * sum_j dz [eps_c c + (1 - eps_c) sum_k (V_k/V_p) (eps_p c_p + (1 - eps_p) q)], or
     * sum_j dz eps_t (c + F_t q) for the lumped rate model.
     */
    public void content(double[] y, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        var column = columnCase.column();
        for (int j = 0; j < nz; j++) {
            for (int i = 0; i < nc; i++) {
                out[i] += dz * bulkFraction * y[layout.bulk(j, i)];
            }
            if (layout.hasPores()) {
                double epsP = columnCase.particle().porosity();
                double solid = 1.0 - column.bedPorosity();
                for (int k = 0; k < nShell; k++) {
                    double w = dz * solid * geometry.volumeFraction(k);
                    for (int i = 0; i < nc; i++) {
                        out[i] += w * epsP * y[layout.pore(j, k, i)];
                    }
                    for (int s = 0; s < nBound; s++) {
                        out[componentOf[s]] += w * (1.0 - epsP) * y[layout.bound(j, k, s)];
                    }
                }
            } else {
                for (int s = 0; s < nBound; s++) {
                    out[componentOf[s]] += dz * bulkFraction * boundWeight * y[layout.bound(j, 0, s)];
                }
            }
        }
    }

    /**
     * Particle-averaged bound concentration of every component in cell j (summed over site types),
     * into out[off .. off + n_comp).
     */
    public void averageBound(double[] y, int j, double[] out, int off) {
        for (int i = 0; i < nc; i++) {
            out[off + i] = 0.0;
        }
        int blocksPerCell = layout.localBlocks();
        for (int k = 0; k < blocksPerCell; k++) {
            double w = layout.hasPores() ? geometry.volumeFraction(k) : 1.0;
            for (int s = 0; s < nBound; s++) {
                out[off + componentOf[s]] += w * y[layout.bound(j, k, s)];
            }
        }
    }

    /** The binding model. */
    BindingModel binding() {
        return binding;
    }

    /** The convective face reconstruction. */
    ConvectionScheme scheme() {
        return scheme;
    }

    /** True when bound state s is kinetic, false when it is algebraic. */
    boolean kinetic(int s) {
        return kinetic[s];
    }

    /** The liquid component of bound state s. */
    int componentOf(int s) {
        return componentOf[s];
    }

    /** Number of liquid components. */
    public int components() {
        return nc;
    }

    /** Number of axial cells. */
    public int axialCells() {
        return nz;
    }
}
