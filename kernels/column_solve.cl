// Sorb column kernels: assembly and direct solve of the Newton matrix N = M - hg dF/dy.
// Per cell: local blocks D_k (k = 0 outermost shell), pore-lane couplings lower/upper, film couplings
// bmat (bulk rows x block 0) and cmat (block 0 rows x bulk); the Schur complement of the cell lands in the
// banded system along the column (kl = 2 NC, ku = NC; rows stored with kl extra for pivoting fill-in).
// The factors and right-hand sides are scratch: lanes of inactive designs may be overwritten; ok is not.
// No kernels here: factor_design and solve_design (column_fused.cl, column_group.cl) run these functions.

#define BLK(j, k, r, c) (((((j) * NBLK + (k)) * BS + (r)) * BS + (c)) * nd + b)
#define BLKOFF(j, k) (((j) * NBLK + (k)) * BS * BS)
#define PIVOFF(j, k) (((j) * NBLK + (k)) * BS)
#define LANE(j, k, a) ((((j) * NBLK + (k)) * NC + (a)) * nd + b)
#define BMAT(j, a, r) ((((j) * NC + (a)) * BS + (r)) * nd + b)
#define CMAT(j, r, a) ((((j) * BS + (r)) * NC + (a)) * nd + b)
#define BAND(row, col) ((((row) * BAND_W) + ((col) - (row) + BAND_KL)) * nd + b)
#define BULKRHS(row) ((row) * nd + b)
/** p[idx] += v in every lane. */
#define ADD(p, idx, v) S(p, idx, G(p, idx) + (v))

/** x = D^-1 x for a factored shell block: by its inverse (BLOCK_INVERSE) or its pivoted LU factors. */
void block_solve(__global const double* blocks, int off, __global const int* piv, int pivOff, int nd, int b, real* x) {
#if BLOCK_INVERSE
    real y[BS];
    dense_apply(blocks, off, BS, nd, b, x, y);
    for (int r = 0; r < BS; r++) {
        x[r] = y[r];
    }
#else
    dense_solve(blocks, off, BS, piv, pivOff, nd, b, x);
#endif
}

/** d flux_face / d(c_{face-2}, c_{face-1}, c_face) of component i into d[0..2]. */
void flux_derivative(__global const double* y, __global const double* par, int nd, int b, int face, int i,
                     real* d) {
    real u = PAR(P_VEL);
    d[0] = 0.0;
    d[1] = 0.0;
    d[2] = 0.0;
    if (face == 0) {
        return;
    }
    if (face == NZ) {
        d[1] = u;
        return;
    }
    if (face == 1) {
        d[1] = u;
    } else {
        face_derivative(G(y, AT(BULK(face - 2, i))), G(y, AT(BULK(face - 1, i))), G(y, AT(BULK(face, i))), d);
        d[0] *= u;
        d[1] *= u;
        d[2] *= u;
    }
    real disp = PAR(P_DISPDZ);
    d[1] += disp;
    d[2] -= disp;
}

/**
 * Assembles cell j's part of N at y with hg = h gamma, eliminates its local blocks (innermost outwards) and
 * writes the cell's band rows including the Schur complement; ok is cleared for designs with a singular block.
 */
