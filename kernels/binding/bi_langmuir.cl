// Bi-Langmuir binding (BiLangmuirBinding.java): two independent competitive Langmuir site types k = 0, 1, bound
// state s = k NC + i for component i = component_of(s):
// f_s = ka_s c_p,i qmax_s (1 - sum_j q_(k NC + j) / qmax_(k NC + j)) - kd_s q_s.
// Parameters: P_KA, P_KD, P_QMAX, P_INV_QMAX (NB = 2 NC each).

/** 1 - sum_j q_j / qmax_j over the bound states of the site type starting at state site. */
real bi_langmuir_free_sites(__global const double* y, int qOff, __global const double* par, int nd, int b,
                            int site) {
    real freeSites = 1.0;
    for (int j = 0; j < NC; j++) {
        freeSites -= BIND_Q(site + j) * PAR(P_INV_QMAX + site + j);
    }
    return freeSites;
}

/** Adsorption flux f_s for every bound state. */
void binding_flux(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                  real* f) {
    for (int site = 0; site < NB; site += NC) {
        real freeSites = bi_langmuir_free_sites(y, qOff, par, nd, b, site);
        for (int s = site; s < site + NC; s++) {
            f[s] = PAR(P_KA + s) * BIND_C(component_of(s)) * PAR(P_QMAX + s) * freeSites
                 - PAR(P_KD + s) * BIND_Q(s);
        }
    }
}

/**
 * Jacobian of binding_flux: df_s/dc_p,i = ka_s qmax_s (free fraction of its site type),
 * df_s/dq_r = -ka_s c_p,i qmax_s / qmax_r for r of the same site type, - kd_s for r = s.
 */
void binding_jacobian(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                      real* dfdcp, real* dfdq) {
    binding_jacobian_clear(dfdcp, dfdq);
    for (int site = 0; site < NB; site += NC) {
        real freeSites = bi_langmuir_free_sites(y, qOff, par, nd, b, site);
        for (int s = site; s < site + NC; s++) {
            int i = component_of(s);
            real kaCq = PAR(P_KA + s) * BIND_C(i) * PAR(P_QMAX + s);
            dfdcp[s * NC + i] = PAR(P_KA + s) * PAR(P_QMAX + s) * freeSites;
            for (int j = 0; j < NC; j++) {
                dfdq[s * NB + site + j] = -kaCq * PAR(P_INV_QMAX + site + j);
            }
            dfdq[s * NB + s] -= PAR(P_KD + s);
        }
    }
}
