package org.sorb.metrics;

import org.sorb.model.ColumnCase;
import org.sorb.model.Discretization;
import org.sorb.model.SpectralElements;
import org.sorb.model.OutputSpec;

/**
 * The discretization-error estimate of the metrics: each design is solved again on a companion grid with half the
 * axial and particle cells (at least 3 and 1), with the same solver tolerances, and
 * E(M) = |M_fine - M_coarse| / (2^p - 1) is taken as the absolute error of metric M on the fine grid (Richardson
 * extrapolation with the order assumed p = 1, so E = |M_fine - M_coarse|). The first order is the safe
 * assumption: breakthrough fronts are where WENO3 falls back to first order and where particle shells matter most;
 * for a method converging with order p &gt; 1 the estimate is 2^p - 1 times the true error (3x at p = 2).
 */
public final class GridCompanion {
    /** Assumed order of convergence p of the metrics in the cell width. */
    public static final double ASSUMED_ORDER = 1.0;
    /** Written as the {@code method} attribute of the grid-error datasets. */
    public static final String METHOD = "companion solve with half the axial and particle cells; "
            + "|M_fine - M_coarse| / (2^p - 1), assumed order p = 1";
    /** The {@code method} attribute when the case switched the check off. */
    public static final String METHOD_OFF = "not estimated (metrics.grid_check: false)";

    private GridCompanion() {
    }

    /**
     * {@code c} on the companion grid: axial cells max(3, N_z / 2), particle cells max(1, N_r / 2); for spectral
     * elements half the elements, or one degree less where there is one element; the same outlet samples, no
     * profiles.
     */
    public static ColumnCase coarser(ColumnCase c) {
        Discretization d = c.discretization();
        Discretization coarse = d.isGalerkin() ? Discretization.galerkin(coarser(d.dg()))
                : new Discretization(Math.max(3, d.axialCells() / 2), Math.max(1, d.particleCells() / 2),
                        d.particleGrid(), d.convection());
        return new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), c.inlet(), c.initial(),
                coarse, c.solver(), new OutputSpec(c.output().interval(), new double[0]));
    }

    private static SpectralElements coarser(SpectralElements g) {
        int ae = g.axialElements() > 1 ? g.axialElements() / 2 : g.axialElements();
        int ad = g.axialElements() > 1 ? g.degree() : Math.max(1, g.degree() - 1);
        int pe = g.particleElements() > 1 ? g.particleElements() / 2 : g.particleElements();
        int pd = g.particleElements() > 1 || g.particleDegree() == 0 ? g.particleDegree()
                : Math.max(1, g.particleDegree() - 1);
        return new SpectralElements(ae, ad, pe, pd, g.exactIntegration());
    }

    /** The estimated absolute error of each fine metric; NaN where either value is NaN. */
    public static double[] estimate(double[] fine, double[] coarse) {
        double scale = Math.pow(2.0, ASSUMED_ORDER) - 1.0;
        double[] e = new double[fine.length];
        for (int j = 0; j < e.length; j++) {
            e[j] = Math.abs(fine[j] - coarse[j]) / scale;
        }
        return e;
    }

    /** The companion grid, "64x8" style, for messages. */
    public static String describe(ColumnCase c) {
        return c.discretization().label();
    }
}
