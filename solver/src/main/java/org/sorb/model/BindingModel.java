package org.sorb.model;

/**
 * Adsorption kinetics of bound states q_s against pore-liquid concentrations c_p,i, evaluated cell by cell.
 *
 * <p>Kinetic binding: dq_s/dt = f_s(c_p, q). Rapid equilibrium: 0 = f_s(c_p, q) (algebraic).
 * q is per volume of solid skeleton, as in CADET. Implementations fix their sizes at construction and
 * never allocate in {@link #flux} or {@link #jacobian}. Each implementation declares its parameters once
 * ({@link #declaration()}, registered in {@link BindingModels}).
 */
public sealed interface BindingModel permits LinearBinding, LangmuirBinding, BiLangmuirBinding,
        PhLangmuirBinding, StericMassActionBinding {

    /** Number of liquid components n_comp. */
    int components();

    /** Number of bound states n_bound (n_comp, 2 n_comp for bi-Langmuir, n_comp - 1 for pH-dependent Langmuir). */
    int boundStates();

    /** The liquid component that bound state s belongs to. */
    int componentOf(int s);

    /** True for dq/dt = f, false for rapid equilibrium 0 = f (the case-file flag). */
    boolean kinetic();

    /**
     * True when bound state s is kinetic (dq_s/dt = f_s), false when it is algebraic (0 = f_s). Equal to
     * {@link #kinetic()} for every state unless the model has states that are algebraic by definition (the salt
     * of steric mass action: q_0 = Lambda - sum_j nu_j q_j).
     */
    default boolean kinetic(int s) {
        return kinetic();
    }

    /** The model's declaration: key, parameters, modulator, factory. */
    BindingDeclaration declaration();

    /** The values of declared parameter {@code key} (a copy; scalars as one value). */
    double[] values(String key);

    /** The case-file name of the model. */
    default String key() {
        return declaration().key();
    }

    /**
     * True when (c_p, q) lies where the flux is defined and physical, e.g. the free sites qbar_0 &gt; 0 of steric
     * mass action, whose powers qbar_0^nu are NaN (or wrong in sign) below 0; everywhere by default. Newton
     * iterations ({@code BindingEquilibrium}) shorten their steps to stay inside.
     */
    default boolean admissible(double[] cp, int cpOff, double[] q, int qOff) {
        return true;
    }

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
