// Sorb column kernels: shared definitions. Built together with the other column_*.cl sources, with the sizes
// and parameter offsets as -D constants (see ColumnKernelSource.java):
//   NZ axial cells, NC components, NB bound states, NS particle shells (0: lumped rate), NBLK = max(NS,1),
//   BS local block size, CS unknowns per cell, HAS_PORES, KINETIC, BINDING (1 linear, 2 langmuir,
//   3 bi_langmuir), SCHEME (0 weno3, 1 koren, 2 upwind), P_* parameter offsets, NPAR parameters per design.
// Layout: design index b fastest. State element l of design b at [l * nd + b]; parameter p at [p * nd + b].
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#define WENO_EPSILON 1e-10
#define BAND_KL (2 * NC)
#define BAND_KU (NC)
#define BAND_W (2 * BAND_KL + BAND_KU + 1)
#define NROWS (NZ * NC)

#define BULK(j, i) ((j) * CS + (i))
#define BLOCK(j, k) ((j) * CS + NC + (k) * BS)
#define QIN (HAS_PORES ? NC : 0)

/** Index of state element l of design b. */
#define AT(l) ((l) * nd + b)
/** Parameter p of design b. */
#define PAR(p) (par[(p) * nd + b])

/** Adsorption flux f_s for every bound state from c_p (NC values at cpOff) and q (NB values at qOff). */
void binding_flux(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                  double* f) {
#if BINDING == 1
    for (int i = 0; i < NC; i++) {
        f[i] = PAR(P_KA + i) * y[(cpOff + i) * nd + b] - PAR(P_KD + i) * y[(qOff + i) * nd + b];
    }
#elif BINDING == 2
    double freeSites = 1.0;
    for (int j = 0; j < NC; j++) {
        freeSites -= y[(qOff + j) * nd + b] / PAR(P_QMAX + j);
    }
    for (int i = 0; i < NC; i++) {
        f[i] = PAR(P_KA + i) * y[(cpOff + i) * nd + b] * PAR(P_QMAX + i) * freeSites
             - PAR(P_KD + i) * y[(qOff + i) * nd + b];
    }
#else
    for (int k = 0; k < 2; k++) {
        int site = k * NC;
        double freeSites = 1.0;
        for (int j = 0; j < NC; j++) {
            freeSites -= y[(qOff + site + j) * nd + b] / PAR(P_QMAX + site + j);
        }
        for (int i = 0; i < NC; i++) {
            int s = site + i;
            f[s] = PAR(P_KA + s) * y[(cpOff + i) * nd + b] * PAR(P_QMAX + s) * freeSites
                 - PAR(P_KD + s) * y[(qOff + s) * nd + b];
        }
    }
#endif
}

/** Jacobian of binding_flux: dfdcp[s * NC + i], dfdq[s * NB + r]. */
void binding_jacobian(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
                      double* dfdcp, double* dfdq) {
    for (int s = 0; s < NB * NC; s++) {
        dfdcp[s] = 0.0;
    }
    for (int s = 0; s < NB * NB; s++) {
        dfdq[s] = 0.0;
    }
#if BINDING == 1
    for (int i = 0; i < NC; i++) {
        dfdcp[i * NC + i] = PAR(P_KA + i);
        dfdq[i * NB + i] = -PAR(P_KD + i);
    }
#else
    for (int k = 0; k < NB / NC; k++) {
        int site = k * NC;
        double freeSites = 1.0;
        for (int j = 0; j < NC; j++) {
            freeSites -= y[(qOff + site + j) * nd + b] / PAR(P_QMAX + site + j);
        }
        for (int i = 0; i < NC; i++) {
            int s = site + i;
            double kaCq = PAR(P_KA + s) * y[(cpOff + i) * nd + b] * PAR(P_QMAX + s);
            dfdcp[s * NC + i] = PAR(P_KA + s) * PAR(P_QMAX + s) * freeSites;
            for (int j = 0; j < NC; j++) {
                dfdq[s * NB + site + j] = -kaCq / PAR(P_QMAX + site + j);
            }
            dfdq[s * NB + s] -= PAR(P_KD + s);
        }
    }
#endif
}

/** Bound state s's liquid component. */
int component_of(int s) {
    return s % NC;
}

/** Upwind-biased face value from (cm, c0, cp); see FaceReconstruction.java. */
double face_value(double cm, double c0, double cp) {
#if SCHEME == 0
    double b0 = (c0 - cm) * (c0 - cm);
    double b1 = (cp - c0) * (cp - c0);
    double a0 = (1.0 / 3.0) / ((WENO_EPSILON + b0) * (WENO_EPSILON + b0));
    double a1 = (2.0 / 3.0) / ((WENO_EPSILON + b1) * (WENO_EPSILON + b1));
    double v0 = 1.5 * c0 - 0.5 * cm;
    double v1 = 0.5 * c0 + 0.5 * cp;
    return (a0 * v0 + a1 * v1) / (a0 + a1);
#elif SCHEME == 1
    double d0 = c0 - cm;
    double d1 = cp - c0;
    if (d0 * d1 <= 0.0) {
        return c0;
    }
    double a0 = fabs(d0);
    double a1 = fabs(d1);
    double m = fmin(2.0 * a1, fmin((a0 + 2.0 * a1) / 3.0, 2.0 * a0));
    return c0 + 0.5 * copysign(m, d0);
#else
    return c0;
#endif
}

