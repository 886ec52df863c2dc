// pH-dependent Langmuir binding, the affinity complex titration form (PhLangmuirBinding.java): component 0 is the
// pH (no bound state), bound state s holds component i = component_of(s):
// f_s = ka_s qmax_s (fA_s(pH) - sum_r q_r / qmax_r) fG_s(pH) c_p,i - kd_s q_s,
// fA_s = 1 / (1 + 10^(etaA_s (pKaA_s - pH))), fG_s likewise with etaG_s, pKaG_s (0 where the exponent exceeds 300).
// Parameters: P_KA, P_KD, P_QMAX, P_INV_QMAX, P_ETA_A, P_PKA_A, P_ETA_G, P_PKA_G (NB = NC - 1 each).

#define PH_LN10 2.302585092994046
#define PH_MAX_EXPONENT 300.0

/** Hill-type factor 1 / (1 + 10^(eta (pKa - pH))) in [0, 1]; 0 where the exponent exceeds 300, as in Java. */
real ph_hill(real eta, real pka, real ph) {
    real e = eta * (pka - ph);
    return SEL(1.0 / (1.0 + pow((real) 10.0, e)), 0.0, e > PH_MAX_EXPONENT);
}

/** sum_r q_r / qmax_r: the occupied fraction of the capacity. */
real ph_load(__global const double* y, int qOff, __global const double* par, int nd, int b) {
    real load = 0.0;
    for (int r = 0; r < NB; r++) {
        load += BIND_Q(r) * PAR(P_INV_QMAX + r);
    }
    return load;
}

/** Adsorption flux f_s for every bound state. */
void binding_flux(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                  real* f) {
    real ph = BIND_C(0);
    real load = ph_load(y, qOff, par, nd, b);
    for (int s = 0; s < NB; s++) {
        real fa = ph_hill(PAR(P_ETA_A + s), PAR(P_PKA_A + s), ph);
        real fg = ph_hill(PAR(P_ETA_G + s), PAR(P_PKA_G + s), ph);
        f[s] = PAR(P_KA + s) * PAR(P_QMAX + s) * (fa - load) * fg * BIND_C(component_of(s))
             - PAR(P_KD + s) * BIND_Q(s);
    }
}

/**
 * Jacobian of binding_flux, with dfX/dpH = eta ln10 fX (1 - fX):
 * df_s/dpH = ka_s qmax_s c_p,i (dfA fG + (fA - load) dfG), df_s/dc_p,i = ka_s qmax_s (fA - load) fG,
 * df_s/dq_r = -ka_s qmax_s fG c_p,i / qmax_r - kd_s [r = s].
 */
void binding_jacobian(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                      real* dfdcp, real* dfdq) {
    binding_jacobian_clear(dfdcp, dfdq);
    real ph = BIND_C(0);
    real load = ph_load(y, qOff, par, nd, b);
    for (int s = 0; s < NB; s++) {
        int i = component_of(s);
        real fa = ph_hill(PAR(P_ETA_A + s), PAR(P_PKA_A + s), ph);
        real fg = ph_hill(PAR(P_ETA_G + s), PAR(P_PKA_G + s), ph);
        real dfa = PAR(P_ETA_A + s) * PH_LN10 * fa * (1.0 - fa);
        real dfg = PAR(P_ETA_G + s) * PH_LN10 * fg * (1.0 - fg);
        real c = BIND_C(i);
        real kq = PAR(P_KA + s) * PAR(P_QMAX + s);
        dfdcp[s * NC] = kq * c * (dfa * fg + (fa - load) * dfg);
        dfdcp[s * NC + i] = kq * (fa - load) * fg;
        for (int r = 0; r < NB; r++) {
            dfdq[s * NB + r] = -kq * fg * c * PAR(P_INV_QMAX + r);
        }
        dfdq[s * NB + s] -= PAR(P_KD + s);
    }
}
