// Sorb column kernels: the Newton matrix N = M - hg dF/dy on discontinuous Galerkin spectral elements (the operators
// and their packing: column_dg.cl). The Jacobian of a linear operator is its matrix, so the DG parts of N are the
// packed operators times -hg.
//   DG_AXIAL      the band rows of axial point j: the identity with the film diagonal and -hg T_jl (dg_band_rows),
//                 used by both particle discretizations (LRM and LRMP keep column_assemble.cl's blocks)
//   DG_PARTICLE   per axial point j the particle condensed as ParticleBandMatrix.java does: at every particle point
//                 k the bound lanes (which couple to other points only through the pore lanes) are eliminated,
//                 D_bb,k^-1 by dense_factor / dense_invert, W_k = D_bb,k^-1 D_bp,k, E_k = D_pb,k D_bb,k^-1, and
//                 S_k = D_pp,k - D_pb,k W_k lands on the condensed particle P_j of DG_M = NS NC rows (point k's pore
//                 lanes at rows k NC ..); P_j is factored by dense LU with partial pivoting (lane by lane; the
//                 Java path factors the same P_j by band LU: they differ by rounding, see docs/kernels.md), the
//                 film coupling C_j (pore rows x bulk lanes) is solved into X_j = P_j^-1 C_j, and the Schur
//                 complement -B_j X_j (B_j: bulk lanes x point 0's pore lanes) is added to the point's band rows.
//                 The solve: t_b = D_bb^-1 r_b, t = P_j^-1 (r_p - E r_b), bulk right-hand side
//                 r_bulk - B_j t, band solve, x_p = t - X_j x_bulk, x_b = t_b - W x_p.
// Storage on a DG particle (BatchBuffers): blocks holds P_j's factors at [(j DG_M + r) DG_M + c], piv its pivots at
// [j DG_M + r] and the bound blocks' pivots after NZ DG_M, cmat X_j at [(j DG_M + r) NC + a], bmat B_j as on shells;
// upper holds per point (j, k) D_bb^-1 (NB x NB) then E (NC x NB), lower W (NB x NC). The functions below take the
// names and arguments of column_assemble.cl's and column_solve.cl's (which a DG particle's program leaves out), so
// that the kernel families call them unchanged. The condensed particle is solved by its LU factors in both families
// (BLOCK_INVERSE does not apply: an inverse costs DG_M^3 more per factorization and private arrays of DG_M^2 values).

#if DG_AXIAL
/**
 * Axial point j's band rows: zeroed, then the identity with the film diagonal diag[a] (h times the bulk film) and
 * -h T_jl (GalerkinTransport.jacobian).
 */
void dg_band_rows(int b, int j, __global const double* par, real h, const real* diag, __global double* band, int nd) {
    int first = max(0, j - DG_TL);
    int last = min(NZ - 1, j + DG_TU);
    for (int a = 0; a < NC; a++) {
        int row = j * NC + a;
        for (int c = 0; c < BAND_W; c++) {
            S(band, (row * BAND_W + c) * nd + b, 0.0);
        }
        ADD(band, BAND(row, row), 1.0 + diag[a]);
        for (int l = first; l <= last; l++) {
            ADD(band, BAND(row, l * NC + a), -h * PAR(P_DG_T + j * DG_TW + l - j + DG_TL));
        }
    }
}
#endif

#if DG_PARTICLE
#define DG_M (NS * NC)
#define PMATOFF(j) ((j) * DG_M * DG_M)
#define PMAT(j, r, c) ((PMATOFF(j) + (r) * DG_M + (c)) * nd + b)
#define XMAT(j, r, a) ((((j) * DG_M + (r)) * NC + (a)) * nd + b)
/** Point (j, k)'s D_bb^-1 (NB x NB), then E = D_pb D_bb^-1 (NC x NB), in upper. */
#define BINVOFF(j, k) (((j) * NS + (k)) * (NB * NB + NC * NB))
#define EMAT(j, k, i, t) ((BINVOFF(j, k) + NB * NB + (i) * NB + (t)) * nd + b)
/** Point (j, k)'s W = D_bb^-1 D_bp (NB x NC), in lower. */
#define WMAT(j, k, s, c) (((((j) * NS + (k)) * NB + (s)) * NC + (c)) * nd + b)
/** Pivots of point (j, k)'s D_bb, after the condensed particles' pivots. */
#define BPIVOFF(j, k) (NZ * DG_M + ((j) * NS + (k)) * NB)

