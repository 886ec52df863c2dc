package org.sorb.model;

import java.util.List;
import org.sorb.model.BindingParameter.Bound;
import org.sorb.model.BindingParameter.Count;
import org.sorb.model.BindingParameter.Kind;

/**
 * Multi-component competitive Langmuir binding:
 * f_i = ka_i c_p,i qmax_i (1 - sum_j q_j / qmax_j) - kd_i q_i.
 *
 * @param kinetic kinetic (true) or rapid equilibrium (false)
 * @param ka      adsorption rate ka_i (m^3 / (kg s) with mass concentrations)
 * @param kd      desorption rate kd_i (1/s)
 * @param qmax    capacity qmax_i per volume of solid skeleton (kg/m^3)
 */
public record LangmuirBinding(boolean kinetic, double[] ka, double[] kd, double[] qmax) implements BindingModel {
    /** Declaration: ka, kd, qmax per component. */
    public static final BindingDeclaration DECLARATION = new BindingDeclaration("langmuir", List.of(
            BindingParameter.required("ka", Kind.ADSORPTION_RATE, Count.PER_COMPONENT, Bound.NON_NEGATIVE,
                    "adsorption rate per component"),
            BindingParameter.desorption("kd", Count.PER_COMPONENT, "desorption rate per component"),
            BindingParameter.capacity("qmax", Count.PER_COMPONENT, "capacity per component")),
            null, (kinetic, v) -> new LangmuirBinding(kinetic, v.get("ka"), v.get("kd"), v.get("qmax")));

    public LangmuirBinding {
        ka = ka.clone();
        kd = kd.clone();
        qmax = qmax.clone();
        Checks.allNonNegative("binding.ka", ka);
        Checks.length("binding.kd", kd, ka.length);
        Checks.length("binding.qmax", qmax, ka.length);
        Checks.desorption("binding.kd", kd, kinetic);
        Checks.allPositive("binding.qmax", qmax);
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
    public double[] qmax() {
        return qmax.clone();
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
            case "qmax" -> qmax.clone();
            default -> throw new IllegalArgumentException("binding langmuir has no parameter " + key);
        };
    }

    @Override
    public void flux(double[] cp, int cpOff, double[] q, int qOff, double[] f, int fOff) {
        int n = ka.length;
        double free = 1.0;
        for (int j = 0; j < n; j++) {
            free -= q[qOff + j] / qmax[j];
        }
        for (int i = 0; i < n; i++) {
            f[fOff + i] = ka[i] * cp[cpOff + i] * qmax[i] * free - kd[i] * q[qOff + i];
        }
    }

    @Override
    public void jacobian(double[] cp, int cpOff, double[] q, int qOff, double[] dfdcp, int dcOff, double[] dfdq,
                         int dqOff) {
        int n = ka.length;
        double free = 1.0;
        for (int j = 0; j < n; j++) {
            free -= q[qOff + j] / qmax[j];
        }
        for (int i = 0; i < n; i++) {
            double kaCq = ka[i] * cp[cpOff + i] * qmax[i];
            for (int j = 0; j < n; j++) {
                dfdcp[dcOff + i * n + j] = i == j ? ka[i] * qmax[i] * free : 0.0;
                dfdq[dqOff + i * n + j] = -kaCq / qmax[j] - (i == j ? kd[i] : 0.0);
            }
        }
    }
}
