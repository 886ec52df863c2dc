// Steric mass action in CADET's form (StericMassActionBinding.java): component 0 is the salt, whose bound state 0
// is the free ionic capacity (always algebraic); protein state s = 1 .. NB - 1 binds component i = component_of(s)
// with protein parameters p = s - 1:
// f_0 = Lambda - sum_j nu_j q_j - q_0,
// f_s = ka_p c_p,i (qbar_0 / q_ref)^nu_p - kd_p q_s (c_p,0 / c_ref)^nu_p,
// qbar_0 = Lambda - sum_j (nu_j + sigma_j) q_j (sites neither bound nor sterically shielded).
// Parameters: P_LAMBDA, P_INV_LAMBDA (1), P_KA, P_KD, P_NU, P_SIGMA (NB - 1 each), P_C_REF, P_INV_C_REF, P_Q_REF,
// P_INV_Q_REF (1 each). pow as Java's Math.pow: a negative qbar_0 (a Newton iterate can leave the physical range)
// gives NaN for a non-integer nu, which the step's error test rejects on both paths alike; x^0 = 1 for every x.

/** Adsorption flux f_s for every bound state. */
void binding_flux(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                  real* f) {
    real lambda = PAR(P_LAMBDA);
    real freeSites = lambda;
    real bound = 0.0;
    for (int s = 1; s < NB; s++) {
        real qs = BIND_Q(s);
        freeSites -= (PAR(P_NU + s - 1) + PAR(P_SIGMA + s - 1)) * qs;
        bound += PAR(P_NU + s - 1) * qs;
    }
    f[0] = lambda - bound - BIND_Q(0);
    real qb = freeSites * PAR(P_INV_Q_REF);
    real c0 = BIND_C(0) * PAR(P_INV_C_REF);
    for (int s = 1; s < NB; s++) {
        real nu = PAR(P_NU + s - 1);
        f[s] = PAR(P_KA + s - 1) * BIND_C(component_of(s)) * pow(qb, nu)
             - PAR(P_KD + s - 1) * BIND_Q(s) * pow(c0, nu);
    }
}

/**
 * Jacobian of binding_flux: df_0/dq_0 = -1, df_0/dq_j = -nu_j; for a protein state s (p = s - 1):
 * df_s/dc_p,0 = -kd_p q_s nu_p (c_p,0 / c_ref)^(nu_p - 1) / c_ref, df_s/dc_p,i = ka_p (qbar_0 / q_ref)^nu_p,
 * df_s/dq_j = -ka_p c_p,i nu_p (qbar_0 / q_ref)^(nu_p - 1) (nu_j + sigma_j) / q_ref
 *            - kd_p (c_p,0 / c_ref)^nu_p [j = s];
 * both nu_p (..)^(nu_p - 1) terms are 0 for nu_p = 0, also where the base is 0.
 */
void binding_jacobian(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                      real* dfdcp, real* dfdq) {
    binding_jacobian_clear(dfdcp, dfdq);
    real freeSites = PAR(P_LAMBDA);
    for (int s = 1; s < NB; s++) {
        freeSites -= (PAR(P_NU + s - 1) + PAR(P_SIGMA + s - 1)) * BIND_Q(s);
    }
    real qb = freeSites * PAR(P_INV_Q_REF);
    real c0 = BIND_C(0) * PAR(P_INV_C_REF);
    dfdq[0] = -1.0;
    for (int s = 1; s < NB; s++) {
        dfdq[s] = -PAR(P_NU + s - 1);
    }
    for (int s = 1; s < NB; s++) {
        int i = component_of(s);
        real nu = PAR(P_NU + s - 1);
        real c = BIND_C(i);
        lmask noCharge = nu == 0.0;
        real dqb = SEL(PAR(P_KA + s - 1) * c * nu * pow(qb, nu - 1.0) * PAR(P_INV_Q_REF), 0.0, noCharge);
        dfdcp[s * NC] = SEL(-PAR(P_KD + s - 1) * BIND_Q(s) * nu * pow(c0, nu - 1.0) * PAR(P_INV_C_REF), 0.0,
                            noCharge);
        dfdcp[s * NC + i] = PAR(P_KA + s - 1) * pow(qb, nu);
        for (int r = 1; r < NB; r++) {
            dfdq[s * NB + r] = -dqb * (PAR(P_NU + r - 1) + PAR(P_SIGMA + r - 1));
        }
        dfdq[s * NB + s] -= PAR(P_KD + s - 1) * pow(c0, nu);
    }
}
