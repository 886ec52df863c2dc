// Linear binding (LinearBinding.java): f_s = ka_s c_p,i - kd_s q_s, i = component_of(s).
// Parameters: P_KA, P_KD (NB each).

/** Adsorption flux f_s for every bound state. */
void binding_flux(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                  real* f) {
    for (int s = 0; s < NB; s++) {
        f[s] = PAR(P_KA + s) * BIND_C(component_of(s)) - PAR(P_KD + s) * BIND_Q(s);
    }
}

/** Jacobian of binding_flux: df_s/dc_p,i = ka_s (i = component_of(s)), df_s/dq_s = -kd_s. */
void binding_jacobian(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                      real* dfdcp, real* dfdq) {
    binding_jacobian_clear(dfdcp, dfdq);
    for (int s = 0; s < NB; s++) {
        dfdcp[s * NC + component_of(s)] = PAR(P_KA + s);
        dfdq[s * NB + s] = -PAR(P_KD + s);
    }
}
