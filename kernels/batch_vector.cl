// Sorb column kernels: vector operations of the batched ESDIRK stepper.
// N = NZ * CS unknowns per design; element l of design b at [l * nd + b]; b = LANES * get_global_id(0).
// Outputs the host reads (out, yi, dst, normSq) are written for active designs only.

/**
 * Inverse Newton weights wt = 1 / (abstol + reltol |yn|) in the lanes of mask m, over elements l = first,
 * first + stride, ... < N. They are fixed for a step attempt (yn is the step's start state), so every Newton
 * iteration's norm multiplies by them instead of dividing, as EsdirkStepper does. Shared by newton_weights and the
 * step-attempt kernels.
 */
void newton_weights_part(int first, int stride, __global const double* yn, real abstol, real reltol,
                         __global double* wt, lmask m, int nd, int b) {
    for (int l = first; l < N; l += stride) {
        SM(wt, AT(l), 1.0 / (abstol + reltol * fabs(G(yn, AT(l)))), m);
    }
}

/**
 * Newton update yi += delta in the lanes of mask m, over elements l = first, first + stride, ... < N; returns the
 * partial squared weighted norm of delta, sum (delta_l wt_l)^2 with newton_weights_part's wt. Used by the
 * Newton-iteration and step-attempt kernels (column_attempt.clh).
 */
real newton_update_part(int first, int stride, __global double* yi, __global const double* delta,
                        __global const double* wt, lmask m, int nd, int b) {
    real s = 0.0;
    for (int l = first; l < N; l += stride) {
        real d = G(delta, AT(l));
        SM(yi, AT(l), G(yi, AT(l)) + d, m);
        real e = d * G(wt, AT(l));
        s += e * e;
    }
    return s;
}

/**
 * Partial squared weighted norm of err over elements l = first, first + stride, ... < N, weights
 * 1 / (abstol + reltol max(|yn|, |ynew|)). Used by the step-attempt kernels.
 */
real error_norm_part(int first, int stride, __global const double* err, __global const double* yn,
                     __global const double* ynew, real abstol, real reltol, int nd, int b) {
    real s = 0.0;
    for (int l = first; l < N; l += stride) {
        real e = G(err, AT(l)) / (abstol + reltol * fmax(fabs(G(yn, AT(l))), fabs(G(ynew, AT(l)))));
        s += e * e;
    }
    return s;
}

/** Inverse Newton weights wt = 1 / (abstol + reltol |yn|) of active designs (TOL); global size (nd / LANES). */
__kernel void newton_weights(__global const double* yn, __global const double* tol, __global const int* active,
                             __global double* wt, int nd) {
    int b = LANES * get_global_id(0);
    if (b >= nd) {
        return;
    }
    TILE(yn, N); TILE(tol, LEN_TOL); TILE(active, LEN_ACTIVE); TILE(wt, N);
    TILE_END();
    lmask act = ACTIVE_LANES(active);
    if (!ANY(act)) {
        return;
    }
    newton_weights_part(0, 1, yn, G(tol, TOL_ABS * nd + b), G(tol, TOL_REL * nd + b), wt, act, nd, b);
}

/**
 * dst = src for active designs. Global size (nd / LANES, E): element work-items l = get_global_id(1), l + E, ...
 * (E = N on a GPU, 1 on a CPU, where each work-item is a work-group).
 */
__kernel void copy_active(__global const double* src, __global const int* active, __global double* dst, int nd) {
    int b = LANES * get_global_id(0);
    if (b >= nd) {
        return;
    }
    TILE(src, N); TILE(active, LEN_ACTIVE); TILE(dst, N);
    TILE_END();
    lmask act = ACTIVE_LANES(active);
    if (!ANY(act)) {
        return;
    }
    for (int l = get_global_id(1); l < N; l += get_global_size(1)) {
        SM(dst, AT(l), G(src, AT(l)), act);
    }
}

/**
 * Outlet concentrations (last cell's bulk) of the four stage states y, s1, s2, s3 of every design:
 * out[(j * NC + i) * nd + b] for stage j; global size (nd / LANES).
 */
__kernel void gather_stage_outlets(__global const double* y, __global const double* s1, __global const double* s2,
                                   __global const double* s3, __global double* out, int nd) {
    int b = LANES * get_global_id(0);
    if (b >= nd) {
        return;
    }
    TILE(y, N); TILE(s1, N); TILE(s2, N); TILE(s3, N); TILE(out, LEN_OUTLET);
    TILE_END();
    for (int i = 0; i < NC; i++) {
        S(out, i * nd + b, G(y, AT(BULK(NZ - 1, i))));
        S(out, (NC + i) * nd + b, G(s1, AT(BULK(NZ - 1, i))));
        S(out, (2 * NC + i) * nd + b, G(s2, AT(BULK(NZ - 1, i))));
        S(out, (3 * NC + i) * nd + b, G(s3, AT(BULK(NZ - 1, i))));
    }
}
