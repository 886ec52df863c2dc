package org.sorb.numerics;

import org.sorb.numerics.dg.BandOperator;
import org.sorb.numerics.dg.DgAxialOperator;
import org.sorb.numerics.dg.Lgl;

/**
 * Discontinuous Galerkin spectral elements for axial transport ({@link DgAxialOperator}): the operator is
 * linear, f[c] = T c + t_in c_in per component, with T a band of one element's nodes on either side; its
 * Jacobian is T.
 */
final class GalerkinTransport implements AxialTransport {
    private final StateLayout layout;
    private final BandOperator op;
    private final int nz;
    private final int nc;
    private final double[] weight;
    private final double[] position;

    GalerkinTransport(StateLayout layout, int elements, Lgl basis, boolean exact, double length, double velocity,
                      double dispersion) {
        this.layout = layout;
        this.op = new DgAxialOperator(elements, basis, exact, length, velocity, dispersion).band();
        this.nz = layout.axialCells();
        this.nc = layout.components();
        int np = basis.size();
        double dz = length / elements;
        this.weight = new double[nz];
        this.position = new double[nz];
        for (int e = 0; e < elements; e++) {
            for (int i = 0; i < np; i++) {
                weight[e * np + i] = 0.5 * dz * basis.weight(i);
                position[e * np + i] = e * dz + 0.5 * dz * (basis.node(i) + 1.0);
            }
        }
    }

    /** The operator's band: T and t_in. */
    BandOperator operator() {
        return op;
    }

    @Override
    public int lowerBand() {
        return op.lower();
    }

    @Override
    public int upperBand() {
        return op.upper();
    }

    @Override
    public double weight(int j) {
        return weight[j];
    }

    @Override
    public double position(int j) {
        return position[j];
    }

    @Override
    public void residual(double[] y, double[] cIn, double[] f) {
        int stride = layout.cellStride();
        for (int i = 0; i < nc; i++) {
            for (int j = 0; j < nz; j++) {
                f[j * stride + i] = op.row(j, y, i, stride, cIn[i]);
            }
        }
    }

    @Override
    public void jacobian(double[] y, double hGamma, ColumnMatrix m) {
        for (int i = 0; i < nc; i++) {
            for (int j = 0; j < nz; j++) {
                m.addBulk(j, i, j, i, 1.0);
                int l0 = Math.max(0, j - op.lower());
                int l1 = Math.min(nz - 1, j + op.upper());
                for (int l = l0; l <= l1; l++) {
                    double v = op.get(j, l);
                    if (v != 0.0) {
                        m.addBulk(j, i, l, i, -hGamma * v);
                    }
                }
            }
        }
    }
}
