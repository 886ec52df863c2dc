// Sorb column kernels: fused per-design phases. One work-item walks all cells of its
// designs' columns (LANES designs, one per vector lane), so a Newton iteration is one launch; neighbouring
// work-items hold neighbouring designs and read neighbouring addresses. Global size (nd / LANES). The step attempt
// attempt_design and the Newton iteration newton_iteration are instantiated from column_attempt.clh with the
// definitions at the end of this file.

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
    TILE(y, N); TILE(par, LEN_PAR); TILE(hg, LEN_HG); TILE(active, LEN_ACTIVE); TILE_FACTORS(); TILE(ok, LEN_OK);
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
    TILE_FACTORS(); TILE(active, LEN_ACTIVE); TILE(x, N); TILE(bulkRhs, LEN_BULK_RHS);
    TILE_END();
    solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, x, bulkRhs, nd);
}

/**
 * stage_rhs_at of every cell in one pass (the per-design kernels): each face's flux computed once and carried to the
 * next cell (on DG the transport's band row instead), and each shell's residual, M (Y - y_n) and right-hand side
 * computed together, without the per-cell arrays of F and M (Y - y_n) (at 16 lanes 2.2 kB each, which PoCL keeps on
 * the stack). The same operations per element as cell_residual, cell_mass and stage_rhs_at:
 * rhs = -(M (Y - y_n) - sum - hg F(Y)).
 */
void stage_rhs_cells(int b, __global const double* ys, __global const double* yn, __global const double* sum,
                     __global const double* hg, __global const double* cin, __global const double* par,
                     __global const int* active, __global double* rhs, int nd) {
    if (b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    real h = G(hg, b);
    real w = PAR(P_BOUNDW);
#if !DG_AXIAL
    real invDz = PAR(P_INVDZ);
    real left[NC];
    for (int i = 0; i < NC; i++) {
        left[i] = axial_flux(ys, cin, par, nd, b, 0, i);
    }
#endif
    for (int j = 0; j < NZ; j++) {
        real fBulk[NC];
        real mBulk[NC];
        for (int i = 0; i < NC; i++) {
#if DG_AXIAL
            fBulk[i] = dg_axial_row(ys, cin, par, nd, b, j, i);
#else
            real right = axial_flux(ys, cin, par, nd, b, j + 1, i);
            fBulk[i] = -(right - left[i]) * invDz;
            left[i] = right;
#endif
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
                real v = PORE_EXCHANGE(ys, par, nd, b, j, k, i, film[i]);
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

// The step attempt and Newton iteration of this family (column_attempt.clh, which the host concatenates after this
// file): one work-item walks all cells of its LANES designs; the right-hand side passes over the cells once
// (stage_rhs_cells).
#define ATTEMPT_ENABLED 1
#define ATTEMPT_KERNEL attempt_design
#define NEWTON_KERNEL newton_iteration
#define ATTEMPT_LOCALS
#define ATTEMPT_START() int b = LANES * get_global_id(0); if (b >= nd) { return; }
#define ATTEMPT_PREPARE()
#define ITEM 0
#define ITEMS 1
#define SYNC()
#define REDUCE(v) (v)
#define STAGE_RHS(ys) stage_rhs_cells(b, (ys), y, sum, hg, cin, par, active, rhs, nd)
#define SOLVE(x) solve_design_at(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, (x), bulkRhs, nd)
