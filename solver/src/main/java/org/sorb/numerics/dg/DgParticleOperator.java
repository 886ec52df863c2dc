package org.sorb.numerics.dg;

/**
 * Discontinuous Galerkin spectral elements for diffusion in a spherical particle of radius r_p, exact integration
 * with the metric r^2 (as CADET's particle DG; one element is its Galerkin spectral method).
 *
 * <p>Equidistant elements [a, a + h], P + 1 LGL nodes each. Auxiliary g = dc/dr:
 * g = (2/h) [D c + M^-1 B (c* - c)] (unweighted exact M, c* central inside, own value at r = 0 and r = r_p).
 * Main equation, weak form with r^2: M^r dc/dt = -S^r g + r_b^2 e_P g*_b - r_a^2 e_0 g*_a, per unit D_p, with
 * M^r_ij = int r^2 phi_i phi_j dr, S^r_ij = int r^2 phi_i' phi_j dr, g* central inside; at r = 0 the weight
 * vanishes; at r = r_p the film gives D_p g* = k_f / eps_p (c - c_p(r_p)), kept out of {@link #coupling} and
 * carried by {@link #filmSource}: r_p^2 (M^r)^-1 e_P of the outer element.
 *
 * <p>Points are numbered from the surface (k = 0, r = r_p) inwards, as the finite-volume shells; an element's
 * boundary nodes are separate points. Conservative: sum_k V_k dc_k/dt telescopes to the film flux.
 */
public final class DgParticleOperator {
    private final int elements;
    private final int np;
    private final int n;
    /** Dense coupling, [k][l] surface-first, per unit D_p (1/m^2). */
    private final double[] coupling;
    private final double[] film;
    private final double[] volumeFraction;
    private final int band;

    public DgParticleOperator(int elements, Lgl basis, double radius) {
        this.elements = elements;
        this.np = basis.size();
        this.n = elements * np;
        double h = radius / elements;
        double[] minvLeg = MassMatrices.inverse(MassMatrices.exact(basis), np);
        double[][] minvR = new double[elements][];
        double[][] stiff = new double[elements][];
        double[] volume = new double[n];
        for (int e = 0; e < elements; e++) {
            double a = e * h;
            double[] mr = MassMatrices.weighted(basis, a, h);
            for (int i = 0; i < np * np; i++) {
                mr[i] *= 0.5 * h;
            }
            for (int i = 0; i < np; i++) {
                for (int j = 0; j < np; j++) {
                    volume[e * np + j] += mr[i * np + j];
                }
            }
            minvR[e] = MassMatrices.inverse(mr, np);
            stiff[e] = MassMatrices.weightedStiffness(basis, a, h);
        }
        Apply op = new Apply(basis, elements, h, minvLeg, minvR, stiff);
        this.coupling = new double[n * n];
        double[] unit = new double[n];
        double[] col = new double[n];
        int w = 0;
        for (int l = 0; l < n; l++) {
            unit[l] = 1.0;
            op.apply(unit, col);
            unit[l] = 0.0;
            for (int j = 0; j < n; j++) {
                if (col[j] != 0.0) {
                    int k = n - 1 - j;
                    int kk = n - 1 - l;
                    coupling[k * n + kk] = col[j];
                    w = Math.max(w, Math.abs(k - kk));
                }
            }
        }
        this.band = w;
        this.film = new double[n];
        double rb2 = radius * radius;
        int outer = elements - 1;
        for (int i = 0; i < np; i++) {
            film[n - 1 - (outer * np + i)] = rb2 * minvR[outer][i * np + np - 1];
        }
        this.volumeFraction = new double[n];
        double vp = radius * radius * radius / 3.0;
        for (int j = 0; j < n; j++) {
            volumeFraction[n - 1 - j] = volume[j] / vp;
        }
    }

    /** Number of points, N_e (P + 1). */
    public int points() {
        return n;
    }

    /** Number of elements. */
    public int elements() {
        return elements;
    }

    /** Coupling of point k to point l per unit D_p (1/m^2): dc_k/dt = D_p sum_l A_kl c_l + film. */
    public double coupling(int k, int l) {
        return coupling[k * n + l];
    }

    /** Largest |k - l| with a nonzero coupling. */
    public int bandwidth() {
        return band;
    }

    /** Film source of point k per unit flux density (1/m): dc_k/dt += film_k k_f / eps_p (c - c_0). */
    public double filmSource(int k) {
        return film[k];
    }

    /** Number of leading points (from the surface) with a film source: the outer element's nodes. */
    public int filmPoints() {
        return np;
    }

    /** Fraction of the particle volume that point k carries in the content, int r^2 phi_k dr / (r_p^3 / 3). */
    public double volumeFraction(int k) {
        return volumeFraction[k];
    }

    /** The operator on values in r-increasing order (centre element first), film excluded. */
    private static final class Apply {
        private final Lgl basis;
        private final int elements;
        private final int np;
        private final double h;
        private final double[] minvLeg;
        private final double[][] minvR;
        private final double[][] stiff;
        private final double[] g;
        private final double[] rhs;

        Apply(Lgl basis, int elements, double h, double[] minvLeg, double[][] minvR, double[][] stiff) {
            this.basis = basis;
            this.elements = elements;
            this.np = basis.size();
            this.h = h;
            this.minvLeg = minvLeg;
            this.minvR = minvR;
            this.stiff = stiff;
            this.g = new double[elements * np];
            this.rhs = new double[np];
        }

        void apply(double[] c, double[] out) {
            int last = elements - 1;
            int p = np - 1;
            for (int e = 0; e < elements; e++) {
                int o = e * np;
                double jumpL = e == 0 ? 0.0 : c[o] - 0.5 * (c[o - 1] + c[o]);
                double jumpR = e == last ? 0.0 : 0.5 * (c[o + p] + c[o + np]) - c[o + p];
                for (int i = 0; i < np; i++) {
                    double s = 0.0;
                    for (int j = 0; j < np; j++) {
                        s += basis.derivative(i, j) * c[o + j];
                    }
                    s += minvLeg[i * np] * jumpL + minvLeg[i * np + p] * jumpR;
                    g[o + i] = 2.0 / h * s;
                }
            }
            for (int e = 0; e < elements; e++) {
                int o = e * np;
                double ra = e * h;
                double rb = ra + h;
                double gL = e == 0 ? 0.0 : 0.5 * (g[o - 1] + g[o]);
                double gR = e == last ? 0.0 : 0.5 * (g[o + p] + g[o + np]);
                for (int i = 0; i < np; i++) {
                    double s = 0.0;
                    for (int j = 0; j < np; j++) {
                        s -= stiff[e][i * np + j] * g[o + j];
                    }
                    rhs[i] = s;
                }
                rhs[p] += rb * rb * gR;
                rhs[0] -= ra * ra * gL;
                for (int i = 0; i < np; i++) {
                    double s = 0.0;
                    for (int j = 0; j < np; j++) {
                        s += minvR[e][i * np + j] * rhs[j];
                    }
                    out[o + i] = s;
                }
            }
        }
    }
}
