package org.sorb.numerics.batch;

import java.util.List;
import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.ColumnEquations;

/**
 * Packs the per-design coefficients of a batch into the kernels' parameter array (design index fastest): the
 * transport coefficients (with each design's DG operators on spectral elements, {@link DgStructure#pack}), then every
 * declared binding parameter at its {@link BindingSlot} (reciprocals where the
 * slot says so).
 */
public final class BatchParameters {
    private BatchParameters() {
    }

    /**
     * @throws IllegalArgumentException when a design's structure differs from {@code k}
     */
    public static double[] pack(List<ColumnCase> designs, List<ColumnEquations> equations, KernelConstants k) {
        int nd = designs.size();
        double[] p = new double[BatchBuffers.size(BatchDevice.Buf.PAR, k, nd)];
        List<BindingSlot> slots = k.bindingSlots();
        for (int b = 0; b < nd; b++) {
            ColumnCase c = designs.get(b);
            if (!KernelConstants.of(c).equals(k)) {
                throw new IllegalArgumentException("design " + b + " differs in structure from the batch: "
                        + KernelConstants.of(c) + " vs " + k);
            }
            ColumnEquations eq = equations.get(b);
            p[KernelConstants.P_VEL * nd + b] = eq.velocity();
            p[KernelConstants.P_DISP * nd + b] = eq.dispersion();
            p[KernelConstants.P_BOUNDW * nd + b] = eq.boundWeight();
            p[KernelConstants.P_BULKFRAC * nd + b] = eq.bulkFraction();
            if (k.dg() == null) {
                p[KernelConstants.P_DZ * nd + b] = eq.cellWidth();
                p[KernelConstants.P_INVDZ * nd + b] = 1.0 / eq.cellWidth();
                p[KernelConstants.P_DISPDZ * nd + b] = eq.dispersion() / eq.cellWidth();
            }
            // the lumped rate model has no film: its film slots stay zero
            for (int i = 0; i < k.nc() && k.hasPores(); i++) {
                p[(KernelConstants.P_BULKFILM + i) * nd + b] = eq.bulkFilm(i);
                if (k.dgParticle()) {
                    continue;
                }
                p[(k.shellFilm() + i) * nd + b] = eq.shellFilm(i);
                for (int s = 0; s < k.ns(); s++) {
                    p[(k.toOuter() + s * k.nc() + i) * nd + b] = eq.toOuter(s, i);
                    p[(k.toInner() + s * k.nc() + i) * nd + b] = eq.toInner(s, i);
                }
            }
            if (k.dg() != null) {
                k.dg().pack(p, k, eq, nd, b);
            }
            BindingModel bm = c.binding();
            for (BindingSlot slot : slots) {
                double[] v = bm.values(slot.key());
                for (int i = 0; i < slot.size(); i++) {
                    p[(slot.offset() + i) * nd + b] = slot.reciprocal() ? 1.0 / v[i] : v[i];
                }
            }
        }
        return p;
    }
}
