package org.sorb.model;

/**
 * Adsorption kinetics of bound states q_s against pore-liquid concentrations c_p,i, evaluated cell by cell.
 *
 * <p>Kinetic binding: dq_s/dt = f_s(c_p, q). Rapid equilibrium: 0 = f_s(c_p, q) (algebraic).
 * q is per volume of solid skeleton, as in CADET. Implementations fix their sizes at construction and
 * never allocate in {@link #flux} or {@link #jacobian}.
 */
public sealed interface BindingModel permits LinearBinding, LangmuirBinding, BiLangmuirBinding,
        PhLangmuirBinding {

    /** Number of liquid components n_comp. */
    int components();

    /** Number of bound states n_bound (n_comp, 2 n_comp for bi-Langmuir, n_comp - 1 for pH-dependent Langmuir). */
    int boundStates();

    /** The liquid component that bound state s belongs to. */
    int componentOf(int s);

    /** True for dq/dt = f, false for rapid equilibrium 0 = f. */
    boolean kinetic();

    /** The case-file name of the model. */
    String key();

    /**
     * Adsorption flux f_s for every bound state.
     *
     * @param cp   pore-liquid concentrations, n_comp values from {@code cpOff}
     * @param q    bound concentrations, n_bound values from {@code qOff}
     * @param f    output, n_bound values from {@code fOff} (concentration / s)
     */
    void flux(double[] cp, int cpOff, double[] q, int qOff, double[] f, int fOff);

    /**
     * Analytic Jacobian of {@link #flux}.
     *
     * @param dfdcp output, row-major [n_bound][n_comp] from {@code dcOff}: df_s / dc_p,i
     * @param dfdq  output, row-major [n_bound][n_bound] from {@code dqOff}: df_s / dq_r
     */
    void jacobian(double[] cp, int cpOff, double[] q, int qOff, double[] dfdcp, int dcOff, double[] dfdq,
                  int dqOff);
}
