package org.sorb.model;

/**
 * Amounts per column cross-section (concentration unit x m), per component.
 * injected = integral eps_c u c_in dt, eluted = integral eps_c u c_out dt,
 * retained = content(t_end) - content(0) with content = integral [eps_c c + (1 - eps_c)(eps_p c_p + (1 - eps_p) q)] dz.
 *
 * @param injected      amount that entered through the inlet
 * @param eluted        amount that left through the outlet
 * @param retained      change of the column's content
 * @param relativeError max_i |injected_i - eluted_i - retained_i| / max(injected_i, initial content_i, tiny)
 */
public record MassBalance(double[] injected, double[] eluted, double[] retained, double relativeError) {
    public MassBalance {
        injected = injected.clone();
        eluted = eluted.clone();
        retained = retained.clone();
    }

    @Override
    public double[] injected() {
        return injected.clone();
    }

    @Override
    public double[] eluted() {
        return eluted.clone();
    }

    @Override
    public double[] retained() {
        return retained.clone();
    }
}