void assemble_eliminate_at(int b, int j, __global const double* y, __global const double* par,
                           __global const double* hg, __global const int* active, __global double* blocks,
                           __global int* piv, __global double* lower, __global double* upper, __global double* bmat,
                           __global double* cmat, __global double* band, __global int* ok, int nd) {
    if (j >= NZ || b >= nd) {
        return;
    }
    lmask act = ACTIVE_LANES(active);
    if (!ANY(act)) {
        return;
    }
    real h = G(hg, b);
    for (int k = 0; k < NBLK; k++) {
        for (int r = 0; r < BS; r++) {
            for (int c = 0; c < BS; c++) {
                S(blocks, BLK(j, k, r, c), 0.0);
            }
        }
        for (int a = 0; a < NC; a++) {
            S(lower, LANE(j, k, a), 0.0);
            S(upper, LANE(j, k, a), 0.0);
        }
    }
    for (int a = 0; a < NC; a++) {
        for (int r = 0; r < BS; r++) {
            S(bmat, BMAT(j, a, r), 0.0);
            S(cmat, CMAT(j, r, a), 0.0);
        }
    }
    real diag[NC];
    for (int a = 0; a < NC; a++) {
        diag[a] = 0.0;
    }
#if HAS_PORES
    for (int i = 0; i < NC; i++) {
        diag[i] += h * PAR(P_BULKFILM + i);
        ADD(bmat, BMAT(j, i, i), -h * PAR(P_BULKFILM + i));
        ADD(cmat, CMAT(j, i, i), -h * PAR(P_SHELLFILM + i));
        for (int k = 0; k < NS; k++) {
            real d = 1.0;
            if (k == 0) {
                d += h * PAR(P_SHELLFILM + i);
            } else {
                d += h * PAR(P_TOOUTER + k * NC + i);
                ADD(lower, LANE(j, k, i), -h * PAR(P_TOOUTER + k * NC + i));
            }
            if (k < NS - 1) {
                d += h * PAR(P_TOINNER + k * NC + i);
                ADD(upper, LANE(j, k, i), -h * PAR(P_TOINNER + k * NC + i));
            }
            ADD(blocks, BLK(j, k, i, i), d);
        }
    }
#endif
    real dfdcp[NB * NC];
    real dfdq[NB * NB];
    real w = PAR(P_BOUNDW);
    for (int k = 0; k < NBLK; k++) {
        int cpOff = HAS_PORES ? BLOCK(j, k) : BULK(j, 0);
        binding_jacobian(y, cpOff, BLOCK(j, k) + QIN, par, nd, b, dfdcp, dfdq);
        for (int s = 0; s < NB; s++) {
            int row = QIN + s;
            for (int r = 0; r < NB; r++) {
                real v = -h * dfdq[s * NB + r];
                if (KINETIC_STATE(s) && r == s) {
                    v += 1.0;
                }
                ADD(blocks, BLK(j, k, row, QIN + r), v);
            }
            for (int i = 0; i < NC; i++) {
                real v = -h * dfdcp[s * NC + i];
                if (HAS_PORES) {
                    ADD(blocks, BLK(j, k, row, i), v);
                } else {
                    ADD(cmat, CMAT(j, row, i), v);
                }
            }
            if (HAS_PORES) {
                ADD(blocks, BLK(j, k, component_of(s), QIN + s), w);
            } else {
                ADD(bmat, BMAT(j, component_of(s), s), w);
            }
        }
    }
    // local elimination, innermost block outwards: D'_k = D_k - U_k D'_{k+1}^-1 L_{k+1} on the pore lanes
    lmask good = MASK_TRUE;
    real x[BS];
    for (int k = NBLK - 1; k >= 0; k--) {
        if (k < NBLK - 1) {
            for (int c = 0; c < NC; c++) {
                for (int r = 0; r < BS; r++) {
                    x[r] = r == c ? 1.0 : 0.0;
                }
                block_solve(blocks, BLKOFF(j, k + 1), piv, PIVOFF(j, k + 1), nd, b, x);
                real lc = G(lower, LANE(j, k + 1, c));
                for (int a = 0; a < NC; a++) {
                    ADD(blocks, BLK(j, k, a, c), -(G(upper, LANE(j, k, a)) * x[a] * lc));
                }
            }
        }
        good = good & dense_factor(blocks, BLKOFF(j, k), BS, piv, PIVOFF(j, k), nd, b);
#if BLOCK_INVERSE
        dense_invert(blocks, BLKOFF(j, k), BS, piv, PIVOFF(j, k), nd, b);
#endif
    }
    clear_flags(ok, act & !good, nd, b);
    // band rows of the cell: identity, axial derivatives, film diagonal, Schur complement -B D'_0^-1 C
    real g = h / PAR(P_DZ);
    real d[3];
    for (int a = 0; a < NC; a++) {
        int row = j * NC + a;
        for (int c = 0; c < BAND_W; c++) {
            S(band, (row * BAND_W + c) * nd + b, 0.0);
        }
        ADD(band, BAND(row, row), 1.0 + diag[a]);
        if (j > 0) {
            flux_derivative(y, par, nd, b, j, a, d);
            if (j >= 2) {
                ADD(band, BAND(row, (j - 2) * NC + a), -g * d[0]);
            }
            ADD(band, BAND(row, (j - 1) * NC + a), -g * d[1]);
            ADD(band, BAND(row, row), -g * d[2]);
        }
        flux_derivative(y, par, nd, b, j + 1, a, d);
        if (j >= 1) {
            ADD(band, BAND(row, (j - 1) * NC + a), g * d[0]);
        }
        ADD(band, BAND(row, row), g * d[1]);
        if (j + 1 < NZ) {
            ADD(band, BAND(row, (j + 1) * NC + a), g * d[2]);
        }
    }
    for (int c = 0; c < NC; c++) {
        for (int r = 0; r < BS; r++) {
            x[r] = G(cmat, CMAT(j, r, c));
        }
        block_solve(blocks, BLKOFF(j, 0), piv, PIVOFF(j, 0), nd, b, x);
        for (int a = 0; a < NC; a++) {
            real s = 0.0;
            for (int r = 0; r < BS; r++) {
                s += G(bmat, BMAT(j, a, r)) * x[r];
            }
            ADD(band, BAND(j * NC + a, j * NC + c), -s);
        }
    }
}