/** Derivatives of face_value with respect to (cm, c0, cp) into d[0..2]. */
void face_derivative(double cm, double c0, double cp, double* d) {
#if SCHEME == 0
    double e0 = c0 - cm;
    double e1 = cp - c0;
    double s0 = WENO_EPSILON + e0 * e0;
    double s1 = WENO_EPSILON + e1 * e1;
    double a0 = (1.0 / 3.0) / (s0 * s0);
    double a1 = (2.0 / 3.0) / (s1 * s1);
    double sum = a0 + a1;
    double w0 = a0 / sum;
    double w1 = a1 / sum;
    double v0 = 1.5 * c0 - 0.5 * cm;
    double v1 = 0.5 * c0 + 0.5 * cp;
    double da0de0 = -4.0 * a0 * e0 / s0;
    double da1de1 = -4.0 * a1 * e1 / s1;
    double dw0de0 = a1 * da0de0 / (sum * sum);
    double dw0de1 = -a0 * da1de1 / (sum * sum);
    double dv = v0 - v1;
    d[0] = -0.5 * w0 + dv * (-dw0de0);
    d[1] = 1.5 * w0 + 0.5 * w1 + dv * (dw0de0 - dw0de1);
    d[2] = 0.5 * w1 + dv * dw0de1;
#elif SCHEME == 1
    double d0 = c0 - cm;
    double d1 = cp - c0;
    d[0] = 0.0;
    d[1] = 1.0;
    d[2] = 0.0;
    if (d0 * d1 <= 0.0) {
        return;
    }
    double a0 = fabs(d0);
    double a1 = fabs(d1);
    double lim1 = 2.0 * a1;
    double lim2 = (a0 + 2.0 * a1) / 3.0;
    double lim3 = 2.0 * a0;
    double p0;
    double p1;
    if (lim1 <= lim2 && lim1 <= lim3) {
        p0 = 0.0;
        p1 = 2.0;
    } else if (lim2 <= lim3) {
        p0 = 1.0 / 3.0;
        p1 = 2.0 / 3.0;
    } else {
        p0 = 2.0;
        p1 = 0.0;
    }
    d[0] = -0.5 * p0;
    d[1] = 1.0 + 0.5 * (p0 - p1);
    d[2] = 0.5 * p1;
#else
    d[0] = 0.0;
    d[1] = 1.0;
    d[2] = 0.0;
#endif
}

/** In-place LU with partial pivoting of an n x n matrix at a[(off + r * n + c) * nd + b]; false if singular. */
bool dense_factor(__global double* a, int off, int n, __global int* piv, int pivOff, int nd, int b) {
    for (int k = 0; k < n; k++) {
        int p = k;
        double max = fabs(a[(off + k * n + k) * nd + b]);
        for (int r = k + 1; r < n; r++) {
            double v = fabs(a[(off + r * n + k) * nd + b]);
            if (v > max) {
                max = v;
                p = r;
            }
        }
        piv[(pivOff + k) * nd + b] = p;
        if (max == 0.0) {
            return false;
        }
        if (p != k) {
            for (int c = 0; c < n; c++) {
                double t = a[(off + k * n + c) * nd + b];
                a[(off + k * n + c) * nd + b] = a[(off + p * n + c) * nd + b];
                a[(off + p * n + c) * nd + b] = t;
            }
        }
        double inv = 1.0 / a[(off + k * n + k) * nd + b];
        for (int r = k + 1; r < n; r++) {
            double l = a[(off + r * n + k) * nd + b] * inv;
            a[(off + r * n + k) * nd + b] = l;
            if (l != 0.0) {
                for (int c = k + 1; c < n; c++) {
                    a[(off + r * n + c) * nd + b] -= l * a[(off + k * n + c) * nd + b];
                }
            }
        }
    }
    return true;
}

/** Solves with dense_factor's factors; x is a private vector of n values. */
void dense_solve(__global const double* a, int off, int n, __global const int* piv, int pivOff, int nd, int b,
                 double* x) {
    for (int k = 0; k < n; k++) {
        int p = piv[(pivOff + k) * nd + b];
        if (p != k) {
            double t = x[k];
            x[k] = x[p];
            x[p] = t;
        }
    }
    for (int r = 1; r < n; r++) {
        double s = x[r];
        for (int c = 0; c < r; c++) {
            s -= a[(off + r * n + c) * nd + b] * x[c];
        }
        x[r] = s;
    }
    for (int r = n - 1; r >= 0; r--) {
        double s = x[r];
        for (int c = r + 1; c < n; c++) {
            s -= a[(off + r * n + c) * nd + b] * x[c];
        }
        x[r] = s / a[(off + r * n + r) * nd + b];
    }
}
