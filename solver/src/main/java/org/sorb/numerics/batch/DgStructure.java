package org.sorb.numerics.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sorb.model.SpectralElements;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.dg.BandOperator;
import org.sorb.numerics.dg.DgAxialOperator;
import org.sorb.numerics.dg.DgParticleOperator;
import org.sorb.numerics.dg.Lgl;

/**
 * What the column kernels need to know at compile time about a batch on discontinuous Galerkin spectral elements,
 * and the packing of each design's DG operators into its parameters. Both DG operators are linear with constant
 * coefficients (the Java reference: {@code GalerkinTransport}, {@code GalerkinDiffusion}), so the kernels take them
 * as data: per design the axial band T (the same for every component, u and D_ax folded in, {@link BandOperator})
 * with its inlet column t_in, and for the general rate model the particle coupling A per unit D_p, the film sources
 * film_k and the coefficients D_p,i and k_f,i / eps_p ({@link DgParticleOperator}), all taken from the design's own
 * {@link ColumnEquations}, so the kernels multiply exactly the numbers the Java path multiplies.
 *
 * <p>The band widths are structural: the union of the bands of the unit-velocity and the unit-dispersion operators
 * on a column of unit length (T = (u / L) T_u + (D_ax / L^2) T_D, so no design reaches beyond it), and the particle
 * coupling's band on a particle of unit radius (A scales with 1 / r_p^2 as a whole); {@link #pack} checks each
 * design against them.
 *
 * @param axialElements    axial elements N_e
 * @param degree           axial polynomial degree P
 * @param exact            exact axial mass matrix (true) or LGL-collocated (false)
 * @param particle         true for the general rate model with a particle degree >= 1, whose particle is DG too
 *                         (else finite-volume shells: the LRMP's one, or particle degree 0's equidistant shells)
 * @param particleElements particle elements (0 when not particle)
 * @param particleDegree   particle polynomial degree (0 when not particle)
 * @param lower            axial points below the diagonal that a bulk row reads
 * @param upper            axial points above the diagonal
 * @param particleBand     largest |k - l| of the particle coupling (0 when not particle)
 * @param filmPoints       particle points with a film source: the outer element's (0 when not particle)
 */
public record DgStructure(int axialElements, int degree, boolean exact, boolean particle, int particleElements,
                          int particleDegree, int lower, int upper, int particleBand, int filmPoints) {
    private static final Map<String, DgStructure> KNOWN = new ConcurrentHashMap<>();

    /** The structure of grid {@code dg}, with a DG particle when {@code particle} (the general rate model). */
    public static DgStructure of(SpectralElements dg, boolean particle) {
        String key = dg.axialElements() + "/" + dg.degree() + "/" + dg.exactIntegration() + "/"
                + (particle ? dg.particleElements() + "/" + dg.particleDegree() : "-");
        return KNOWN.computeIfAbsent(key, x -> build(dg, particle));
    }

    private static DgStructure build(SpectralElements dg, boolean particle) {
        Lgl basis = new Lgl(dg.degree());
        BandOperator convection = new DgAxialOperator(dg.axialElements(), basis, dg.exactIntegration(), 1.0, 1.0, 0.0)
                .band();
        BandOperator dispersion = new DgAxialOperator(dg.axialElements(), basis, dg.exactIntegration(), 1.0, 0.0, 1.0)
                .band();
        int lower = Math.max(convection.lower(), dispersion.lower());
        int upper = Math.max(convection.upper(), dispersion.upper());
        if (!particle) {
            return new DgStructure(dg.axialElements(), dg.degree(), dg.exactIntegration(), false, 0, 0, lower, upper, 0,
                    0);
        }
        DgParticleOperator p = new DgParticleOperator(dg.particleElements(), new Lgl(dg.particleDegree()), 1.0);
        return new DgStructure(dg.axialElements(), dg.degree(), dg.exactIntegration(), true, dg.particleElements(),
                dg.particleDegree(), lower, upper, p.bandwidth(), p.filmPoints());
    }

    /** Stored entries of a row of T: lower + upper + 1. */
    public int transportWidth() {
        return lower + upper + 1;
    }

    /** The kernels' -D constants of this structure (after the sizes of {@link KernelConstants#defines}). */
    void defines(StringBuilder s, KernelConstants k) {
        KernelConstants.def(s, "DG_AXIAL", 1);
        KernelConstants.def(s, "DG_TL", lower);
        KernelConstants.def(s, "DG_TU", upper);
        KernelConstants.def(s, "DG_TW", transportWidth());
        KernelConstants.def(s, "P_DG_T", k.dgTransport());
        KernelConstants.def(s, "P_DG_TIN", k.dgInlet());
        if (particle) {
            KernelConstants.def(s, "DG_PARTICLE", 1);
            KernelConstants.def(s, "DG_AB", particleBand);
            KernelConstants.def(s, "DG_NF", filmPoints);
            KernelConstants.def(s, "P_DG_PORE", k.dgPoreDiffusion());
            KernelConstants.def(s, "P_DG_FILMRATE", k.dgFilmRate());
            KernelConstants.def(s, "P_DG_A", k.dgCoupling());
            KernelConstants.def(s, "P_DG_FILM", k.dgFilm());
        }
    }

    /**
     * Writes design b's DG operators into the parameters p of nd designs (design index fastest): T row j at
     * P_DG_T + j W + (l - j + lower) (zero outside the design's own band), t_in at P_DG_TIN + j; with a DG particle
     * D_p,i, k_f,i / eps_p, A_kl at P_DG_A + k n_p + l and film_k.
     *
     * @throws IllegalStateException when the design's operators reach beyond this structure's bands
     */
    void pack(double[] p, KernelConstants k, ColumnEquations eq, int nd, int b) {
        BandOperator t = eq.axialOperator();
        if (t.lower() > lower || t.upper() > upper) {
            throw new IllegalStateException("the axial DG band of design " + b + " (" + t.lower() + ", " + t.upper()
                    + ") exceeds the batch's (" + lower + ", " + upper + ")");
        }
        int nz = k.nz();
        int w = transportWidth();
        for (int j = 0; j < nz; j++) {
            for (int l = Math.max(0, j - lower); l <= Math.min(nz - 1, j + upper); l++) {
                p[(k.dgTransport() + j * w + l - j + lower) * nd + b] = t.get(j, l);
            }
            p[(k.dgInlet() + j) * nd + b] = t.inlet(j);
        }
        if (!particle) {
            return;
        }
        DgParticleOperator a = eq.particleOperator();
        if (a.bandwidth() > particleBand) {
            throw new IllegalStateException("the particle DG band of design " + b + " (" + a.bandwidth()
                    + ") exceeds the batch's (" + particleBand + ")");
        }
        int np = k.ns();
        for (int i = 0; i < k.nc(); i++) {
            p[(k.dgPoreDiffusion() + i) * nd + b] = eq.poreDiffusion(i);
            p[(k.dgFilmRate() + i) * nd + b] = eq.filmRate(i);
        }
        for (int r = 0; r < np; r++) {
            for (int c = 0; c < np; c++) {
                p[(k.dgCoupling() + r * np + c) * nd + b] = a.coupling(r, c);
            }
        }
        for (int r = 0; r < filmPoints; r++) {
            p[(k.dgFilm() + r) * nd + b] = a.filmSource(r);
        }
    }
}