/**
 * Assembles axial point j's part of N at y with hg = h gamma: the condensed particle P_j (GalerkinDiffusion.jacobian
 * and, point by point, S = D_pp - D_pb W of the binding Jacobian, as ParticleBandMatrix), B_j and C_j; factors P_j,
 * solves X_j = P_j^-1 C_j and writes the point's band rows with the Schur complement -B_j X_j; ok is cleared for
 * designs with a singular D_bb or P_j.
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
    for (int e = 0; e < DG_M * DG_M; e++) {
        S(blocks, (PMATOFF(j) + e) * nd + b, 0.0);
    }
    for (int a = 0; a < NC; a++) {
        for (int r = 0; r < BS; r++) {
            S(bmat, BMAT(j, a, r), 0.0);
        }
        for (int r = 0; r < DG_M; r++) {
            S(cmat, XMAT(j, r, a), 0.0);
        }
    }
    // film and pore diffusion, component by component: bulk sink, film sources and the coupling -hg D_p A
    real diag[NC];
    for (int i = 0; i < NC; i++) {
        real bulkFilm = PAR(P_BULKFILM + i);
        diag[i] = h * bulkFilm;
        ADD(bmat, BMAT(j, i, i), -h * bulkFilm);
        real dp = PAR(P_DG_PORE + i);
        real rate = PAR(P_DG_FILMRATE + i);
        for (int k = 0; k < NS; k++) {
            int row = k * NC + i;
            real d = 1.0 - h * dp * PAR(P_DG_A + k * NS + k);
            if (k < DG_NF) {
                real film = PAR(P_DG_FILM + k) * rate;
                S(cmat, XMAT(j, row, i), -h * film);
                if (k == 0) {
                    d += h * film;
                } else {
                    ADD(blocks, PMAT(j, row, i), h * film);
                }
            }
            ADD(blocks, PMAT(j, row, row), d);
            int last = min(NS - 1, k + DG_AB);
            for (int l = max(0, k - DG_AB); l <= last; l++) {
                if (l != k) {
                    ADD(blocks, PMAT(j, row, l * NC + i), -h * dp * PAR(P_DG_A + k * NS + l));
                }
            }
        }
    }
    // binding at every point, condensed: D_bb = K - hg df/dq, D_bp = -hg df/dc_p, D_pb the bound phase's weight
    lmask good = MASK_TRUE;
#if NB > 0
    real dfdcp[NB * NC];
    real dfdq[NB * NB];
    real w = PAR(P_BOUNDW);
    for (int k = 0; k < NS; k++) {
        binding_jacobian(y, BLOCK(j, k), BLOCK(j, k) + NC, par, nd, b, dfdcp, dfdq);
        int bo = BINVOFF(j, k);
        for (int s = 0; s < NB; s++) {
            for (int r = 0; r < NB; r++) {
                real v = -h * dfdq[s * NB + r];
                if (KINETIC_STATE(s) && r == s) {
                    v += 1.0;
                }
                S(upper, (bo + s * NB + r) * nd + b, v);
            }
        }
        good = good & dense_factor(upper, bo, NB, piv, BPIVOFF(j, k), nd, b);
        dense_invert(upper, bo, NB, piv, BPIVOFF(j, k), nd, b);
        for (int i = 0; i < NC; i++) {
            for (int t = 0; t < NB; t++) {
                S(upper, EMAT(j, k, i, t), 0.0);
            }
        }
        for (int s = 0; s < NB; s++) {
            for (int c = 0; c < NC; c++) {
                real v = 0.0;
                for (int t = 0; t < NB; t++) {
                    v += G(upper, (bo + s * NB + t) * nd + b) * (-h * dfdcp[t * NC + c]);
                }
                S(lower, WMAT(j, k, s, c), v);
                ADD(blocks, PMAT(j, k * NC + component_of(s), k * NC + c), -w * v);
            }
            for (int t = 0; t < NB; t++) {
                ADD(upper, EMAT(j, k, component_of(s), t), w * G(upper, (bo + s * NB + t) * nd + b));
            }
        }
    }
#endif
    good = good & dense_factor(blocks, PMATOFF(j), DG_M, piv, j * DG_M, nd, b);
    clear_flags(ok, act & !good, nd, b);
    real x[DG_M];
    for (int a = 0; a < NC; a++) {
        for (int r = 0; r < DG_M; r++) {
            x[r] = G(cmat, XMAT(j, r, a));
        }
        dense_solve(blocks, PMATOFF(j), DG_M, piv, j * DG_M, nd, b, x);
        for (int r = 0; r < DG_M; r++) {
            S(cmat, XMAT(j, r, a), x[r]);
        }
    }
    dg_band_rows(b, j, par, h, diag, band, nd);
    for (int a = 0; a < NC; a++) {
        for (int c = 0; c < NC; c++) {
            real s = 0.0;
            for (int r = 0; r < NC; r++) {
                s += G(bmat, BMAT(j, a, r)) * G(cmat, XMAT(j, r, c));
            }
            ADD(band, BAND(j * NC + a, j * NC + c), -s);
        }
    }
}

/**
 * Forward part of the solve at axial point j: t_b = D_bb^-1 r_b in place of the bound lanes, t = P_j^-1 (r_p - E r_b)
 * in place of the pore lanes, and the bulk right-hand side r_bulk - B_j t.
 */
