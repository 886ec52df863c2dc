// Sorb column kernels: fused per-design phases (twin: ColumnKernels.java). One work-item per design walks all
// cells of its column, so a Newton iteration is one launch; neighbouring work-items are neighbouring designs and
// read neighbouring addresses. Global size (nd).

/** Kernels assemble_eliminate over every cell, then band_factor. */
__kernel void factor_design(__global const double* y, __global const double* par, __global const double* hg,
                            __global const int* active, __global double* blocks, __global int* piv,
                            __global double* lower, __global double* upper, __global double* bmat,
                            __global double* cmat, __global double* band, __global int* bandPiv, __global int* ok,
                            int nd) {
    int b = get_global_id(0);
    if (b >= nd || active[b] == 0) {
        return;
    }
    for (int j = 0; j < NZ; j++) {
        assemble_eliminate_at(b, j, y, par, hg, active, blocks, piv, lower, upper, bmat, cmat, band, ok, nd);
    }
    band_factor_at(b, band, bandPiv, active, ok, nd);
}

/** solve_forward over every cell, band_solve, solve_back over every cell: x = N^-1 x. */
void solve_design_at(int b, __global const double* blocks, __global const int* piv, __global const double* lower,
                     __global const double* upper, __global const double* bmat, __global const double* cmat,
                     __global const double* band, __global const int* bandPiv, __global const int* active,
                     __global double* x, __global double* bulkRhs, int nd) {
    for (int j = 0; j < NZ; j++) {
        solve_forward_at(b, j, blocks, piv, upper, bmat, active, x, bulkRhs, nd);
    }
    band_solve_at(b, band, bandPiv, active, bulkRhs, nd);
    for (int j = 0; j < NZ; j++) {
        solve_back_at(b, j, blocks, piv, lower, cmat, active, bulkRhs, x, nd);
    }
}

/** The whole direct solve of one design in place. */
__kernel void solve_design(__global const double* blocks, __global const int* piv, __global const double* lower,
                           __global const double* upper, __global const double* bmat, __global const double* cmat,
                           __global const double* band, __global const int* bandPiv, __global const int* active,
                           __global double* x, __global double* bulkRhs, int nd) {
    int b = get_global_id(0);
    if (b >= nd || active[b] == 0) {
        return;
    }
    solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, x, bulkRhs, nd);
}

/** One simplified Newton iteration of a stage: stage_rhs, the direct solve, newton_update. */
__kernel void newton_iteration(__global double* ys, __global const double* yn, __global const double* sum,
                               __global const double* hg, __global const double* cin, __global const double* par,
                               __global const double* tol, __global const int* active, __global const double* blocks,
                               __global const int* piv, __global const double* lower, __global const double* upper,
                               __global const double* bmat, __global const double* cmat, __global const double* band,
                               __global const int* bandPiv, __global double* rhs, __global double* bulkRhs,
                               __global double* normSq, int nd) {
    int b = get_global_id(0);
    if (b >= nd || active[b] == 0) {
        return;
    }
    for (int j = 0; j < NZ; j++) {
        stage_rhs_at(b, j, ys, yn, sum, hg, cin, par, active, rhs, nd);
    }
    solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, rhs, bulkRhs, nd);
    newton_update_at(b, ys, rhs, yn, tol, active, normSq, nd);
}

// Tableau buffer layout (written once by the host from Esdirk32): a_ij (16), b (4), b_hat (4), c (4), Newton tolerance.
#define TAB_A(i, j) tab[(i) * 4 + (j)]
#define TAB_B(j) tab[16 + (j)]
#define TAB_BHAT(j) tab[20 + (j)]
#define TAB_C(j) tab[24 + (j)]
#define TAB_NEWTON_TOL tab[28]
#define NEWTON_MAX_ITERATIONS 8
// Per-design step description: t, h, stage-1 predictor ratio, inlet start, inlet value (NC), inlet slope (NC).
#define STEP(q) step[(q) * nd + b]

/**
 * One whole ESDIRK step attempt of a design on the factored matrix: for stages 1..3 the stage sum, the predictor,
 * the simplified Newton iteration (stop when eta ||delta|| <= tolerance, eta carried in and out), the stage
 * derivative; then the filtered error estimate. result = (failed, Newton iterations, squared error norm).
 * The same algorithm as EsdirkStepper.attempt, on the device, so a step costs a handful of commands.
 */
