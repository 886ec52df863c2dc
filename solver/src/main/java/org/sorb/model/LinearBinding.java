package org.sorb.model;

import java.util.List;
import org.sorb.model.BindingParameter.Bound;
import org.sorb.model.BindingParameter.Count;
import org.sorb.model.BindingParameter.Kind;

/**
 * Linear binding: f_i = ka_i c_p,i - kd_i q_i.
 *
 * @param kinetic kinetic (true) or rapid equilibrium (false)
 * @param ka      adsorption rate ka_i (1/s)
 * @param kd      desorption rate kd_i (1/s)
 */
public record LinearBinding(boolean kinetic, double[] ka, double[] kd) implements BindingModel {
    /** Declaration: ka, kd per component. */
    public static final BindingDeclaration DECLARATION = new BindingDeclaration("linear", List.of(
            BindingParameter.required("ka", Kind.RATE_CONSTANT, Count.PER_COMPONENT, Bound.NON_NEGATIVE,
                    "adsorption rate per component"),
            BindingParameter.desorption("kd", Count.PER_COMPONENT, "desorption rate per component")),
            null, (kinetic, v) -> new LinearBinding(kinetic, v.get("ka"), v.get("kd")));

    public LinearBinding {
        ka = ka.clone();
        kd = kd.clone();
        Checks.allNonNegative("binding.ka", ka);
        Checks.length("binding.kd", kd, ka.length);
        Checks.desorption("binding.kd", kd, kinetic);
    }

    @Override
    public double[] ka() {
        return ka.clone();
    }

    @Override
    public double[] kd() {
        return kd.clone();
    }

    @Override
    public int components() {
        return ka.length;
    }

    @Override
    public int boundStates() {
        return ka.length;
    }

    @Override
    public int componentOf(int s) {
        return s;
    }

    @Override
    public BindingDeclaration declaration() {
        return DECLARATION;
    }

    @Override
    public double[] values(String key) {
        return switch (key) {
            case "ka" -> ka.clone();
            case "kd" -> kd.clone();
            default -> throw new IllegalArgumentException("binding linear has no parameter " + key);
        };
    }

    @Override
    public void flux(double[] cp, int cpOff, double[] q, int qOff, double[] f, int fOff) {
        for (int i = 0; i < ka.length; i++) {
            f[fOff + i] = ka[i] * cp[cpOff + i] - kd[i] * q[qOff + i];
        }
    }

    @Override
    public void jacobian(double[] cp, int cpOff, double[] q, int qOff, double[] dfdcp, int dcOff, double[] dfdq,
                         int dqOff) {
        int n = ka.length;
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < n; i++) {
                dfdcp[dcOff + s * n + i] = s == i ? ka[s] : 0.0;
                dfdq[dqOff + s * n + i] = s == i ? -kd[s] : 0.0;
            }
        }
    }
}
