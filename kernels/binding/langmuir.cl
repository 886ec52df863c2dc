// Competitive Langmuir binding (LangmuirBinding.java):
// f_s = ka_s c_p,i qmax_s (1 - sum_r q_r / qmax_r) - kd_s q_s, i = component_of(s).
// Parameters: P_KA, P_KD, P_QMAX, P_INV_QMAX (NB each).

/** 1 - sum_r q_r / qmax_r: the free fraction of the sites. */
real langmuir_free_sites(__global const double* y, int qOff, __global const double* par, int nd, int b) {
    real freeSites = 1.0;
    for (int r = 0; r < NB; r++) {
        freeSites -= BIND_Q(r) * PAR(P_INV_QMAX + r);
    }
    return freeSites;
}

/** Adsorption flux f_s for every bound state. */
void binding_flux(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                  real* f) {
    real freeSites = langmuir_free_sites(y, qOff, par, nd, b);
    for (int s = 0; s < NB; s++) {
        f[s] = PAR(P_KA + s) * BIND_C(component_of(s)) * PAR(P_QMAX + s) * freeSites - PAR(P_KD + s) * BIND_Q(s);
    }
}

/**
 * Jacobian of binding_flux: df_s/dc_p,i = ka_s qmax_s (1 - sum_r q_r / qmax_r),
 * df_s/dq_r = -ka_s c_p,i qmax_s / qmax_r - kd_s [r = s].
 */
void binding_jacobian(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                      real* dfdcp, real* dfdq) {
    binding_jacobian_clear(dfdcp, dfdq);
    real freeSites = langmuir_free_sites(y, qOff, par, nd, b);
    for (int s = 0; s < NB; s++) {
        int i = component_of(s);
        real kaCq = PAR(P_KA + s) * BIND_C(i) * PAR(P_QMAX + s);
        dfdcp[s * NC + i] = PAR(P_KA + s) * PAR(P_QMAX + s) * freeSites;
        for (int r = 0; r < NB; r++) {
            dfdq[s * NB + r] = -kaCq * PAR(P_INV_QMAX + r);
        }
        dfdq[s * NB + s] -= PAR(P_KD + s);
    }
}
