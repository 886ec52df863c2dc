package org.sorb.numerics;

import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.SpectralElements;
import org.sorb.numerics.dg.Lgl;

/**
 * The semi-discrete column model M dy/dt = F(y, c_in) on one column's state vector (see {@link StateLayout}).
 *
 * <p>Bulk, point j, component i: dc/dt = T(c, c_in)_j - F (3 / r_p) k_f (c - c_p(r_p)), with the axial transport
 * T = -d/dz (u c - D_ax dc/dz) discretized by {@link AxialTransport} (finite volumes or DG spectral elements).
 * Pore liquid, particle point k: dc_p/dt + beta sum_s dq_s/dt = pore diffusion and film ({@link PoreDiffusion}:
 * finite-volume shells, or DG elements with the metric r^2). Bound states: dq_s/dt = f_s (kinetic) or 0 = f_s.
 * Lumped rate model: dc/dt + F_t sum_s dq_s/dt = T(c, c_in) with u and D_ax scaled by eps_c / eps_t,
 * F_t = (1 - eps_t) / eps_t.
 */
public final class ColumnEquations {
    private final ColumnCase columnCase;
    private final StateLayout layout;
    private final BindingModel binding;
    private final ConvectionScheme scheme;
    private final AxialTransport transport;
    /** Film and pore diffusion (models with pores), else null. */
    private final PoreDiffusion pores;
    private final int nz;
    private final int nc;
    private final int nBound;
    private final int nShell;
    private final double velocity;
    private final double dispersion;
    /** beta (1 - eps_p) / eps_p for the pore rows, or F_t for the lumped rate model's bulk rows. */
    private final double boundWeight;
    /** Per bound state: true when dq_s/dt = f_s, false when 0 = f_s. */
    private final boolean[] kinetic;
    private final int[] componentOf;
    /** Liquid volume fraction weighting the bulk in the content: eps_c, or eps_t for the lumped rate model. */
    private final double bulkFraction;
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
        this.kinetic = new boolean[nBound];
        this.componentOf = new int[nBound];
        for (int s = 0; s < nBound; s++) {
            componentOf[s] = binding.componentOf(s);
            kinetic[s] = binding.kinetic(s);
        }
        if (model == ColumnModel.LUMPED_RATE) {
            double eps = columnCase.totalPorosity();
            double scale = column.bedPorosity() / eps;
            this.velocity = column.interstitialVelocity() * scale;
            this.dispersion = column.axialDispersion() * scale;
            this.boundWeight = (1.0 - eps) / eps;
            this.bulkFraction = eps;
        } else {
            this.velocity = column.interstitialVelocity();
            this.dispersion = column.axialDispersion();
            this.bulkFraction = column.bedPorosity();
            this.boundWeight = particle.solidToPoreRatio();
        }
        var dg = disc.dg();
        if (dg == null) {
            this.transport = new FiniteVolumeTransport(layout, scheme, column.length(), velocity, dispersion);
        } else {
            this.transport = new GalerkinTransport(layout, dg.axialElements(), new Lgl(dg.degree()),
                    dg.exactIntegration(), column.length(), velocity, dispersion);
        }
        if (model == ColumnModel.LUMPED_RATE) {
            this.pores = null;
        } else if (dg != null && model == ColumnModel.GENERAL_RATE && dg.particleDegree() > 0) {
            this.pores = new GalerkinDiffusion(columnCase, layout, dg.particleElements(), new Lgl(dg.particleDegree()));
        } else {
            this.pores = new ShellDiffusion(columnCase, layout);
        }
        this.jacobian = new ColumnJacobian(this);
    }

    /** A new iteration matrix for this column's structure. */
    public ColumnMatrix newMatrix() {
        if (pores instanceof GalerkinDiffusion g) {
            return new ParticleBandMatrix(layout, transport.lowerBand(), transport.upperBand(), g.bandwidth());
        }
        return new IterationMatrix(layout, transport.lowerBand(), transport.upperBand());
    }

    /** Adds what {@link #newMatrix()} allocates for {@code c} to f. */
    public static void matrixFootprint(ColumnCase c, Footprint f) {
        StateLayout layout = StateLayout.of(c);
        var dg = c.discretization().dg();
        if (dg == null) {
            IterationMatrix.footprint(layout, f);
        } else if (c.column().model() == ColumnModel.GENERAL_RATE && dg.particleDegree() > 0) {
            // the particle band reaches at most the neighbouring elements' nodes
            ParticleBandMatrix.footprint(layout, bandBound(dg), bandBound(dg), 2 * (dg.particleDegree() + 1), f);
        } else {
            IterationMatrix.footprint(layout, bandBound(dg), bandBound(dg), f);
        }
    }

    /** Points on either side a DG bulk row reaches, at most: one element (collocated), two (exact integration). */
    private static int bandBound(SpectralElements dg) {
        return (dg.exactIntegration() ? 2 : 1) * (dg.degree() + 1);
    }

    /** The axial transport operator. */
    AxialTransport transport() {
        return transport;
    }

    /** Film and pore diffusion, or null for the lumped rate model. */
    PoreDiffusion pores() {
        return pores;
    }

    public StateLayout layout() {
        return layout;
    }

    public ColumnCase columnCase() {
        return columnCase;
    }

    /** Axial cell width dz (m); finite volumes only. */
    public double cellWidth() {
        return shells("cellWidth", transport instanceof FiniteVolumeTransport fv ? fv : null).cellWidth();
    }

    /** Axial position of point j (m): cell centres, or DG nodes. */
    public double position(int j) {
        return transport.position(j);
    }

    /** Convective velocity in the discretized bulk equation (m/s). */
    public double velocity() {
        return velocity;
    }

    /** Axial dispersion in the discretized bulk equation (m^2/s). */
    public double dispersion() {
        return dispersion;
    }

    /**
     * Film sink coefficient of the bulk, F 3 / r_p k_f,eff, of component i (1/s): k_f,eff in series with the outer
     * half shell on finite volumes, k_f itself on a DG particle.
     */
    public double bulkFilm(int i) {
        if (pores instanceof GalerkinDiffusion g) {
            return g.bulkFilm(i);
        }
        return shells("bulkFilm", shellDiffusion()).bulkFilm(i);
    }

    /** The DG axial transport's band (T and t_in), or null on finite volumes. */
    public org.sorb.numerics.dg.BandOperator axialOperator() {
        return transport instanceof GalerkinTransport g ? g.operator() : null;
    }

    /** The DG particle operator (A, film sources), or null without a DG particle. */
    public org.sorb.numerics.dg.DgParticleOperator particleOperator() {
        return pores instanceof GalerkinDiffusion g ? g.operator() : null;
    }

    /** Pore diffusion D_p of component i on a DG particle (m^2/s). */
    public double poreDiffusion(int i) {
        return galerkin("poreDiffusion").poreDiffusion(i);
    }

    /** Film rate k_f / eps_p of component i on a DG particle (m/s), times the film sources. */
    public double filmRate(int i) {
        return galerkin("filmRate").filmRate(i);
    }

    private GalerkinDiffusion galerkin(String what) {
        if (pores instanceof GalerkinDiffusion g) {
            return g;
        }
        throw new IllegalStateException(what + " is a DG particle coefficient; this column has none");
    }

    /** Film source coefficient of the outer shell, r_p^2 k_f,eff / (eps_p V_0), of component i (1/s). */
    public double shellFilm(int i) {
        return shells("shellFilm", shellDiffusion()).shellFilm(i);
    }

    /** Diffusive coupling of shell k to shell k - 1 for component i (1/s). */
    public double toOuter(int k, int i) {
        return shells("toOuter", shellDiffusion()).toOuter(k, i);
    }

    /** Diffusive coupling of shell k to shell k + 1 for component i (1/s). */
    public double toInner(int k, int i) {
        return shells("toInner", shellDiffusion()).toInner(k, i);
    }

    private ShellDiffusion shellDiffusion() {
        return pores instanceof ShellDiffusion sd ? sd : null;
    }

    /** The finite-volume coefficient holder, or a refusal naming what asked for it. */
    private static <T> T shells(String what, T holder) {
        if (holder == null) {
            throw new IllegalStateException(what + " is a finite-volume coefficient; this column has none");
        }
        return holder;
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
        transport.residual(y, cIn, f);
        if (pores != null) {
            pores.residual(y, f);
        }
        bindingResidual(y, f);
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
        System.arraycopy(x, 0, out, 0, layout.size());
        int blocksPerCell = layout.localBlocks();
        int q0 = layout.boundInBlock();
        for (int j = 0; j < nz; j++) {
            for (int k = 0; k < blocksPerCell; k++) {
                int liquidRow = layout.hasPores() ? layout.block(j, k) : layout.bulk(j, 0);
                int qOff = layout.block(j, k) + q0;
                for (int s = 0; s < nBound; s++) {
                    out[liquidRow + componentOf[s]] += boundWeight * x[qOff + s];
                    if (!kinetic[s]) {
                        out[qOff + s] = 0.0;
                    }
                }
            }
        }
    }

    /** Assembles N = M - hGamma dF/dy at y into m (cleared first); see {@link ColumnJacobian}. */
    public void assemble(double[] y, double hGamma, ColumnMatrix m) {
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
            double dz = transport.weight(j);
            for (int i = 0; i < nc; i++) {
                out[i] += dz * bulkFraction * y[layout.bulk(j, i)];
            }
            if (layout.hasPores()) {
                double epsP = columnCase.particle().porosity();
                double solid = 1.0 - column.bedPorosity();
                for (int k = 0; k < nShell; k++) {
                    double w = dz * solid * pores.volumeFraction(k);
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
            double w = layout.hasPores() ? pores.volumeFraction(k) : 1.0;
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
