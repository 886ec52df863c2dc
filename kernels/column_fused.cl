// Sorb column kernels: fused per-design phases (twin: ColumnKernels.java). One work-item walks all cells of its
// designs' columns (LANES designs, one per vector lane), so a Newton iteration is one launch; neighbouring
// work-items hold neighbouring designs and read neighbouring addresses. Global size (nd / LANES).

/** Kernels assemble_eliminate over every cell, then band_factor. */
__kernel void factor_design(__global const double* y, __global const double* par, __global const double* hg,
                            __global const int* active, __global double* blocks, __global int* piv,
                            __global double* lower, __global double* upper, __global double* bmat,
                            __global double* cmat, __global double* band, __global int* bandPiv, __global int* ok,
                            int nd) {
    int b = LANES * get_global_id(0);
    if (b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    TILE(y, N); TILE(par, NPAR); TILE(hg, 1); TILE(active, 1); TILE_FACTORS(); TILE(ok, 1);
    TILE_END();
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
    solve_forward_cells(b, blocks, piv, upper, bmat, active, x, bulkRhs, nd);
    band_solve_at(b, band, bandPiv, active, bulkRhs, nd);
    solve_back_cells(b, blocks, piv, lower, cmat, active, bulkRhs, x, nd);
}

/** The whole direct solve of one design in place (x is overwritten in every lane of an active work-item). */
__kernel void solve_design(__global const double* blocks, __global const int* piv, __global const double* lower,
                           __global const double* upper, __global const double* bmat, __global const double* cmat,
                           __global const double* band, __global const int* bandPiv, __global const int* active,
                           __global double* x, __global double* bulkRhs, int nd) {
    int b = LANES * get_global_id(0);
    if (b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    TILE_FACTORS(); TILE(active, 1); TILE(x, N); TILE(bulkRhs, LEN_BULK);
    TILE_END();
    solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, x, bulkRhs, nd);
}

/**
 * stage_rhs_at of every cell in one pass (the per-design kernels): each face's flux computed once and carried to the
 * next cell, and each shell's residual, M (Y - y_n) and right-hand side computed together, without the per-cell
 * arrays of F and M (Y - y_n) (at 16 lanes 2.2 kB each, which PoCL keeps on the stack). The same operations per
 * element as cell_residual, cell_mass and stage_rhs_at: rhs = -(M (Y - y_n) - sum - hg F(Y)).
 */
void stage_rhs_cells(int b, __global const double* ys, __global const double* yn, __global const double* sum,
                     __global const double* hg, __global const double* cin, __global const double* par,
                     __global const int* active, __global double* rhs, int nd) {
    if (b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    real h = G(hg, b);
    real w = PAR(P_BOUNDW);
    real invDz = PAR(P_INVDZ);
    real left[NC];
    for (int i = 0; i < NC; i++) {
        left[i] = axial_flux(ys, cin, par, nd, b, 0, i);
    }
    for (int j = 0; j < NZ; j++) {
        real fBulk[NC];
        real mBulk[NC];
        for (int i = 0; i < NC; i++) {
            real right = axial_flux(ys, cin, par, nd, b, j + 1, i);
            fBulk[i] = -(right - left[i]) * invDz;
            left[i] = right;
            mBulk[i] = G(ys, AT(BULK(j, i))) - G(yn, AT(BULK(j, i)));
        }
#if HAS_PORES
        real film[NC];
        for (int i = 0; i < NC; i++) {
            film[i] = G(ys, AT(BULK(j, i))) - G(ys, AT(BLOCK(j, 0) + i));
            fBulk[i] -= PAR(P_BULKFILM + i) * film[i];
        }
#endif
        for (int k = 0; k < NBLK; k++) {
            real fq[NB];
            real dq[NB];
            binding_flux(ys, HAS_PORES ? BLOCK(j, k) : BULK(j, 0), BLOCK(j, k) + QIN, par, nd, b, fq);
            for (int s = 0; s < NB; s++) {
                int q = BLOCK(j, k) + QIN + s;
                dq[s] = G(ys, AT(q)) - G(yn, AT(q));
                real mq = KINETIC_STATE(s) ? dq[s] : (real) 0.0;
                S(rhs, AT(q), -(mq - G(sum, AT(q)) - h * fq[s]));
            }
#if HAS_PORES
            for (int i = 0; i < NC; i++) {
                int p = BLOCK(j, k) + i;
                real v = shell_exchange(ys, par, nd, b, j, k, i, film[i]);
                real m = G(ys, AT(p)) - G(yn, AT(p));
                for (int s = 0; s < NB; s++) {
                    if (component_of(s) == i) {
                        m += w * dq[s];
                    }
                }
                S(rhs, AT(p), -(m - G(sum, AT(p)) - h * v));
            }
#else
            for (int s = 0; s < NB; s++) {
                mBulk[component_of(s)] += w * dq[s];
            }
#endif
        }
        for (int i = 0; i < NC; i++) {
            S(rhs, AT(BULK(j, i)), -(mBulk[i] - G(sum, AT(BULK(j, i))) - h * fBulk[i]));
        }
    }
}

/** One simplified Newton iteration of a stage: stage_rhs, the direct solve, newton_update (weights wt). */
__kernel void newton_iteration(__global double* ys, __global const double* yn, __global const double* sum,
                               __global const double* hg, __global const double* cin, __global const double* par,
                               __global const double* wt, __global const int* active, __global const double* blocks,
                               __global const int* piv, __global const double* lower, __global const double* upper,
                               __global const double* bmat, __global const double* cmat, __global const double* band,
                               __global const int* bandPiv, __global double* rhs, __global double* bulkRhs,
                               __global double* normSq, int nd) {
    int b = LANES * get_global_id(0);
    if (b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    TILE(ys, N); TILE(yn, N); TILE(sum, N); TILE(hg, 1); TILE(cin, NC); TILE(par, NPAR); TILE(wt, N);
    TILE(active, 1); TILE_FACTORS(); TILE(rhs, N); TILE(bulkRhs, LEN_BULK); TILE(normSq, 1);
    TILE_END();
    stage_rhs_cells(b, ys, yn, sum, hg, cin, par, active, rhs, nd);
    solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, rhs, bulkRhs, nd);
    newton_update_at(b, ys, rhs, wt, active, normSq, nd);
}

// Tableau buffer layout (written once by the host from Esdirk32): a_ij (16), b (4), b_hat (4), c (4), Newton tolerance.
#define TAB_A(i, j) tab[(i) * 4 + (j)]
#define TAB_B(j) tab[16 + (j)]
#define TAB_BHAT(j) tab[20 + (j)]
#define TAB_C(j) tab[24 + (j)]
#define TAB_NEWTON_TOL tab[28]
#define NEWTON_MAX_ITERATIONS 8
// Per-design step description: t, h, stage-1 predictor ratio, inlet start, inlet value (NC), inlet slope (NC).
#define STEP(q) G(step, (q) * nd + b)

/**
 * Start of stage i over elements l = first, first + stride, ... < N: sum = h (a_i0 f0 + a_i1 g1 + a_i2 g2) (terms
 * up to j < i) and the predictor ys = y + ratio (from - y). Shared by the step-attempt kernels.
 */
void stage_start(int first, int stride, int i, real h, real ratio, __constant double* tab,
                 __global const double* y, __global const double* from, __global const double* f0,
                 __global const double* g1, __global const double* g2, __global double* sum, __global double* ys,
                 int nd, int b) {
    real a0 = h * TAB_A(i, 0);
    real a1 = h * TAB_A(i, 1);
    real a2 = h * TAB_A(i, 2);
    for (int l = first; l < N; l += stride) {
        real s = a0 * G(f0, AT(l));
        if (i > 1) {
            s += a1 * G(g1, AT(l));
        }
        if (i > 2) {
            s += a2 * G(g2, AT(l));
        }
        S(sum, AT(l), s);
        real yl = G(y, AT(l));
        S(ys, AT(l), yl + ratio * (G(from, AT(l)) - yl));
    }
}

/** The stage's inlet concentrations at t + c_i h from the step description (linear within the section). */
void stage_inlet(int i, real t, real h, __constant double* tab, __global const double* step, __global double* cin,
                 int nd, int b) {
    real ti = t + TAB_C(i) * h;
    for (int c = 0; c < NC; c++) {
        S(cin, c * nd + b, STEP(4 + c) + STEP(4 + NC + c) * (ti - STEP(3)));
    }
}

/**
 * EsdirkStepper's Newton test after iteration k of the lanes in mask iterating, from the weighted norm of the
 * correction: non-finite, or a contraction rate >= 0.9, fails (eta = 1); eta * norm <= tolerance or a zero
 * correction converges (eta carried out). Updates e, etaHere, previous, failed and converged lane by lane.
 */
void newton_test(int k, real norm, lmask iterating, double tolerance, real* e, real* etaHere, real* previous,
                 lmask* failed, lmask* converged) {
    lmask broken = iterating & !isfinite(norm);
    lmask fine = iterating & !broken;
    if (k > 0) {
        real rate = norm / *previous;
        lmask diverging = fine & (rate >= 0.9);
        broken = broken | diverging;
        fine = fine & !diverging;
        *etaHere = SEL(*etaHere, rate / (1.0 - rate), fine);
    }
    *e = SEL(*e, 1.0, broken);
    *failed = *failed | broken;
    lmask done = fine & ((*etaHere * norm <= tolerance) | (norm == 0.0));
    *e = SEL(*e, *etaHere, done);
    *converged = *converged | done;
    *previous = SEL(*previous, norm, fine);
}

/** err = h sum_j (b_j - b_hat_j) F_j over elements l = first, first + stride, ... < N. */
void error_combine(int first, int stride, real h, __constant double* tab, __global const double* f0,
                   __global const double* g1, __global const double* g2, __global const double* g3,
                   __global double* err, int nd, int b) {
    real d0 = h * (TAB_B(0) - TAB_BHAT(0));
    real d1 = h * (TAB_B(1) - TAB_BHAT(1));
    real d2 = h * (TAB_B(2) - TAB_BHAT(2));
    real d3 = h * (TAB_B(3) - TAB_BHAT(3));
    for (int l = first; l < N; l += stride) {
        S(err, AT(l), d0 * G(f0, AT(l)) + d1 * G(g1, AT(l)) + d2 * G(g2, AT(l)) + d3 * G(g3, AT(l)));
    }
}

/**
 * One whole ESDIRK step attempt of a design on the factored matrix: for stages 1..3 the stage sum, the predictor,
 * the simplified Newton iteration (stop when eta ||delta|| <= tolerance, eta carried in and out; the norm's inverse
 * weights are computed once into wt), the stage derivative; then the filtered error estimate. result = (failed,
 * Newton iterations, squared error norm). The same algorithm as EsdirkStepper.attempt, on the device, so a step
 * costs a handful of commands. Lanes iterate, converge and fail one by one: a lane that has converged or failed
 * keeps its stage state while the others iterate. eta and result are written for active designs only; the stage
 * buffers and wt are scratch.
 */
__kernel void attempt_design(__global const double* y, __global const double* prev, __global double* f0,
                             __global double* s1, __global double* s2, __global double* s3, __global double* g1,
                             __global double* g2, __global double* g3, __global double* sum, __global double* rhs,
                             __global double* err, __global double* bulkRhs, __global double* cin,
                             __global const double* par, __global const double* tol, __global double* wt,
                             __global const double* hg, __constant double* tab, __global const double* step,
                             __global double* eta, __global double* result, __global const double* blocks,
                             __global const int* piv, __global const double* lower, __global const double* upper,
                             __global const double* bmat, __global const double* cmat, __global const double* band,
                             __global const int* bandPiv, __global const int* active, int nd) {
    int b = LANES * get_global_id(0);
    if (b >= nd) {
        return;
    }
    TILE(y, N); TILE(prev, N); TILE(f0, N); TILE(s1, N); TILE(s2, N); TILE(s3, N); TILE(g1, N); TILE(g2, N);
    TILE(g3, N); TILE(sum, N); TILE(rhs, N); TILE(err, N); TILE(bulkRhs, LEN_BULK); TILE(cin, NC); TILE(par, NPAR);
    TILE(tol, 2); TILE(wt, N); TILE(hg, 1); TILE(step, LEN_STEP); TILE(eta, 1); TILE(result, 3); TILE(active, 1);
    TILE_FACTORS();
    TILE_END();
    lmask act = ACTIVE_LANES(active);
    if (!ANY(act)) {
        return;
    }
    real t = STEP(0);
    real h = STEP(1);
    real e = G(eta, b);
    real iterations = 0.0;
    lmask failed = !act;
    real abstol = G(tol, b);
    real reltol = G(tol, nd + b);
    newton_weights_part(0, 1, y, abstol, reltol, wt, act, nd, b);
    for (int i = 1; i < 4 && !ALL(failed); i++) {
        __global double* ys = i == 1 ? s1 : i == 2 ? s2 : s3;
        __global const double* from = i == 1 ? prev : i == 2 ? s1 : s2;
        real ratio;
        if (i == 1) {
            ratio = STEP(2);
        } else {
            ratio = TAB_C(i) / TAB_C(i - 1);
        }
        stage_start(0, 1, i, h, ratio, tab, y, from, f0, g1, g2, sum, ys, nd, b);
        stage_inlet(i, t, h, tab, step, cin, nd, b);
        real etaHere = pow(fmax(e, 1e-16), 0.8);
        real previous = 0.0;
        lmask converged = MASK_FALSE;
        for (int k = 0; k < NEWTON_MAX_ITERATIONS; k++) {
            lmask iterating = !converged & !failed;
            if (!ANY(iterating)) {
                break;
            }
            iterations += SEL(0.0, 1.0, iterating);
            stage_rhs_cells(b, ys, y, sum, hg, cin, par, active, rhs, nd);
            solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, rhs, bulkRhs, nd);
            real norm = sqrt(newton_update_part(0, 1, ys, rhs, wt, iterating, nd, b) / N);
            newton_test(k, norm, iterating, TAB_NEWTON_TOL, &e, &etaHere, &previous, &failed, &converged);
        }
        lmask stalled = !converged & !failed;
        e = SEL(e, 1.0, stalled);
        failed = failed | stalled;
        if (!ALL(failed)) {
            __global double* fi = i == 1 ? g1 : i == 2 ? g2 : g3;
            for (int j = 0; j < NZ; j++) {
                stage_derivative_at(b, j, ys, y, sum, hg, par, active, fi, nd);
            }
        }
    }
    real errSq = 0.0;
    if (!ALL(failed)) {
        error_combine(0, 1, h, tab, f0, g1, g2, g3, err, nd, b);
        solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, err, bulkRhs, nd);
        errSq = SEL(error_norm_part(0, 1, err, y, s3, abstol, reltol, nd, b), 0.0, failed);
    }
    SM(eta, b, e, act);
    SM(result, b, SEL(0.0, 1.0, failed), act);
    SM(result, nd + b, iterations, act);
    SM(result, 2 * nd + b, errSq, act);
}