/**
 * The steps of the banded LU with partial pivoting (lane by lane) of one column system in place, the diagonal kept
 * as 1 / u_kk (the substitution multiplies), on the variables band, bandPiv, b and nd of the enclosing function;
 * clears lmask good in the lanes where a pivot is zero. A statement macro so that the same steps serve global memory
 * (band_factor_at) and local-memory copies (DEFINE_BAND_LU, for the work-group kernels; OpenCL 1.2 has no generic
 * address space). It is expanded inside each function rather than called as a separate global function, since PoCL
 * 3.1 crashed (SIGSEGV on entry to factor_design_group) when a work-group kernel called such a function.
 */
#define BAND_LU_STEPS \
    for (int k = 0; k < NROWS; k++) { \
        int last = min(NROWS - 1, k + BAND_KL); \
        lidx p = (lidx) k; \
        real max = fabs(G(band, BAND(k, k))); \
        for (int r = k + 1; r <= last; r++) { \
            real v = fabs(G(band, BAND(r, k))); \
            lmask bigger = v > max; \
            max = SEL(max, v, bigger); \
            p = SELI(p, r, bigger); \
        } \
        SI(bandPiv, BULKRHS(k), p); \
        good = good & (max != 0.0); \
        int lastCol = min(NROWS - 1, k + BAND_KL + BAND_KU); \
        for (int r = k + 1; r <= last; r++) { \
            lmask m = p == (lidx) r; \
            if (ANY(m)) { \
                for (int c = k; c <= lastCol; c++) { \
                    real ak = G(band, BAND(k, c)); \
                    real ar = G(band, BAND(r, c)); \
                    SWAP_LANES(ak, ar, m); \
                    S(band, BAND(k, c), ak); \
                    S(band, BAND(r, c), ar); \
                } \
            } \
        } \
        real inv = 1.0 / G(band, BAND(k, k)); \
        for (int r = k + 1; r <= last; r++) { \
            real l = G(band, BAND(r, k)) * inv; \
            S(band, BAND(r, k), l); \
            for (int c = k + 1; c <= lastCol; c++) { \
                ADD(band, BAND(r, c), -(l * G(band, BAND(k, c)))); \
            } \
        } \
        S(band, BAND(k, k), inv); \
    }

