package org.sorb.numerics.dg;

/**
 * The nodal basis of one spectral element on the reference interval [-1, 1]: the P + 1 Legendre-Gauss-Lobatto
 * nodes xi_i, their quadrature weights w_i, the Lagrange polynomials l_i through them and the derivative matrix
 * D_ij = l_j'(xi_i).
 *
 * <p>Nodes: xi_0 = -1, xi_P = 1 and the roots of L_P'(xi); weights w_i = 2 / (P (P + 1) L_P(xi_i)^2). The
 * quadrature is exact to degree 2P - 1. Integrals of higher degree (the exact mass matrices) use
 * Gauss-Legendre quadrature ({@link #gauss(int)}).
 */
public final class Lgl {
    private static final int NEWTON_ITERATIONS = 100;
    private static final double NEWTON_TOL = 1e-15;
    private final int degree;
    private final double[] nodes;
    private final double[] weights;
    private final double[] derivative;
    private final double[] baryWeights;

    /** The basis of polynomial degree {@code degree} (>= 1). */
    public Lgl(int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("LGL degree must be >= 1: " + degree);
        }
        this.degree = degree;
        int n = degree + 1;
        this.nodes = new double[n];
        this.weights = new double[n];
        nodes[0] = -1.0;
        nodes[degree] = 1.0;
        for (int i = 1; i < degree; i++) {
            // Chebyshev-Gauss-Lobatto start, Newton on (1 - x^2) L_P'(x)
            double x = -Math.cos(Math.PI * i / degree);
            for (int it = 0; it < NEWTON_ITERATIONS; it++) {
                double[] l = legendre(degree, x);
                // q = L_{P+1} - L_{P-1} vanishes at the interior LGL nodes; q' = (2P + 1) L_P
                double q = legendre(degree + 1, x)[0] - l[2];
                double dq = (2 * degree + 1) * l[0];
                double dx = q / dq;
                x -= dx;
                if (Math.abs(dx) < NEWTON_TOL) {
                    break;
                }
            }
            nodes[i] = x;
        }
        for (int i = 0; i < n; i++) {
            double lp = legendre(degree, nodes[i])[0];
            weights[i] = 2.0 / (degree * (degree + 1.0) * lp * lp);
        }
        this.baryWeights = new double[n];
        for (int j = 0; j < n; j++) {
            double p = 1.0;
            for (int k = 0; k < n; k++) {
                if (k != j) {
                    p *= nodes[j] - nodes[k];
                }
            }
            baryWeights[j] = 1.0 / p;
        }
        this.derivative = new double[n * n];
        for (int i = 0; i < n; i++) {
            double diag = 0.0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double v = baryWeights[j] / baryWeights[i] / (nodes[i] - nodes[j]);
                    derivative[i * n + j] = v;
                    diag -= v;
                }
            }
            derivative[i * n + i] = diag;
        }
    }

    /** {L_n(x), L_n'(x), L_{n-1}(x)} by the three-term recurrence. */
    static double[] legendre(int n, double x) {
        double p0 = 1.0;
        double p1 = x;
        if (n == 0) {
            return new double[] {1.0, 0.0, 0.0};
        }
        for (int k = 2; k <= n; k++) {
            double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        double d = Math.abs(x) == 1.0 ? Math.pow(x, n + 1) * n * (n + 1) / 2.0 : n * (x * p1 - p0) / (x * x - 1.0);
        return new double[] {p1, d, p0};
    }

    /**
     * Gauss-Legendre nodes and weights with m points (exact to degree 2m - 1): {nodes, weights}.
     */
    public static double[][] gauss(int m) {
        double[] x = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            double t = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            for (int it = 0; it < NEWTON_ITERATIONS; it++) {
                double[] l = legendre(m, t);
                double dt = l[0] / l[1];
                t -= dt;
                if (Math.abs(dt) < NEWTON_TOL) {
                    break;
                }
            }
            double d = legendre(m, t)[1];
            x[m - 1 - i] = t;
            w[m - 1 - i] = 2.0 / ((1.0 - t * t) * d * d);
        }
        return new double[][] {x, w};
    }

    public int degree() {
        return degree;
    }

    /** Number of nodes, P + 1. */
    public int size() {
        return nodes.length;
    }

    public double node(int i) {
        return nodes[i];
    }

    public double weight(int i) {
        return weights[i];
    }

    /** D_ij = l_j'(xi_i). */
    public double derivative(int i, int j) {
        return derivative[i * nodes.length + j];
    }

    /** Values of every Lagrange polynomial at x, l_j(x), into out[0 .. P]. */
    public void lagrange(double x, double[] out) {
        int n = nodes.length;
        for (int j = 0; j < n; j++) {
            if (x == nodes[j]) {
                java.util.Arrays.fill(out, 0, n, 0.0);
                out[j] = 1.0;
                return;
            }
        }
        double s = 0.0;
        for (int j = 0; j < n; j++) {
            out[j] = baryWeights[j] / (x - nodes[j]);
            s += out[j];
        }
        for (int j = 0; j < n; j++) {
            out[j] /= s;
        }
    }

    /** Derivatives of every Lagrange polynomial at x, l_j'(x), into out[0 .. P] (through the nodal values). */
    public void lagrangeDerivative(double x, double[] out) {
        int n = nodes.length;
        double[] l = new double[n];
        lagrange(x, l);
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s += l[i] * derivative[i * n + j];
            }
            out[j] = s;
        }
    }
}
