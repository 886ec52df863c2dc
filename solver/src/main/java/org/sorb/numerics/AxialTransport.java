package org.sorb.numerics;

/**
 * The axial convection-dispersion of the bulk, discretized on the column's axial points:
 * f[c_j] = -d/dz (u c - D_ax dc/dz) at point j, Danckwerts inlet, zero-gradient outlet. The outlet is the last
 * point's value.
 */
interface AxialTransport {
    /** Sets the bulk rows of f to the transport term, for inlet concentrations cIn. */
    void residual(double[] y, double[] cIn, double[] f);

    /** Adds the bulk identity and -hGamma times the transport's derivative to m. */
    void jacobian(double[] y, double hGamma, ColumnMatrix m);

    /** Points below the diagonal that a bulk row couples to. */
    int lowerBand();

    /** Points above the diagonal that a bulk row couples to. */
    int upperBand();

    /** Quadrature weight of point j in the column's content (m): sum_j weight_j = L. */
    double weight(int j);

    /** Axial position of point j (m). */
    double position(int j);
}
