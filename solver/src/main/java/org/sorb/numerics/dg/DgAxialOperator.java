package org.sorb.numerics.dg;

/**
 * Nodal discontinuous Galerkin spectral elements (DGSEM) for axial convection-dispersion, in strong form, as in
 * CADET (Breuer et al. 2023): N_e elements of width dz_e, P + 1 LGL nodes each, node values c.
 *
 * <p>Auxiliary g = dc/dz: g = (2/dz_e) [D c + M^-1 B (c* - c)], c* the central average at inner interfaces and the
 * element's own value at the column ends. Flux F = u c - D_ax g; numerical flux F* = u c_upwind - D_ax {g} at inner
 * interfaces, u c_in at the inlet (Danckwerts) and u c at the outlet (dc/dz = 0).
 * dc/dt = -(2/dz_e) [D F + M^-1 B (F* - F)], B = diag(-1, 0, .., 0, 1). M is the LGL-lumped mass matrix diag(w)
 * (collocated integration) or the exact mass matrix (exact integration).
 *
 * <p>The operator is linear in (c, c_in): {@link #apply} is the definition, and {@link #band} its matrix.
 */
public final class DgAxialOperator {
    private final int elements;
    private final Lgl basis;
    private final int np;
    private final double halfWidthInv;
    private final double velocity;
    private final double dispersion;
    /** Lifting columns: lift0[i] = (M^-1)_{i,0}, liftP[i] = (M^-1)_{i,P}. */
    private final double[] lift0;
    private final double[] liftP;
    private final double[] g;
    private final double[] flux;

    /**
     * @param elements   number of elements N_e (>= 1)
     * @param basis      the element basis (degree P)
     * @param exact      exact mass matrix (true) or LGL-lumped (false)
     * @param length     column length L (m)
     * @param velocity   convective velocity u (m/s)
     * @param dispersion axial dispersion D_ax (m^2/s)
     */
    public DgAxialOperator(int elements, Lgl basis, boolean exact, double length, double velocity,
                           double dispersion) {
        this.elements = elements;
        this.basis = basis;
        this.np = basis.size();
        this.halfWidthInv = 2.0 * elements / length;
        this.velocity = velocity;
        this.dispersion = dispersion;
        this.lift0 = new double[np];
        this.liftP = new double[np];
        if (exact) {
            double[] inv = MassMatrices.inverse(MassMatrices.exact(basis), np);
            for (int i = 0; i < np; i++) {
                lift0[i] = inv[i * np];
                liftP[i] = inv[i * np + np - 1];
            }
        } else {
            lift0[0] = 1.0 / basis.weight(0);
            liftP[np - 1] = 1.0 / basis.weight(np - 1);
        }
        this.g = new double[elements * np];
        this.flux = new double[elements * np];
    }

    /** Number of nodes, N_e (P + 1). */
    public int points() {
        return elements * np;
    }

    /** Evaluates dc/dt of the transport alone for node values c and inlet value cIn into out. */
    public void apply(double[] c, double cIn, double[] out) {
        int last = elements - 1;
        for (int e = 0; e < elements; e++) {
            int o = e * np;
            double starL = e == 0 ? c[o] : 0.5 * (c[o - 1] + c[o]);
            double starR = e == last ? c[o + np - 1] : 0.5 * (c[o + np - 1] + c[o + np]);
            derivative(c, o, g);
            lift(g, o, c[o] - starL, starR - c[o + np - 1]);
            for (int i = 0; i < np; i++) {
                g[o + i] *= halfWidthInv;
                flux[o + i] = velocity * c[o + i] - dispersion * g[o + i];
            }
        }
        for (int e = 0; e < elements; e++) {
            int o = e * np;
            double starL = e == 0 ? velocity * cIn
                    : velocity * c[o - 1] - dispersion * 0.5 * (g[o - 1] + g[o]);
            double starR = e == last ? velocity * c[o + np - 1]
                    : velocity * c[o + np - 1] - dispersion * 0.5 * (g[o + np - 1] + g[o + np]);
            derivative(flux, o, out);
            lift(out, o, flux[o] - starL, starR - flux[o + np - 1]);
            for (int i = 0; i < np; i++) {
                out[o + i] *= -halfWidthInv;
            }
        }
    }

    /** out[o + i] = sum_j D_ij v[o + j]. */
    private void derivative(double[] v, int o, double[] out) {
        for (int i = 0; i < np; i++) {
            double s = 0.0;
            for (int j = 0; j < np; j++) {
                s += basis.derivative(i, j) * v[o + j];
            }
            out[o + i] = s;
        }
    }

    /** out += M^-1 B (v* - v) with jumpL = v_0 - v*_L and jumpR = v*_R - v_P. */
    private void lift(double[] out, int o, double jumpL, double jumpR) {
        for (int i = 0; i < np; i++) {
            out[o + i] += lift0[i] * jumpL + liftP[i] * jumpR;
        }
    }

    /** The operator as a band matrix, extracted column by column from {@link #apply} (it is linear). */
    public BandOperator band() {
        int n = points();
        double[] unit = new double[n];
        double[] col = new double[n];
        double[][] columns = new double[n][];
        for (int l = 0; l < n; l++) {
            unit[l] = 1.0;
            apply(unit, 0.0, col);
            columns[l] = col.clone();
            unit[l] = 0.0;
        }
        double[] inlet = new double[n];
        apply(unit, 1.0, inlet);
        return BandOperator.of(n, columns, inlet);
    }
}
