package org.sorb.numerics.batch;

import java.util.List;
import org.sorb.model.BiLangmuirBinding;
import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.LinearBinding;
import org.sorb.numerics.ColumnEquations;

/** Packs the per-design coefficients of a batch into the kernels' parameter array (design index fastest). */
public final class BatchParameters {
    private BatchParameters() {
    }

    /**
     * @throws IllegalArgumentException when a design's structure differs from {@code k}
     */
    public static double[] pack(List<ColumnCase> designs, List<ColumnEquations> equations, KernelConstants k) {
        int nd = designs.size();
        double[] p = new double[BatchBuffers.size(BatchDevice.Buf.PAR, k, nd)];
        for (int b = 0; b < nd; b++) {
            ColumnCase c = designs.get(b);
            if (!KernelConstants.of(c).equals(k)) {
                throw new IllegalArgumentException("design " + b + " differs in structure from the batch: "
                        + KernelConstants.of(c) + " vs " + k);
            }
            ColumnEquations eq = equations.get(b);
            p[KernelConstants.P_VEL * nd + b] = eq.velocity();
            p[KernelConstants.P_DISP * nd + b] = eq.dispersion();
            p[KernelConstants.P_DZ * nd + b] = eq.cellWidth();
            p[KernelConstants.P_BOUNDW * nd + b] = eq.boundWeight();
            p[KernelConstants.P_BULKFRAC * nd + b] = eq.bulkFraction();
            p[KernelConstants.P_INVDZ * nd + b] = 1.0 / eq.cellWidth();
            p[KernelConstants.P_DISPDZ * nd + b] = eq.dispersion() / eq.cellWidth();
            for (int i = 0; i < k.nc(); i++) {
                p[(KernelConstants.P_BULKFILM + i) * nd + b] = eq.bulkFilm(i);
                p[(k.shellFilm() + i) * nd + b] = eq.shellFilm(i);
                for (int s = 0; s < k.ns(); s++) {
                    p[(k.toOuter() + s * k.nc() + i) * nd + b] = eq.toOuter(s, i);
                    p[(k.toInner() + s * k.nc() + i) * nd + b] = eq.toInner(s, i);
                }
            }
            BindingModel bm = c.binding();
            double[] ka;
            double[] kd;
            double[] qmax;
            if (bm instanceof LinearBinding l) {
                ka = l.ka();
                kd = l.kd();
                qmax = new double[ka.length];
                java.util.Arrays.fill(qmax, 1.0);
            } else if (bm instanceof LangmuirBinding l) {
                ka = l.ka();
                kd = l.kd();
                qmax = l.qmax();
            } else if (bm instanceof BiLangmuirBinding l) {
                ka = l.ka();
                kd = l.kd();
                qmax = l.qmax();
            } else {
                throw new IllegalArgumentException("binding model " + bm.key() + " has no column kernel");
            }
            for (int s = 0; s < k.nb(); s++) {
                p[(k.ka() + s) * nd + b] = ka[s];
                p[(k.kd() + s) * nd + b] = kd[s];
                p[(k.qmax() + s) * nd + b] = qmax[s];
                p[(k.invQmax() + s) * nd + b] = 1.0 / qmax[s];
            }
        }
        return p;
    }
}
