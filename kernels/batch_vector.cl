// Sorb column kernels: vector operations of the batched ESDIRK stepper (twin: ColumnKernels.java).
// N = NZ * CS unknowns per design; element l of design b at [l * nd + b].
#define N (NZ * CS)

/** out = sum_j coef[j] F_j over four stage derivatives, for active designs; global size (nd, N). */
__kernel void combine(__global const double* f0, __global const double* f1, __global const double* f2,
                      __global const double* f3, __global const double* coef, __global const int* active,
                      __global double* out, int nd) {
    int b = get_global_id(0);
    int l = get_global_id(1);
    if (l >= N || b >= nd || active[b] == 0) {
        return;
    }
    out[AT(l)] = coef[b] * f0[AT(l)] + coef[nd + b] * f1[AT(l)] + coef[2 * nd + b] * f2[AT(l)]
               + coef[3 * nd + b] * f3[AT(l)];
}

/** Stage predictor yi = yn + ratio (from - yn) for active designs; global size (nd, N). */
__kernel void predict(__global const double* yn, __global const double* from, __global const double* ratio,
                      __global const int* active, __global double* yi, int nd) {
    int b = get_global_id(0);
    int l = get_global_id(1);
    if (l >= N || b >= nd || active[b] == 0) {
        return;
    }
    yi[AT(l)] = yn[AT(l)] + ratio[b] * (from[AT(l)] - yn[AT(l)]);
}

/**
 * Newton update yi += delta and the squared weighted norm of delta, weights 1 / (tol[b] + tol[nd + b] |yn|)
 * (absolute, relative tolerance); global size (nd).
 */
void newton_update_at(int b, __global double* yi, __global const double* delta, __global const double* yn,
                            __global const double* tol, __global const int* active, __global double* normSq,
                            int nd) {
    if (b >= nd || active[b] == 0) {
        return;
    }
    double abstol = tol[b];
    double reltol = tol[nd + b];
    double s = 0.0;
    for (int l = 0; l < N; l++) {
        double d = delta[AT(l)];
        yi[AT(l)] += d;
        double e = d / (abstol + reltol * fabs(yn[AT(l)]));
        s += e * e;
    }
    normSq[b] = s;
}

__kernel void newton_update(__global double* yi, __global const double* delta, __global const double* yn,
                            __global const double* tol, __global const int* active, __global double* normSq,
                            int nd) {
    int b = get_global_id(0);
    newton_update_at(b, yi, delta, yn, tol, active, normSq, nd);
}

/** Squared weighted norm of err with weights 1 / (abs + rel max(|yn|, |ynew|)); global size (nd). */
__kernel void error_norm(__global const double* err, __global const double* yn, __global const double* ynew,
                         __global const double* tol, __global const int* active, __global double* normSq, int nd) {
    int b = get_global_id(0);
    if (b >= nd || active[b] == 0) {
        return;
    }
    double abstol = tol[b];
    double reltol = tol[nd + b];
    double s = 0.0;
    for (int l = 0; l < N; l++) {
        double e = err[AT(l)] / (abstol + reltol * fmax(fabs(yn[AT(l)]), fabs(ynew[AT(l)])));
        s += e * e;
    }
    normSq[b] = s;
}

/** dst = src for active designs; global size (nd, N). */
__kernel void copy_active(__global const double* src, __global const int* active, __global double* dst, int nd) {
    int b = get_global_id(0);
    int l = get_global_id(1);
    if (l >= N || b >= nd || active[b] == 0) {
        return;
    }
    dst[AT(l)] = src[AT(l)];
}

/** Outlet concentrations (last cell's bulk) of every design: out[i * nd + b]; global size (nd). */
__kernel void gather_outlet(__global const double* y, __global double* out, int nd) {
    int b = get_global_id(0);
    if (b >= nd) {
        return;
    }
    for (int i = 0; i < NC; i++) {
        out[i * nd + b] = y[AT(BULK(NZ - 1, i))];
    }
}
