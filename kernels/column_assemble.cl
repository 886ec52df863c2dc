// Sorb column kernels: assembly of the Newton matrix N = M - hg dF/dy on finite-volume shells (and the one block of
// the LRMP and the lumped rate model) with the local elimination of the shells and the Schur complement into the
// band (storage: column_band.cl). The band rows of the axial transport are the finite volumes' (fv_band_rows) or the
// DG operator's (dg_band_rows, column_dg_solve.cl). A DG particle has its own assemble_eliminate_at
// (column_dg_solve.cl) in place of this file's.
#if !DG_PARTICLE

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

#if !DG_AXIAL
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
 * Cell j's band rows on finite volumes: zeroed, then the identity with the film diagonal diag[a] (h times the bulk
 * film), and -h times the derivatives of the axial fluxes through its faces (FiniteVolumeTransport.jacobian).
 */
void fv_band_rows(int b, int j, __global const double* y, __global const double* par, real h, const real* diag,
                  __global double* band, int nd) {
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
}
#endif

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
#if DG_AXIAL
    dg_band_rows(b, j, par, h, diag, band, nd);
#else
    fv_band_rows(b, j, y, par, h, diag, band, nd);
#endif
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

#endif
