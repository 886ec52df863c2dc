package org.sorb.model;

/**
 * Linear binding: f_i = ka_i c_p,i - kd_i q_i.
 *
 * @param kinetic kinetic (true) or rapid equilibrium (false)
 * @param ka      adsorption rate ka_i (1/s)
 * @param kd      desorption rate kd_i (1/s)
 */
public record LinearBinding(boolean kinetic, double[] ka, double[] kd) implements BindingModel {
    public LinearBinding {
        ka = ka.clone();
        kd = kd.clone();
        Checks.allNonNegative("binding.ka", ka);
        Checks.length("binding.kd", kd, ka.length);
        if (kinetic) {
            Checks.allNonNegative("binding.kd", kd);
        } else {
            Checks.allPositive("binding.kd", kd);
        }
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
    public String key() {
        return "linear";
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
