package org.sorb.model;

import java.util.List;
import org.sorb.model.BindingParameter.Bound;
import org.sorb.model.BindingParameter.Count;
import org.sorb.model.BindingParameter.Kind;

/**
 * Steric mass action (Brooks and Cramer 1992) in CADET's form: component 0 is the salt (counter-ion), proteins
 * i = 1 .. n_comp - 1 bind with bound state s = i, protein parameters indexed p = i - 1:
 * f_0 = Lambda - sum_j nu_j q_j - q_0 (always algebraic: the salt's bound state is the free ionic capacity),
 * f_i = ka_p c_p,i (qbar_0 / q_ref)^nu_p - kd_p q_i (c_p,0 / c_ref)^nu_p,
 * qbar_0 = Lambda - sum_j (nu_j + sigma_j) q_j (sites neither bound nor sterically shielded).
 * Concentrations molar as a rule (mol/m^3), q per volume of solid skeleton.
 *
 * @param kinetic kinetic (true) or rapid equilibrium (false) for the proteins
 * @param lambda  ionic capacity Lambda (concentration per volume of solid skeleton)
 * @param ka      adsorption rate per protein (1/s, with the reference concentrations)
 * @param kd      desorption rate per protein (1/s)
 * @param nu      characteristic charge per protein (-)
 * @param sigma   steric shielding factor per protein (-)
 * @param cRef    reference liquid concentration c_ref (concentration; 1 gives CADET's unscaled form)
 * @param qRef    reference solid concentration q_ref (concentration; 1 gives CADET's unscaled form)
 */
