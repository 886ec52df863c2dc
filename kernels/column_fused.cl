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
