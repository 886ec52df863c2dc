package org.sorb.numerics.batch;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.BindingDeclaration;
import org.sorb.model.BindingModel;

/**
 * The twins of the kernels' {@code binding_flux} and {@code binding_jacobian}: each design's Java reference
 * {@link BindingModel}, rebuilt from the declared parameters in the kernels' parameter array, evaluated on the
 * design's concentrations. A model is rebuilt only when its parameters in the array change, so that a twin call
 * allocates nothing once the batch's models exist. Not thread-safe (one per {@link ColumnKernels}).
 */
final class BindingTwin {
    private final KernelConstants k;
    private final BindingDeclaration declaration;
    /** The slots of the declared values (not the packed reciprocals, which the Java models compute themselves). */
    private final List<BindingSlot> slots;
    private final int values;
    private final double[] cp;
    private final double[] q;
    private BindingModel[] models = new BindingModel[0];
    /** Per design: the declared values its model was built from, in slot order. */
    private double[][] builtFrom = new double[0][];

    BindingTwin(KernelConstants k) {
        this.k = k;
        this.declaration = k.declaration();
        this.slots = k.bindingSlots().stream().filter(s -> !s.reciprocal()).toList();
        this.values = slots.stream().mapToInt(BindingSlot::size).sum();
        this.cp = new double[k.nc()];
        this.q = new double[k.nb()];
    }

    /** f_s for every bound state from c_p (NC values at cpOff) and q (NB values at qOff) of design b. */
    void flux(double[] y, int cpOff, int qOff, double[] par, int nd, int b, double[] f) {
        gather(y, cpOff, qOff, nd, b);
        model(par, nd, b).flux(cp, 0, q, 0, f, 0);
    }

    /** dfdcp[s * NC + i] and dfdq[s * NB + r] of design b. */
    void jacobian(double[] y, int cpOff, int qOff, double[] par, int nd, int b, double[] dfdcp, double[] dfdq) {
        gather(y, cpOff, qOff, nd, b);
        Arrays.fill(dfdcp, 0, k.nb() * k.nc(), 0.0);
        Arrays.fill(dfdq, 0, k.nb() * k.nb(), 0.0);
        model(par, nd, b).jacobian(cp, 0, q, 0, dfdcp, 0, dfdq, 0);
    }

    private void gather(double[] y, int cpOff, int qOff, int nd, int b) {
        for (int i = 0; i < cp.length; i++) {
            cp[i] = y[(cpOff + i) * nd + b];
        }
        for (int s = 0; s < q.length; s++) {
            q[s] = y[(qOff + s) * nd + b];
        }
    }

    /** Design b's model, rebuilt when its declared parameters in {@code par} differ from what it was built from. */
    BindingModel model(double[] par, int nd, int b) {
        if (b >= models.length) {
            models = Arrays.copyOf(models, Math.max(nd, b + 1));
            builtFrom = Arrays.copyOf(builtFrom, models.length);
        }
        double[] built = builtFrom[b];
        if (built == null || !sameValues(built, par, nd, b)) {
            models[b] = rebuild(par, nd, b);
        }
        return models[b];
    }

    private boolean sameValues(double[] built, double[] par, int nd, int b) {
        int v = 0;
        for (BindingSlot slot : slots) {
            for (int i = 0; i < slot.size(); i++) {
                double now = par[(slot.offset() + i) * nd + b];
                if (Double.doubleToRawLongBits(built[v++]) != Double.doubleToRawLongBits(now)) {
                    return false;
                }
            }
        }
        return true;
    }

    private BindingModel rebuild(double[] par, int nd, int b) {
        double[] built = new double[values];
        Map<String, double[]> byKey = new HashMap<>();
        int v = 0;
        for (BindingSlot slot : slots) {
            double[] x = new double[slot.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = par[(slot.offset() + i) * nd + b];
                built[v++] = x[i];
            }
            byKey.put(slot.key(), x);
        }
        BindingModel m = declaration.create(k.kinetic(), byKey);
        builtFrom[b] = built;
        return m;
    }
}