public record StericMassActionBinding(boolean kinetic, double lambda, double[] ka, double[] kd, double[] nu,
                                      double[] sigma, double cRef, double qRef) implements BindingModel {
    /** Declaration: lambda, then one value per protein (the components after salt), then the references. */
    public static final BindingDeclaration DECLARATION = new BindingDeclaration("steric_mass_action", List.of(
            BindingParameter.required("lambda", Kind.CONCENTRATION, Count.SCALAR, Bound.POSITIVE,
                    "ionic capacity (concentration per volume of solid skeleton)"),
            BindingParameter.required("ka", Kind.RATE_CONSTANT, Count.PER_BINDING_COMPONENT, Bound.NON_NEGATIVE,
                    "adsorption rate per protein"),
            BindingParameter.desorption("kd", Count.PER_BINDING_COMPONENT, "desorption rate per protein"),
            BindingParameter.required("nu", Kind.NUMBER, Count.PER_BINDING_COMPONENT, Bound.NON_NEGATIVE,
                    "characteristic charge per protein"),
            BindingParameter.required("sigma", Kind.NUMBER, Count.PER_BINDING_COMPONENT, Bound.NON_NEGATIVE,
                    "steric shielding factor per protein"),
            BindingParameter.optional("c_ref", Kind.CONCENTRATION, Bound.POSITIVE, 1.0,
                    "reference liquid concentration"),
            BindingParameter.optional("q_ref", Kind.CONCENTRATION, Bound.POSITIVE, 1.0,
                    "reference solid concentration")),
            "the salt (counter-ion, with the free ionic capacity as bound state)",
            (kinetic, v) -> new StericMassActionBinding(kinetic, v.get("lambda")[0], v.get("ka"), v.get("kd"),
                    v.get("nu"), v.get("sigma"), v.get("c_ref")[0], v.get("q_ref")[0]));

    public StericMassActionBinding {
        ka = ka.clone();
        kd = kd.clone();
        nu = nu.clone();
        sigma = sigma.clone();
        if (ka.length == 0) {
            throw new InvalidModelException("binding.ka", "0 values",
                    "one value per protein (every component after salt)");
        }
        Checks.positive("binding.lambda", lambda);
        Checks.allNonNegative("binding.ka", ka);
        Checks.length("binding.kd", kd, ka.length);
        Checks.length("binding.nu", nu, ka.length);
        Checks.length("binding.sigma", sigma, ka.length);
        Checks.desorption("binding.kd", kd, kinetic);
        Checks.allNonNegative("binding.nu", nu);
        Checks.allNonNegative("binding.sigma", sigma);
        Checks.positive("binding.c_ref", cRef);
        Checks.positive("binding.q_ref", qRef);
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
    public double[] nu() {
        return nu.clone();
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    @Override
    public int components() {
        return ka.length + 1;
    }

    @Override
    public int boundStates() {
        return ka.length + 1;
    }

    @Override
    public int componentOf(int s) {
        return s;
    }

    /** The salt's bound state (s = 0) is algebraic; the proteins follow the kinetic flag. */
    @Override
    public boolean kinetic(int s) {
        return s > 0 && kinetic;
    }

    @Override
    public BindingDeclaration declaration() {
        return DECLARATION;
    }

    @Override
    public double[] values(String key) {
        return switch (key) {
            case "lambda" -> new double[] {lambda};
            case "ka" -> ka.clone();
            case "kd" -> kd.clone();
            case "nu" -> nu.clone();
            case "sigma" -> sigma.clone();
            case "c_ref" -> new double[] {cRef};
            case "q_ref" -> new double[] {qRef};
            default -> throw new IllegalArgumentException("binding steric_mass_action has no parameter " + key);
        };
    }

    /** Free sites qbar_0 = Lambda - sum_j (nu_j + sigma_j) q_j must stay above 0 (the powers qbar_0^nu). */
    @Override
    public boolean admissible(double[] cp, int cpOff, double[] q, int qOff) {
        double free = lambda;
        for (int p = 0; p < ka.length; p++) {
            free -= (nu[p] + sigma[p]) * q[qOff + 1 + p];
        }
        return free > 0.0;
    }

    @Override
    public void flux(double[] cp, int cpOff, double[] q, int qOff, double[] f, int fOff) {
        int n = ka.length;
        double free = lambda;
        double bound = 0.0;
        for (int p = 0; p < n; p++) {
            double qi = q[qOff + 1 + p];
            free -= (nu[p] + sigma[p]) * qi;
            bound += nu[p] * qi;
        }
        f[fOff] = lambda - bound - q[qOff];
        double qb = free / qRef;
        double c0 = cp[cpOff] / cRef;
        for (int p = 0; p < n; p++) {
            f[fOff + 1 + p] = ka[p] * cp[cpOff + 1 + p] * Math.pow(qb, nu[p])
                    - kd[p] * q[qOff + 1 + p] * Math.pow(c0, nu[p]);
        }
    }

    @Override
    public void jacobian(double[] cp, int cpOff, double[] q, int qOff, double[] dfdcp, int dcOff, double[] dfdq,
                         int dqOff) {
        int n = ka.length;
        int nc = n + 1;
        double free = lambda;
        for (int p = 0; p < n; p++) {
            free -= (nu[p] + sigma[p]) * q[qOff + 1 + p];
        }
        double qb = free / qRef;
        double c0 = cp[cpOff] / cRef;
        for (int e = 0; e < nc * nc; e++) {
            dfdcp[dcOff + e] = 0.0;
            dfdq[dqOff + e] = 0.0;
        }
        dfdq[dqOff] = -1.0;
        for (int p = 0; p < n; p++) {
            dfdq[dqOff + 1 + p] = -nu[p];
        }
        for (int p = 0; p < n; p++) {
            int s = 1 + p;
            double c = cp[cpOff + s];
            double qi = q[qOff + s];
            double qbNu = Math.pow(qb, nu[p]);
            // d(qb^nu)/dq_r = nu qb^(nu-1) (-(nu_r + sigma_r) / q_ref)
            // (nu = 0 makes both derivatives 0, also where the base is 0)
            double dqb = nu[p] == 0.0 ? 0.0 : ka[p] * c * nu[p] * Math.pow(qb, nu[p] - 1.0) / qRef;
            dfdcp[dcOff + s * nc] = nu[p] == 0.0 ? 0.0 : -kd[p] * qi * nu[p] * Math.pow(c0, nu[p] - 1.0) / cRef;
            dfdcp[dcOff + s * nc + s] = ka[p] * qbNu;
            for (int r = 0; r < n; r++) {
                dfdq[dqOff + s * nc + 1 + r] = -dqb * (nu[r] + sigma[r]);
            }
            dfdq[dqOff + s * nc + s] -= kd[p] * Math.pow(c0, nu[p]);
        }
    }
}