/** Defines lmask NAME(b, band, bandPiv, nd): BAND_LU_STEPS on band and bandPiv in address space SPACE. */
#define DEFINE_BAND_LU(NAME, SPACE) \
lmask NAME(int b, SPACE double* band, SPACE int* bandPiv, int nd) { \
    lmask good = MASK_TRUE; \
    BAND_LU_STEPS \
    return good; \
}

/**
 * Banded LU with partial pivoting (lane by lane) of each active design's column system, the diagonal kept as
 * 1 / u_kk (band_solve_at multiplies).
 */
void band_factor_at(int b, __global double* band, __global int* bandPiv, __global const int* active,
                    __global int* ok, int nd) {
    if (b >= nd) {
        return;
    }
    lmask act = ACTIVE_LANES(active);
    if (!ANY(act)) {
        return;
    }
    lmask good = MASK_TRUE;
    BAND_LU_STEPS
    clear_flags(ok, act & !good, nd, b);
}

/**
 * One step of cell j's forward reduction: solve its block k + 1, z = D'^-1 r', and eliminate it from block k's pore
 * rows, r'_k -= U_k z. With BLOCK_INVERSE, z replaces block k + 1's right-hand side (solve_back_shell finishes it).
 */
void solve_forward_shell(int b, int j, int k, __global const double* blocks, __global const int* piv,
                         __global const double* upper, __global double* rhs, int nd) {
    real x[BS];
    for (int r = 0; r < BS; r++) {
        x[r] = G(rhs, AT(BLOCK(j, k + 1) + r));
    }
    block_solve(blocks, BLKOFF(j, k + 1), piv, PIVOFF(j, k + 1), nd, b, x);
#if BLOCK_INVERSE
    for (int r = 0; r < BS; r++) {
        S(rhs, AT(BLOCK(j, k + 1) + r), x[r]);
    }
#endif
    for (int a = 0; a < NC; a++) {
        ADD(rhs, AT(BLOCK(j, k) + a), -(G(upper, LANE(j, k, a)) * x[a]));
    }
}

/**
 * The last step of cell j's forward reduction: its block 0, z = D'_0^-1 r'_0, into the bulk right-hand side r - B z
 * (with BLOCK_INVERSE, z also replaces block 0's right-hand side).
 */
void solve_forward_bulk(int b, int j, __global const double* blocks, __global const int* piv,
                        __global const double* bmat, __global double* rhs, __global double* bulkRhs, int nd) {
    real x[BS];
    for (int r = 0; r < BS; r++) {
        x[r] = G(rhs, AT(BLOCK(j, 0) + r));
    }
    block_solve(blocks, BLKOFF(j, 0), piv, PIVOFF(j, 0), nd, b, x);
#if BLOCK_INVERSE
    for (int r = 0; r < BS; r++) {
        S(rhs, AT(BLOCK(j, 0) + r), x[r]);
    }
#endif
    for (int a = 0; a < NC; a++) {
        real s = G(rhs, AT(BULK(j, a)));
        for (int r = 0; r < BS; r++) {
            s -= G(bmat, BMAT(j, a, r)) * x[r];
        }
        S(bulkRhs, BULKRHS(j * NC + a), s);
    }
}

