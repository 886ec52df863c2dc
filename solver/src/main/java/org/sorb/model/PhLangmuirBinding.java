package org.sorb.model;

import java.util.List;
import org.sorb.model.BindingParameter.Bound;
import org.sorb.model.BindingParameter.Count;
import org.sorb.model.BindingParameter.Kind;

/**
 * pH-dependent affinity binding, the affinity complex titration (ACT) form of Zhang et al. (2025) as in CADET:
 * component 0 is the pH (a liquid "concentration" without bound state), components i = 1 .. n_comp - 1 bind with
 * bound state s = i - 1:
 * f_s = ka_s qmax_s (fA_s(pH) - sum_r q_r / qmax_r) fG_s(pH) c_p,i - kd_s q_s,
 * fA_s = 1 / (1 + 10^(etaA_s (pKaA_s - pH))) scales the capacity and fG_s = 1 / (1 + 10^(etaG_s (pKaG_s - pH)))
 * the affinity K_eq = ka / kd; both fall from 1 to 0 as the pH drops below pKa (Hill-type), which makes
 * low-pH elution physical.
 *
 * @param kinetic kinetic (true) or rapid equilibrium (false)
 * @param ka      adsorption rate per binding component (m^3 / (kg s) with mass concentrations)
 * @param kd      desorption rate per binding component (1/s)
 * @param qmax    capacity per binding component at high pH, per volume of solid skeleton (kg/m^3)
 * @param etaA    Hill coefficient of the capacity factor fA (-)
 * @param pkaA    centre pH of the capacity factor fA (-)
 * @param etaG    Hill coefficient of the affinity factor fG (-)
 * @param pkaG    centre pH of the affinity factor fG (-)
 */
