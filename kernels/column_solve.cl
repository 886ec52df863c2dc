// Sorb column kernels: the direct solve x = N^-1 x on finite-volume shells: the forward reduction of each cell's
// shells into the bulk right-hand side, the band substitution (column_band.cl), the back substitution. A DG particle
// has its own solve_forward_* and solve_back_* (column_dg_solve.cl) in place of this file's.
#if !DG_PARTICLE

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

#endif