/** Forward reduction of rhs (state layout) over cell j's local blocks into the bulk right-hand side. */
void solve_forward_at(int b, int j, __global const double* blocks, __global const int* piv,
                      __global const double* upper, __global const double* bmat, __global const int* active,
                      __global double* rhs, __global double* bulkRhs, int nd) {
    if (j >= NZ || b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    for (int k = NBLK - 2; k >= 0; k--) {
        solve_forward_shell(b, j, k, blocks, piv, upper, rhs, nd);
    }
    solve_forward_bulk(b, j, blocks, piv, bmat, rhs, bulkRhs, nd);
}

/**
 * solve_forward_at for every cell, shell by shell across the cells: the same operations for each cell, but the
 * cells' independent chains follow each other closely, so a core keeps several in flight (one work-item per design).
 */
void solve_forward_cells(int b, __global const double* blocks, __global const int* piv, __global const double* upper,
                         __global const double* bmat, __global const int* active, __global double* rhs,
                         __global double* bulkRhs, int nd) {
    if (b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    for (int k = NBLK - 2; k >= 0; k--) {
        for (int j = 0; j < NZ; j++) {
            solve_forward_shell(b, j, k, blocks, piv, upper, rhs, nd);
        }
    }
    for (int j = 0; j < NZ; j++) {
        solve_forward_bulk(b, j, blocks, piv, bmat, rhs, bulkRhs, nd);
    }
}

/**
 * The steps of the banded forward substitution (with the factorization's row swaps) and back substitution of
 * bulkRhs, on the variables band, bandPiv, bulkRhs, b and nd of the enclosing function; a statement macro for the
 * reasons given at BAND_LU_STEPS (band_solve_at on global memory, DEFINE_BAND_SUBSTITUTE on local copies).
 */
#define BAND_SUBSTITUTE_STEPS \
    for (int k = 0; k < NROWS; k++) { \
        int last = min(NROWS - 1, k + BAND_KL); \
        lidx p = GI(bandPiv, BULKRHS(k)); \
        real bk = G(bulkRhs, BULKRHS(k)); \
        for (int r = k + 1; r <= last; r++) { \
            lmask m = p == (lidx) r; \
            if (ANY(m)) { \
                real br = G(bulkRhs, BULKRHS(r)); \
                SWAP_LANES(bk, br, m); \
                S(bulkRhs, BULKRHS(r), br); \
            } \
        } \
        S(bulkRhs, BULKRHS(k), bk); \
        for (int r = k + 1; r <= last; r++) { \
            ADD(bulkRhs, BULKRHS(r), -(G(band, BAND(r, k)) * bk)); \
        } \
    } \
    for (int k = NROWS - 1; k >= 0; k--) { \
        int lastCol = min(NROWS - 1, k + BAND_KL + BAND_KU); \
        real s = G(bulkRhs, BULKRHS(k)); \
        for (int c = k + 1; c <= lastCol; c++) { \
            s -= G(band, BAND(k, c)) * G(bulkRhs, BULKRHS(c)); \
        } \
        S(bulkRhs, BULKRHS(k), s * G(band, BAND(k, k))); \
    }

/** Defines NAME(b, band, bandPiv, bulkRhs, nd): BAND_SUBSTITUTE_STEPS in address space SPACE. */
#define DEFINE_BAND_SUBSTITUTE(NAME, SPACE) \
void NAME(int b, SPACE const double* band, SPACE const int* bandPiv, SPACE double* bulkRhs, int nd) { \
    BAND_SUBSTITUTE_STEPS \
}

/** Banded forward and back substitution along each active design's column. */
void band_solve_at(int b, __global const double* band, __global const int* bandPiv, __global const int* active,
                   __global double* bulkRhs, int nd) {
    if (b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    BAND_SUBSTITUTE_STEPS
}

/**
 * The first step of cell j's back substitution: the bulk solution c into rhs, then block 0, x_0 = D'_0^-1 (r'_0 - C c);
 * with BLOCK_INVERSE rhs holds z = D'_0^-1 r'_0 (solve_forward_bulk) and x_0 = z - D'_0^-1 C c.
 */
void solve_back_bulk(int b, int j, __global const double* blocks, __global const int* piv,
                     __global const double* cmat, __global const double* bulkRhs, __global double* rhs, int nd) {
    real x[BS];
    for (int a = 0; a < NC; a++) {
        S(rhs, AT(BULK(j, a)), G(bulkRhs, BULKRHS(j * NC + a)));
    }
    for (int r = 0; r < BS; r++) {
        real s = 0.0;
        for (int a = 0; a < NC; a++) {
            s += G(cmat, CMAT(j, r, a)) * G(bulkRhs, BULKRHS(j * NC + a));
        }
#if BLOCK_INVERSE
        x[r] = s;
#else
        x[r] = G(rhs, AT(BLOCK(j, 0) + r)) - s;
#endif
    }
    block_solve(blocks, BLKOFF(j, 0), piv, PIVOFF(j, 0), nd, b, x);
    for (int r = 0; r < BS; r++) {
#if BLOCK_INVERSE
        S(rhs, AT(BLOCK(j, 0) + r), G(rhs, AT(BLOCK(j, 0) + r)) - x[r]);
#else
        S(rhs, AT(BLOCK(j, 0) + r), x[r]);
#endif
    }
}

/**
 * One step of cell j's back substitution: block k from block k - 1's pore values, x_k = D'_k^-1 (r'_k - L_k x_{k-1});
 * with BLOCK_INVERSE rhs holds z = D'_k^-1 r'_k (solve_forward_shell) and x_k = z - D'_k^-1 L_k x_{k-1}, L_k acting
 * on the pore lanes only.
 */
void solve_back_shell(int b, int j, int k, __global const double* blocks, __global const int* piv,
                      __global const double* lower, __global double* rhs, int nd) {
#if BLOCK_INVERSE
    real l[NC];
    for (int a = 0; a < NC; a++) {
        l[a] = G(lower, LANE(j, k, a)) * G(rhs, AT(BLOCK(j, k - 1) + a));
    }
    for (int r = 0; r < BS; r++) {
        real s = G(blocks, BLK(j, k, r, 0)) * l[0];
        for (int a = 1; a < NC; a++) {
            s += G(blocks, BLK(j, k, r, a)) * l[a];
        }
        S(rhs, AT(BLOCK(j, k) + r), G(rhs, AT(BLOCK(j, k) + r)) - s);
    }
#else
    real x[BS];
    for (int r = 0; r < BS; r++) {
        x[r] = G(rhs, AT(BLOCK(j, k) + r));
    }
    for (int a = 0; a < NC; a++) {
        x[a] -= G(lower, LANE(j, k, a)) * G(rhs, AT(BLOCK(j, k - 1) + a));
    }
    dense_solve(blocks, BLKOFF(j, k), BS, piv, PIVOFF(j, k), nd, b, x);
    for (int r = 0; r < BS; r++) {
        S(rhs, AT(BLOCK(j, k) + r), x[r]);
    }
#endif
}

/** Back substitution: bulk solution into rhs, then cell j's local blocks outwards-in. */
void solve_back_at(int b, int j, __global const double* blocks, __global const int* piv, __global const double* lower,
                   __global const double* cmat, __global const int* active, __global const double* bulkRhs,
                   __global double* rhs, int nd) {
    if (j >= NZ || b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    solve_back_bulk(b, j, blocks, piv, cmat, bulkRhs, rhs, nd);
    for (int k = 1; k < NBLK; k++) {
        solve_back_shell(b, j, k, blocks, piv, lower, rhs, nd);
    }
}

/** solve_back_at for every cell, shell by shell across the cells (as solve_forward_cells). */
void solve_back_cells(int b, __global const double* blocks, __global const int* piv, __global const double* lower,
                      __global const double* cmat, __global const int* active, __global const double* bulkRhs,
                      __global double* rhs, int nd) {
    if (b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    for (int j = 0; j < NZ; j++) {
        solve_back_bulk(b, j, blocks, piv, cmat, bulkRhs, rhs, nd);
    }
    for (int k = 1; k < NBLK; k++) {
        for (int j = 0; j < NZ; j++) {
            solve_back_shell(b, j, k, blocks, piv, lower, rhs, nd);
        }
    }
}