void solve_forward_at(int b, int j, __global const double* blocks, __global const int* piv,
                      __global const double* upper, __global const double* bmat, __global const int* active,
                      __global double* rhs, __global double* bulkRhs, int nd) {
    if (j >= NZ || b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    real x[DG_M];
    for (int k = 0; k < NS; k++) {
        for (int i = 0; i < NC; i++) {
            x[k * NC + i] = G(rhs, AT(BLOCK(j, k) + i));
        }
#if NB > 0
        real rb[NB];
        real tb[NB];
        for (int s = 0; s < NB; s++) {
            rb[s] = G(rhs, AT(BLOCK(j, k) + NC + s));
        }
        dense_apply(upper, BINVOFF(j, k), NB, nd, b, rb, tb);
        for (int s = 0; s < NB; s++) {
            S(rhs, AT(BLOCK(j, k) + NC + s), tb[s]);
        }
        for (int i = 0; i < NC; i++) {
            real v = x[k * NC + i];
            for (int t = 0; t < NB; t++) {
                v -= G(upper, EMAT(j, k, i, t)) * rb[t];
            }
            x[k * NC + i] = v;
        }
#endif
    }
    dense_solve(blocks, PMATOFF(j), DG_M, piv, j * DG_M, nd, b, x);
    for (int k = 0; k < NS; k++) {
        for (int i = 0; i < NC; i++) {
            S(rhs, AT(BLOCK(j, k) + i), x[k * NC + i]);
        }
    }
    for (int a = 0; a < NC; a++) {
        real s = G(rhs, AT(BULK(j, a)));
        for (int r = 0; r < NC; r++) {
            s -= G(bmat, BMAT(j, a, r)) * x[r];
        }
        S(bulkRhs, BULKRHS(j * NC + a), s);
    }
}

/** solve_forward_at for every axial point (one work-item per design). */
void solve_forward_cells(int b, __global const double* blocks, __global const int* piv, __global const double* upper,
                         __global const double* bmat, __global const int* active, __global double* rhs,
                         __global double* bulkRhs, int nd) {
    for (int j = 0; j < NZ; j++) {
        solve_forward_at(b, j, blocks, piv, upper, bmat, active, rhs, bulkRhs, nd);
    }
}

/**
 * Back part of the solve at axial point j: the bulk solution x_bulk into rhs, x_p = t - X_j x_bulk and
 * x_b = t_b - W x_p. (blocks, piv: unused, the shells' arguments; lower holds W.)
 */
void solve_back_at(int b, int j, __global const double* blocks, __global const int* piv, __global const double* lower,
                   __global const double* cmat, __global const int* active, __global const double* bulkRhs,
                   __global double* rhs, int nd) {
    if (j >= NZ || b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    real xb[NC];
    for (int a = 0; a < NC; a++) {
        xb[a] = G(bulkRhs, BULKRHS(j * NC + a));
        S(rhs, AT(BULK(j, a)), xb[a]);
    }
    for (int k = 0; k < NS; k++) {
        real xp[NC];
        for (int i = 0; i < NC; i++) {
            real s = 0.0;
            for (int a = 0; a < NC; a++) {
                s += G(cmat, XMAT(j, k * NC + i, a)) * xb[a];
            }
            xp[i] = G(rhs, AT(BLOCK(j, k) + i)) - s;
            S(rhs, AT(BLOCK(j, k) + i), xp[i]);
        }
#if NB > 0
        for (int s = 0; s < NB; s++) {
            real v = G(rhs, AT(BLOCK(j, k) + NC + s));
            for (int c = 0; c < NC; c++) {
                v -= G(lower, WMAT(j, k, s, c)) * xp[c];
            }
            S(rhs, AT(BLOCK(j, k) + NC + s), v);
        }
#endif
    }
}

/** solve_back_at for every axial point (one work-item per design). */
void solve_back_cells(int b, __global const double* blocks, __global const int* piv, __global const double* lower,
                      __global const double* cmat, __global const int* active, __global const double* bulkRhs,
                      __global double* rhs, int nd) {
    for (int j = 0; j < NZ; j++) {
        solve_back_at(b, j, blocks, piv, lower, cmat, active, bulkRhs, rhs, nd);
    }
}
#endif
