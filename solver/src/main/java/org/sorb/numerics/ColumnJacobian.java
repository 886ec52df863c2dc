package org.sorb.numerics;

/**
 * The iteration matrix N = M - hGamma dF/dy of {@link ColumnEquations}, assembled from its coefficients and the
 * binding model's analytic Jacobian: the bulk band (convection with the reconstruction's face derivatives,
 * dispersion), the film and pore-diffusion couplings of every shell, and the bound rows
 * (kinetic: 1 - hGamma df_s/dq_s, algebraic: -hGamma df_s/dq) with the bound phase's weight in the liquid rows.
 * Allocation-free per assembly.
 */
final class ColumnJacobian {
    private final ColumnEquations eq;
    private final int nz;
    private final int nc;
    private final int nBound;
    private final int nShell;
    private final double velocity;
    private final double dispersion;
    // scratch
    private final double[] faceDerivative;
    private final double[] dfdcp;
    private final double[] dfdq;

    ColumnJacobian(ColumnEquations eq) {
        this.eq = eq;
        StateLayout layout = eq.layout();
        this.nz = layout.axialCells();
        this.nc = layout.components();
        this.nBound = layout.boundStates();
        this.nShell = layout.shells();
        this.velocity = eq.velocity();
        this.dispersion = eq.dispersion();
        this.faceDerivative = new double[Math.multiplyExact(3, nz + 1)];
        this.dfdcp = new double[nBound * nc];
        this.dfdq = new double[nBound * nBound];
    }

    /** Assembles N = M - hGamma dF/dy at y into m (cleared first). */
    void assemble(double[] y, double hGamma, IterationMatrix m) {
        m.clear();
        transportJacobian(y, hGamma, m);
        if (eq.layout().hasPores()) {
            particleJacobian(hGamma, m);
        }
        bindingJacobian(y, hGamma, m);
    }

    /** Bulk band: identity minus hGamma times the derivative of the axial fluxes. */
    private void transportJacobian(double[] y, double hGamma, IterationMatrix m) {
        int stride = eq.layout().cellStride();
        double invDz = 1.0 / eq.cellWidth();
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
                    FaceReconstruction.derivative(eq.scheme(), y[(face - 2) * stride + i], y[(face - 1) * stride + i],
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

    /** Film and pore-diffusion entries and the pore rows' identity. */
    private void particleJacobian(double hGamma, IterationMatrix m) {
        for (int j = 0; j < nz; j++) {
            for (int i = 0; i < nc; i++) {
                m.addBulk(j, i, j, i, hGamma * eq.bulkFilm(i));
                m.addBulkToBlock(j, i, i, -hGamma * eq.bulkFilm(i));
                m.addBlockToBulk(j, i, i, -hGamma * eq.shellFilm(i));
                for (int k = 0; k < nShell; k++) {
                    double diag = 1.0;
                    if (k == 0) {
                        diag += hGamma * eq.shellFilm(i);
                    } else {
                        diag += hGamma * eq.toOuter(k, i);
                        m.addLower(j, k, i, -hGamma * eq.toOuter(k, i));
                    }
                    if (k < nShell - 1) {
                        diag += hGamma * eq.toInner(k, i);
                        m.addUpper(j, k, i, -hGamma * eq.toInner(k, i));
                    }
                    m.addBlock(j, k, i, i, diag);
                }
            }
        }
    }

    /** Bound rows: K - hGamma df/dq, -hGamma df/dc_p; liquid rows: the bound-phase mass coupling. */
    private void bindingJacobian(double[] y, double hGamma, IterationMatrix m) {
        int blocksPerCell = eq.layout().localBlocks();
        int q0 = eq.layout().boundInBlock();
        boolean pores = eq.layout().hasPores();
        for (int j = 0; j < nz; j++) {
            for (int k = 0; k < blocksPerCell; k++) {
                int cpOff = pores ? eq.layout().pore(j, k, 0) : eq.layout().bulk(j, 0);
                int qOff = eq.layout().bound(j, k, 0);
                eq.binding().jacobian(y, cpOff, y, qOff, dfdcp, 0, dfdq, 0);
                for (int s = 0; s < nBound; s++) {
                    int row = q0 + s;
                    for (int r = 0; r < nBound; r++) {
                        double v = -hGamma * dfdq[s * nBound + r];
                        if (eq.kinetic(s) && r == s) {
                            v += 1.0;
                        }
                        m.addBlock(j, k, row, q0 + r, v);
                    }
                    for (int i = 0; i < nc; i++) {
                        double v = -hGamma * dfdcp[s * nc + i];
                        if (pores) {
                            m.addBlock(j, k, row, i, v);
                        } else {
                            m.addBlockToBulk(j, row, i, v);
                        }
                    }
                    if (pores) {
                        m.addBlock(j, k, eq.componentOf(s), q0 + s, eq.boundWeight());
                    } else {
                        m.addBulkToBlock(j, eq.componentOf(s), s, eq.boundWeight());
                    }
                }
            }
        }
    }
}
