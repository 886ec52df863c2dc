// Sorb column kernels: one work-group per design (for GPUs; twin: ColumnKernels.java). The WG work-items of a
// group share the cells of one design's column (cell j on work-item j mod WG) for everything that is local to a
// cell (assembly and elimination, right-hand sides, the forward and back block solves, stage derivatives, vector
// updates), meet at barriers between phases, and leave the short banded factorization and solve along the column
// to work-item 0. Every decision (Newton convergence, failure) is taken by all work-items alike from a norm
// reduced in local memory, so control flow stays uniform across the group. Same results as factor_design and
// attempt_design up to the order of the norm sums. Global size (nd * WG), local size (WG); needs LANES == 1.
#if LANES == 1

#ifndef WG
#define WG 64
#endif

/** Sum of v over the work-group (WG a power of two); every work-item gets the sum. */
double group_sum(double v, __local double* scratch) {
    int t = get_local_id(0);
    scratch[t] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int width = WG / 2; width > 0; width >>= 1) {
        if (t < width) {
            scratch[t] += scratch[t + width];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    double s = scratch[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return s;
}

/** Kernel factor_design with the cells spread over the work-group and the band factorization on work-item 0. */
__kernel void factor_design_group(__global const double* y, __global const double* par, __global const double* hg,
                                  __global const int* active, __global double* blocks, __global int* piv,
                                  __global double* lower, __global double* upper, __global double* bmat,
                                  __global double* cmat, __global double* band, __global int* bandPiv,
                                  __global int* ok, int nd) {
    int b = get_group_id(0);
    int t = get_local_id(0);
    if (b >= nd || active[b] == 0) {
        return;
    }
    for (int j = t; j < NZ; j += WG) {
        assemble_eliminate_at(b, j, y, par, hg, active, blocks, piv, lower, upper, bmat, cmat, band, ok, nd);
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
    if (t == 0) {
        band_factor_at(b, band, bandPiv, active, ok, nd);
    }
}

/** x = N^-1 x for one design, by the whole work-group. */
void solve_design_group(int b, int t, __global const double* blocks, __global const int* piv,
                        __global const double* lower, __global const double* upper, __global const double* bmat,
                        __global const double* cmat, __global const double* band, __global const int* bandPiv,
                        __global const int* active, __global double* x, __global double* bulkRhs, int nd) {
    for (int j = t; j < NZ; j += WG) {
        solve_forward_at(b, j, blocks, piv, upper, bmat, active, x, bulkRhs, nd);
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
    if (t == 0) {
        band_solve_at(b, band, bandPiv, active, bulkRhs, nd);
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
    for (int j = t; j < NZ; j += WG) {
        solve_back_at(b, j, blocks, piv, lower, cmat, active, bulkRhs, x, nd);
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
}

/** Kernel attempt_design by one work-group per design: the same stages, Newton test and error estimate. */
__kernel void attempt_design_group(__global const double* y, __global const double* prev, __global double* f0,
                                   __global double* s1, __global double* s2, __global double* s3, __global double* g1,
                                   __global double* g2, __global double* g3, __global double* sum,
                                   __global double* rhs, __global double* err, __global double* bulkRhs,
                                   __global double* cin, __global const double* par, __global const double* tol,
                                   __global const double* hg, __constant double* tab, __global const double* step,
                                   __global double* eta, __global double* result, __global const double* blocks,
                                   __global const int* piv, __global const double* lower,
                                   __global const double* upper, __global const double* bmat,
                                   __global const double* cmat, __global const double* band,
                                   __global const int* bandPiv, __global const int* active, int nd) {
    __local double scratch[WG];
    int b = get_group_id(0);
    int t = get_local_id(0);
    if (b >= nd || active[b] == 0) {
        return;
    }
    double tStart = step[b];
    double h = step[nd + b];
    double e = eta[b];
    double iterations = 0.0;
    lmask failed = 0;
    double abstol = tol[b];
    double reltol = tol[nd + b];
    for (int i = 1; i < 4 && !failed; i++) {
        __global double* ys = i == 1 ? s1 : i == 2 ? s2 : s3;
        __global const double* from = i == 1 ? prev : i == 2 ? s1 : s2;
        double ratio = i == 1 ? step[2 * nd + b] : TAB_C(i) / TAB_C(i - 1);
        stage_start(t, WG, i, h, ratio, tab, y, from, f0, g1, g2, sum, ys, nd, b);
        if (t == 0) {
            stage_inlet(i, tStart, h, tab, step, cin, nd, b);
        }
        barrier(CLK_GLOBAL_MEM_FENCE);
        double etaHere = pow(fmax(e, 1e-16), 0.8);
        double previous = 0.0;
        lmask converged = 0;
        for (int k = 0; k < NEWTON_MAX_ITERATIONS; k++) {
            lmask iterating = !converged & !failed;
            if (!iterating) {
                break;
            }
            iterations += 1.0;
            for (int j = t; j < NZ; j += WG) {
                stage_rhs_at(b, j, ys, y, sum, hg, cin, par, active, rhs, nd);
            }
            barrier(CLK_GLOBAL_MEM_FENCE);
            solve_design_group(b, t, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, rhs, bulkRhs, nd);
            double part = newton_update_part(t, WG, ys, rhs, y, abstol, reltol, iterating, nd, b);
            barrier(CLK_GLOBAL_MEM_FENCE);
            double norm = sqrt(group_sum(part, scratch) / N);
            newton_test(k, norm, iterating, TAB_NEWTON_TOL, &e, &etaHere, &previous, &failed, &converged);
        }
        if (!converged && !failed) {
            e = 1.0;
            failed = 1;
        }
        if (!failed) {
            __global double* fi = i == 1 ? g1 : i == 2 ? g2 : g3;
            for (int j = t; j < NZ; j += WG) {
                stage_derivative_at(b, j, ys, y, sum, hg, par, active, fi, nd);
            }
            barrier(CLK_GLOBAL_MEM_FENCE);
        }
    }
    double errSq = 0.0;
    if (!failed) {
        error_combine(t, WG, h, tab, f0, g1, g2, g3, err, nd, b);
        barrier(CLK_GLOBAL_MEM_FENCE);
        solve_design_group(b, t, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, err, bulkRhs, nd);
        errSq = group_sum(error_norm_part(t, WG, err, y, s3, abstol, reltol, nd, b), scratch);
    }
    if (t == 0) {
        eta[b] = e;
        result[b] = failed ? 1.0 : 0.0;
        result[nd + b] = iterations;
        result[2 * nd + b] = errSq;
    }
}

#endif