__kernel void attempt_design(__global const double* y, __global const double* prev, __global double* f0,
                             __global double* s1, __global double* s2, __global double* s3, __global double* g1,
                             __global double* g2, __global double* g3, __global double* sum, __global double* rhs,
                             __global double* err, __global double* bulkRhs, __global double* cin,
                             __global const double* par, __global const double* tol, __global const double* hg,
                             __constant double* tab, __global const double* step, __global double* eta,
                             __global double* result, __global const double* blocks, __global const int* piv,
                             __global const double* lower, __global const double* upper, __global const double* bmat,
                             __global const double* cmat, __global const double* band, __global const int* bandPiv,
                             __global const int* active, int nd) {
    int b = get_global_id(0);
    if (b >= nd || active[b] == 0) {
        return;
    }
    double t = STEP(0);
    double h = STEP(1);
    double e = eta[b];
    double iterations = 0.0;
    int failed = 0;
    double abstol = tol[b];
    double reltol = tol[nd + b];
    for (int i = 1; i < 4 && !failed; i++) {
        __global double* ys = i == 1 ? s1 : i == 2 ? s2 : s3;
        __global const double* from = i == 1 ? prev : i == 2 ? s1 : s2;
        double ratio = i == 1 ? STEP(2) : TAB_C(i) / TAB_C(i - 1);
        double a0 = h * TAB_A(i, 0);
        double a1 = h * TAB_A(i, 1);
        double a2 = h * TAB_A(i, 2);
        for (int l = 0; l < N; l++) {
            double s = a0 * f0[AT(l)];
            if (i > 1) {
                s += a1 * g1[AT(l)];
            }
            if (i > 2) {
                s += a2 * g2[AT(l)];
            }
            sum[AT(l)] = s;
            ys[AT(l)] = y[AT(l)] + ratio * (from[AT(l)] - y[AT(l)]);
        }
        double ti = t + TAB_C(i) * h;
        for (int c = 0; c < NC; c++) {
            cin[c * nd + b] = STEP(4 + c) + STEP(4 + NC + c) * (ti - STEP(3));
        }
        double etaHere = pow(fmax(e, 1e-16), 0.8);
        double previous = 0.0;
        int converged = 0;
        for (int k = 0; k < NEWTON_MAX_ITERATIONS && !converged && !failed; k++) {
            iterations += 1.0;
            for (int j = 0; j < NZ; j++) {
                stage_rhs_at(b, j, ys, y, sum, hg, cin, par, active, rhs, nd);
            }
            solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, rhs, bulkRhs, nd);
            double s = 0.0;
            for (int l = 0; l < N; l++) {
                double d = rhs[AT(l)];
                ys[AT(l)] += d;
                double w = d / (abstol + reltol * fabs(y[AT(l)]));
                s += w * w;
            }
            double norm = sqrt(s / N);
            if (!isfinite(norm)) {
                e = 1.0;
                failed = 1;
            } else {
                if (k > 0) {
                    double rate = norm / previous;
                    if (rate >= 0.9) {
                        e = 1.0;
                        failed = 1;
                    } else {
                        etaHere = rate / (1.0 - rate);
                    }
                }
                if (!failed && (etaHere * norm <= TAB_NEWTON_TOL || norm == 0.0)) {
                    e = etaHere;
                    converged = 1;
                }
                previous = norm;
            }
        }
        if (!converged && !failed) {
            e = 1.0;
            failed = 1;
        }
        if (!failed) {
            __global double* fi = i == 1 ? g1 : i == 2 ? g2 : g3;
            for (int j = 0; j < NZ; j++) {
                stage_derivative_at(b, j, ys, y, sum, hg, par, active, fi, nd);
            }
        }
    }
    double errSq = 0.0;
    if (!failed) {
        double d0 = h * (TAB_B(0) - TAB_BHAT(0));
        double d1 = h * (TAB_B(1) - TAB_BHAT(1));
        double d2 = h * (TAB_B(2) - TAB_BHAT(2));
        double d3 = h * (TAB_B(3) - TAB_BHAT(3));
        for (int l = 0; l < N; l++) {
            err[AT(l)] = d0 * f0[AT(l)] + d1 * g1[AT(l)] + d2 * g2[AT(l)] + d3 * g3[AT(l)];
        }
        solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, err, bulkRhs, nd);
        for (int l = 0; l < N; l++) {
            double w = err[AT(l)] / (abstol + reltol * fmax(fabs(y[AT(l)]), fabs(s3[AT(l)])));
            errSq += w * w;
        }
    }
    eta[b] = e;
    result[b] = failed;
    result[nd + b] = iterations;
    result[2 * nd + b] = errSq;
}