public record PhLangmuirBinding(boolean kinetic, double[] ka, double[] kd, double[] qmax, double[] etaA,
                                double[] pkaA, double[] etaG, double[] pkaG) implements BindingModel {
    /** Declaration: every parameter per binding component (the components after pH). */
    public static final BindingDeclaration DECLARATION = new BindingDeclaration("ph_langmuir", List.of(
            BindingParameter.required("ka", Kind.ADSORPTION_RATE, Count.PER_BINDING_COMPONENT, Bound.NON_NEGATIVE,
                    "adsorption rate per binding component"),
            BindingParameter.desorption("kd", Count.PER_BINDING_COMPONENT, "desorption rate per binding component"),
            BindingParameter.capacity("qmax", Count.PER_BINDING_COMPONENT, "capacity at high pH per binding component"),
            BindingParameter.required("eta_a", Kind.NUMBER, Count.PER_BINDING_COMPONENT, Bound.NON_NEGATIVE,
                    "Hill coefficient of the capacity factor"),
            BindingParameter.required("pka_a", Kind.NUMBER, Count.PER_BINDING_COMPONENT, Bound.ANY,
                    "centre pH of the capacity factor"),
            BindingParameter.required("eta_g", Kind.NUMBER, Count.PER_BINDING_COMPONENT, Bound.NON_NEGATIVE,
                    "Hill coefficient of the affinity factor"),
            BindingParameter.required("pka_g", Kind.NUMBER, Count.PER_BINDING_COMPONENT, Bound.ANY,
                    "centre pH of the affinity factor")),
            "the pH (a liquid-phase modulator without bound state)",
            (kinetic, v) -> new PhLangmuirBinding(kinetic, v.get("ka"), v.get("kd"), v.get("qmax"), v.get("eta_a"),
                    v.get("pka_a"), v.get("eta_g"), v.get("pka_g")));

    private static final double LN10 = Math.log(10.0);

    public PhLangmuirBinding {
        ka = ka.clone();
        kd = kd.clone();
        qmax = qmax.clone();
        etaA = etaA.clone();
        pkaA = pkaA.clone();
        etaG = etaG.clone();
        pkaG = pkaG.clone();
        if (ka.length == 0) {
            throw new InvalidModelException("binding.ka", "0 values",
                    "one value per binding component (every component after pH)");
        }
        Checks.allNonNegative("binding.ka", ka);
        Checks.length("binding.kd", kd, ka.length);
        Checks.length("binding.qmax", qmax, ka.length);
        Checks.length("binding.eta_a", etaA, ka.length);
        Checks.length("binding.pka_a", pkaA, ka.length);
        Checks.length("binding.eta_g", etaG, ka.length);
        Checks.length("binding.pka_g", pkaG, ka.length);
        Checks.desorption("binding.kd", kd, kinetic);
        Checks.allPositive("binding.qmax", qmax);
        Checks.allNonNegative("binding.eta_a", etaA);
        Checks.allNonNegative("binding.eta_g", etaG);
        Checks.allFinite("binding.pka_a", pkaA);
        Checks.allFinite("binding.pka_g", pkaG);
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
    public double[] etaA() {
        return etaA.clone();
    }

    @Override
    public double[] pkaA() {
        return pkaA.clone();
    }

    @Override
    public double[] etaG() {
        return etaG.clone();
    }

    @Override
    public double[] pkaG() {
        return pkaG.clone();
    }

    @Override
    public int components() {
        return ka.length + 1;
    }

    @Override
    public int boundStates() {
        return ka.length;
    }

    @Override
    public int componentOf(int s) {
        return s + 1;
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
            case "eta_a" -> etaA.clone();
            case "pka_a" -> pkaA.clone();
            case "eta_g" -> etaG.clone();
            case "pka_g" -> pkaG.clone();
            default -> throw new IllegalArgumentException("binding ph_langmuir has no parameter " + key);
        };
    }

    /** Hill-type factor 1 / (1 + 10^(eta (pKa - pH))), in [0, 1]. */
    static double hill(double eta, double pka, double ph) {
        double e = eta * (pka - ph);
        if (e > 300.0) {
            return 0.0;
        }
        return 1.0 / (1.0 + Math.pow(10.0, e));
    }

    @Override
    public void flux(double[] cp, int cpOff, double[] q, int qOff, double[] f, int fOff) {
        int n = ka.length;
        double ph = cp[cpOff];
        double load = 0.0;
        for (int r = 0; r < n; r++) {
            load += q[qOff + r] / qmax[r];
        }
        for (int s = 0; s < n; s++) {
            double fa = hill(etaA[s], pkaA[s], ph);
            double fg = hill(etaG[s], pkaG[s], ph);
            f[fOff + s] = ka[s] * qmax[s] * (fa - load) * fg * cp[cpOff + s + 1] - kd[s] * q[qOff + s];
        }
    }

    @Override
    public void jacobian(double[] cp, int cpOff, double[] q, int qOff, double[] dfdcp, int dcOff, double[] dfdq,
                         int dqOff) {
        int n = ka.length;
        int nc = n + 1;
        double ph = cp[cpOff];
        double load = 0.0;
        for (int r = 0; r < n; r++) {
            load += q[qOff + r] / qmax[r];
        }
        for (int s = 0; s < n; s++) {
            double fa = hill(etaA[s], pkaA[s], ph);
            double fg = hill(etaG[s], pkaG[s], ph);
            // d/dpH of 1/(1 + 10^(eta (pKa - pH))) = eta ln10 f (1 - f)
            double dfa = etaA[s] * LN10 * fa * (1.0 - fa);
            double dfg = etaG[s] * LN10 * fg * (1.0 - fg);
            double c = cp[cpOff + s + 1];
            double kq = ka[s] * qmax[s];
            int row = dcOff + s * nc;
            for (int i = 0; i < nc; i++) {
                dfdcp[row + i] = 0.0;
            }
            dfdcp[row] = kq * c * (dfa * fg + (fa - load) * dfg);
            dfdcp[row + s + 1] = kq * (fa - load) * fg;
            for (int r = 0; r < n; r++) {
                dfdq[dqOff + s * n + r] = -kq * fg * c / qmax[r] - (r == s ? kd[s] : 0.0);
            }
        }
    }
}
