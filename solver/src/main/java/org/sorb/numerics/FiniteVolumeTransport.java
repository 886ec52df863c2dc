package org.sorb.numerics;

import org.sorb.model.ConvectionScheme;

/**
 * Cell-centred finite volumes for axial transport: f[c_j] = -(flux_{j+1/2} - flux_{j-1/2}) / dz,
 * flux_{1/2} = u c_in (Danckwerts), interior flux = u c_face - D_ax (c_{j+1} - c_j) / dz with c_face by the
 * scheme's reconstruction (first order at the first interior face), outlet flux u c_{N-1}.
 */
final class FiniteVolumeTransport implements AxialTransport {
    private final StateLayout layout;
    private final ConvectionScheme scheme;
    private final int nz;
    private final int nc;
    private final double dz;
    private final double velocity;
    private final double dispersion;
    private final double[] faceValue;
    private final double[] faceDerivative;

    FiniteVolumeTransport(StateLayout layout, ConvectionScheme scheme, double length, double velocity,
                          double dispersion) {
        this.layout = layout;
        this.scheme = scheme;
        this.nz = layout.axialCells();
        this.nc = layout.components();
        this.dz = length / nz;
        this.velocity = velocity;
        this.dispersion = dispersion;
        this.faceValue = new double[nz + 1];
        this.faceDerivative = new double[Math.multiplyExact(3, nz + 1)];
    }

    /** Cell width dz (m). */
    double cellWidth() {
        return dz;
    }

    @Override
    public int lowerBand() {
        return IterationMatrix.BAND_LOWER;
    }

    @Override
    public int upperBand() {
        return IterationMatrix.BAND_UPPER;
    }

    @Override
    public double weight(int j) {
        return dz;
    }

    @Override
    public double position(int j) {
        return (j + 0.5) * dz;
    }

    @Override
    public void residual(double[] y, double[] cIn, double[] f) {
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

    @Override
    public void jacobian(double[] y, double hGamma, ColumnMatrix m) {
        int stride = layout.cellStride();
        double invDz = 1.0 / dz;
        double disp = dispersion * invDz;
        for (int i = 0; i < nc; i++) {
            // faceDerivative[3 face + 0..2] = d flux_face / d(c_{face-2}, c_{face-1}, c_face)
            for (int face = 1; face < nz; face++) {
                int d = 3 * face;
                if (face == 1) {
                    faceDerivative[d] = 0.0;
                    faceDerivative[d + 1] = velocity;
                    faceDerivative[d + 2] = 0.0;
                } else {
                    FaceReconstruction.derivative(scheme, y[(face - 2) * stride + i], y[(face - 1) * stride + i],
                            y[face * stride + i], faceDerivative, d);
                    faceDerivative[d] *= velocity;
                    faceDerivative[d + 1] *= velocity;
                    faceDerivative[d + 2] *= velocity;
                }
                faceDerivative[d + 1] += disp;
                faceDerivative[d + 2] -= disp;
            }
            faceDerivative[3 * nz] = 0.0;
            faceDerivative[3 * nz + 1] = velocity;
            faceDerivative[3 * nz + 2] = 0.0;
            double g = hGamma * invDz;
            for (int j = 0; j < nz; j++) {
                m.addBulk(j, i, j, i, 1.0);
                // f_j = -(flux_{j+1} - flux_j)/dz ; N = I - hGamma df/dc
                if (j > 0) {
                    int d = 3 * j; // face j depends on c_{j-2}, c_{j-1}, c_j
                    if (j >= 2) {
                        m.addBulk(j, i, j - 2, i, -g * faceDerivative[d]);
                    }
                    m.addBulk(j, i, j - 1, i, -g * faceDerivative[d + 1]);
                    m.addBulk(j, i, j, i, -g * faceDerivative[d + 2]);
                }
                int d = 3 * (j + 1); // face j+1 depends on c_{j-1}, c_j, c_{j+1}
                if (j >= 1) {
                    m.addBulk(j, i, j - 1, i, g * faceDerivative[d]);
                }
                m.addBulk(j, i, j, i, g * faceDerivative[d + 1]);
                if (j + 1 < nz) {
                    m.addBulk(j, i, j + 1, i, g * faceDerivative[d + 2]);
                }
            }
        }
    }
}
