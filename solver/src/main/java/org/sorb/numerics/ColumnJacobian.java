package org.sorb.numerics;

/**
 * The iteration matrix N = M - hGamma dF/dy of {@link ColumnEquations}, assembled from its operators' Jacobians
 * (axial transport, film and pore diffusion) and the binding model's analytic Jacobian: the bound rows
 * (kinetic: 1 - hGamma df_s/dq_s, algebraic: -hGamma df_s/dq) with the bound phase's weight in the liquid rows.
 * Allocation-free per assembly.
 */
final class ColumnJacobian {
    private final ColumnEquations eq;
    private final int nz;
    private final int nc;
    private final int nBound;
    // scratch
    private final double[] dfdcp;
    private final double[] dfdq;

    ColumnJacobian(ColumnEquations eq) {
        this.eq = eq;
        StateLayout layout = eq.layout();
        this.nz = layout.axialCells();
        this.nc = layout.components();
        this.nBound = layout.boundStates();
        this.dfdcp = new double[nBound * nc];
        this.dfdq = new double[nBound * nBound];
    }

    /** Assembles N = M - hGamma dF/dy at y into m (cleared first). */
    void assemble(double[] y, double hGamma, ColumnMatrix m) {
        m.clear();
        eq.transport().jacobian(y, hGamma, m);
        if (eq.pores() != null) {
            eq.pores().jacobian(hGamma, m);
        }
        bindingJacobian(y, hGamma, m);
    }

    /** Bound rows: K - hGamma df/dq, -hGamma df/dc_p; liquid rows: the bound-phase mass coupling. */
    private void bindingJacobian(double[] y, double hGamma, ColumnMatrix m) {
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
                            m.addBlockToBulk(j, 0, row, i, v);
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
