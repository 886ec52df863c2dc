package org.sorb.model;

import java.util.List;
import org.sorb.model.BindingParameter.Bound;
import org.sorb.model.BindingParameter.Count;
import org.sorb.model.BindingParameter.Kind;

/**
 * Bi-Langmuir binding: two independent site types k = 0, 1, each a competitive Langmuir isotherm.
 * Bound state s = k n_comp + i holds component i on site type k:
 * f_{k,i} = ka_{k,i} c_p,i qmax_{k,i} (1 - sum_j q_{k,j} / qmax_{k,j}) - kd_{k,i} q_{k,i}.
 *
 * @param kinetic kinetic (true) or rapid equilibrium (false)
 * @param ka      adsorption rates, 2 n_comp values, site 0 then site 1 (m^3 / (kg s))
 * @param kd      desorption rates, 2 n_comp values (1/s)
 * @param qmax    capacities per volume of solid skeleton, 2 n_comp values (kg/m^3)
 */
public record BiLangmuirBinding(boolean kinetic, double[] ka, double[] kd, double[] qmax) implements BindingModel {
    /** Declaration: ka, kd, qmax per component and site type. */
    public static final BindingDeclaration DECLARATION = new BindingDeclaration("bi_langmuir", List.of(
            BindingParameter.required("ka", Kind.ADSORPTION_RATE, Count.PER_SITE, Bound.NON_NEGATIVE,
                    "adsorption rate per component and site type"),
            BindingParameter.desorption("kd", Count.PER_SITE, "desorption rate per component and site type"),
            BindingParameter.capacity("qmax", Count.PER_SITE, "capacity per component and site type")),
            null, (kinetic, v) -> new BiLangmuirBinding(kinetic, v.get("ka"), v.get("kd"), v.get("qmax")));

    public BiLangmuirBinding {
        ka = ka.clone();
        kd = kd.clone();
        qmax = qmax.clone();
        if (ka.length == 0 || ka.length % 2 != 0) {
            throw new InvalidModelException("binding.ka", ka.length + " values",
                    "2 values per component (site type 1 for every component, then site type 2)");
        }
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
        return ka.length / 2;
    }

    @Override
    public int boundStates() {
        return ka.length;
    }

    @Override
    public int componentOf(int s) {
        return s % components();
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
            default -> throw new IllegalArgumentException("binding bi_langmuir has no parameter " + key);
        };
    }

    @Override
    public void flux(double[] cp, int cpOff, double[] q, int qOff, double[] f, int fOff) {
        int n = components();
        for (int k = 0; k < 2; k++) {
            int site = k * n;
            double free = 1.0;
            for (int j = 0; j < n; j++) {
                free -= q[qOff + site + j] / qmax[site + j];
            }
            for (int i = 0; i < n; i++) {
                int s = site + i;
                f[fOff + s] = ka[s] * cp[cpOff + i] * qmax[s] * free - kd[s] * q[qOff + s];
            }
        }
    }

    @Override
    public void jacobian(double[] cp, int cpOff, double[] q, int qOff, double[] dfdcp, int dcOff, double[] dfdq,
                         int dqOff) {
        int n = components();
        int nb = 2 * n;
        for (int i = 0; i < nb * n; i++) {
            dfdcp[dcOff + i] = 0.0;
        }
        for (int i = 0; i < nb * nb; i++) {
            dfdq[dqOff + i] = 0.0;
        }
        for (int k = 0; k < 2; k++) {
            int site = k * n;
            double free = 1.0;
            for (int j = 0; j < n; j++) {
                free -= q[qOff + site + j] / qmax[site + j];
            }
            for (int i = 0; i < n; i++) {
                int s = site + i;
                double kaCq = ka[s] * cp[cpOff + i] * qmax[s];
                dfdcp[dcOff + s * n + i] = ka[s] * qmax[s] * free;
                for (int j = 0; j < n; j++) {
                    dfdq[dqOff + s * nb + site + j] = -kaCq / qmax[site + j];
                }
                dfdq[dqOff + s * nb + s] -= kd[s];
            }
        }
    }
}
