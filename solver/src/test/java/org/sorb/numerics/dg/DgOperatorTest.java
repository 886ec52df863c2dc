package org.sorb.numerics.dg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DG building blocks against exact results: LGL and Gauss quadrature, the derivative matrix, the axial
 * operator on polynomials and its conservation, the spherical particle operator on c = r^2 and its conservation.
 */
class DgOperatorTest {
    /** Round-off bound for these O(1)-scaled identities. */
    private static final double EXACT = 1e-12;

    @Test
    void lglNodesAndWeightsOfDegreeTwo() {
        Lgl b = new Lgl(2);
        assertEquals(-1.0, b.node(0), EXACT);
        assertEquals(0.0, b.node(1), EXACT);
        assertEquals(1.0, b.node(2), EXACT);
        assertEquals(1.0 / 3.0, b.weight(0), EXACT);
        assertEquals(4.0 / 3.0, b.weight(1), EXACT);
    }

    @ParameterizedTest(name = "degree {0}")
    @CsvSource({"1", "2", "3", "5", "8"})
    void quadratureAndDerivativeAreExactToTheirDegree(int p) {
        Lgl b = new Lgl(p);
        for (int k = 0; k <= 2 * p - 1; k++) {
            double s = 0.0;
            for (int i = 0; i <= p; i++) {
                s += b.weight(i) * Math.pow(b.node(i), k);
            }
            assertEquals(k % 2 == 0 ? 2.0 / (k + 1) : 0.0, s, EXACT, "LGL, x^" + k);
        }
        double[][] g = Lgl.gauss(p + 1);
        for (int k = 0; k <= 2 * p + 1; k++) {
            double s = 0.0;
            for (int i = 0; i <= p; i++) {
                s += g[1][i] * Math.pow(g[0][i], k);
            }
            assertEquals(k % 2 == 0 ? 2.0 / (k + 1) : 0.0, s, EXACT, "Gauss, x^" + k);
        }
        for (int i = 0; i <= p; i++) {
            double d = 0.0;
            for (int j = 0; j <= p; j++) {
                d += b.derivative(i, j) * Math.pow(b.node(j), p);
            }
            assertEquals(p * Math.pow(b.node(i), p - 1), d, 1e-11, "D x^" + p);
        }
    }

    @ParameterizedTest(name = "P{0} x {1} exact={2}")
    @CsvSource({"2, 1, false", "3, 4, false", "3, 4, true", "5, 3, true"})
    void axialOperatorIsExactOnAQuadraticAndConservative(int p, int elements, boolean exact) {
        double length = 0.3;
        double u = 2.0;
        double d = 0.05;
        Lgl b = new Lgl(p);
        DgAxialOperator op = new DgAxialOperator(elements, b, exact, length, u, d);
        int n = op.points();
        double[] z = new double[n];
        double[] w = new double[n];
        double h = length / elements;
        for (int e = 0; e < elements; e++) {
            for (int i = 0; i <= p; i++) {
                z[e * (p + 1) + i] = e * h + 0.5 * h * (b.node(i) + 1.0);
                w[e * (p + 1) + i] = 0.5 * h * b.weight(i);
            }
        }
        double[] c = new double[n];
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = z[j] * z[j];
        }
        op.apply(c, 0.0, out);
        // c = z^2: -d/dz (u c - D dc/dz) = -2 u z + 2 D; the outlet node carries the zero-gradient condition (the
        // whole last element with the exact mass matrix, whose lifting reaches every node)
        for (int j = 0; j < n - (exact ? p + 1 : 1); j++) {
            assertEquals(-2.0 * u * z[j] + 2.0 * d, out[j], EXACT * 10, "node " + j);
        }
        // conservation: sum_j w_j dc_j/dt = u c_in - u c_out for any nodal values, also through the band
        Random rnd = new Random(3);
        for (int j = 0; j < n; j++) {
            c[j] = rnd.nextDouble();
        }
        double cIn = 0.7;
        op.apply(c, cIn, out);
        BandOperator band = op.band();
        double s = 0.0;
        double sb = 0.0;
        for (int j = 0; j < n; j++) {
            s += w[j] * out[j];
            sb += w[j] * band.row(j, c, 0, 1, cIn);
            assertEquals(out[j], band.row(j, c, 0, 1, cIn), EXACT * (1 + Math.abs(out[j])), "band row " + j);
        }
        assertEquals(u * cIn - u * c[n - 1], s, EXACT);
        assertEquals(u * cIn - u * c[n - 1], sb, EXACT);
    }

    @ParameterizedTest(name = "P{0} x {1}")
    @CsvSource({"2, 1", "4, 1", "2, 3", "3, 2"})
    void particleOperatorIsExactOnRSquaredAndConservative(int p, int elements) {
        double radius = 2.0;
        DgParticleOperator op = new DgParticleOperator(elements, new Lgl(p), radius);
        int n = op.points();
        Lgl b = new Lgl(p);
        double h = radius / elements;
        double[] r = new double[n];
        for (int e = 0; e < elements; e++) {
            for (int i = 0; i <= p; i++) {
                r[n - 1 - (e * (p + 1) + i)] = e * h + 0.5 * h * (b.node(i) + 1.0);
            }
        }
        double vsum = 0.0;
        double film = 0.0;
        for (int k = 0; k < n; k++) {
            vsum += op.volumeFraction(k);
            film += op.volumeFraction(k) * op.filmSource(k);
            double a = 0.0;
            double one = 0.0;
            for (int l = 0; l < n; l++) {
                a += op.coupling(k, l) * r[l] * r[l];
                one += op.coupling(k, l);
            }
            // c = r^2: r^-2 d/dr (r^2 dc/dr) = 6, with the surface flux dc/dr = 2 r_p through the film term
            assertEquals(6.0, a + op.filmSource(k) * 2.0 * radius, 1e-10, "point " + k);
            assertEquals(0.0, one, 1e-10, "constant, point " + k);
        }
        assertEquals(1.0, vsum, EXACT);
        assertEquals(3.0 / radius, film, EXACT);
        Random rnd = new Random(5);
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = rnd.nextDouble();
        }
        double s = 0.0;
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                s += op.volumeFraction(k) * op.coupling(k, l) * c[l];
            }
        }
        assertEquals(0.0, s, EXACT);
    }
}
