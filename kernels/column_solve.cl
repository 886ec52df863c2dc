// Sorb column kernels: assembly and direct solve of the Newton matrix N = M - hg dF/dy (twin: ColumnKernels.java).
// Per cell: local blocks D_k (k = 0 outermost shell), pore-lane couplings lower/upper, film couplings
// bmat (bulk rows x block 0) and cmat (block 0 rows x bulk); the Schur complement of the cell lands in the
// banded system along the column (kl = 2 NC, ku = NC; rows stored with kl extra for pivoting fill-in).

#define BLK(j, k, r, c) (((((j) * NBLK + (k)) * BS + (r)) * BS + (c)) * nd + b)
#define BLKOFF(j, k) (((j) * NBLK + (k)) * BS * BS)
#define PIVOFF(j, k) (((j) * NBLK + (k)) * BS)
#define LANE(j, k, a) ((((j) * NBLK + (k)) * NC + (a)) * nd + b)
#define BMAT(j, a, r) ((((j) * NC + (a)) * BS + (r)) * nd + b)
#define CMAT(j, r, a) ((((j) * BS + (r)) * NC + (a)) * nd + b)
#define BAND(row, col) ((((row) * BAND_W) + ((col) - (row) + BAND_KL)) * nd + b)

/** d flux_face / d(c_{face-2}, c_{face-1}, c_face) of component i into d[0..2]. */
void flux_derivative(__global const double* y, __global const double* par, int nd, int b, int face, int i,
                     double* d) {
    double u = PAR(P_VEL);
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
        face_derivative(y[AT(BULK(face - 2, i))], y[AT(BULK(face - 1, i))], y[AT(BULK(face, i))], d);
        d[0] *= u;
        d[1] *= u;
        d[2] *= u;
    }
    double disp = PAR(P_DISP) / PAR(P_DZ);
    d[1] += disp;
    d[2] -= disp;
}

/**
 * Assembles cell j's part of N at y with hg = h gamma, eliminates its local blocks (innermost outwards) and
 * writes the cell's band rows including the Schur complement; ok[b] is cleared on a singular block.
 * Global size (NZ, nd).
 */
void assemble_eliminate_at(int b, int j, __global const double* y, __global const double* par, __global const double* hg,
                                 __global const int* active, __global double* blocks, __global int* piv,
                                 __global double* lower, __global double* upper, __global double* bmat,
                                 __global double* cmat, __global double* band, __global int* ok, int nd) {
    if (j >= NZ || b >= nd || active[b] == 0) {
        return;
    }
    double h = hg[b];
    for (int k = 0; k < NBLK; k++) {
        for (int r = 0; r < BS; r++) {
            for (int c = 0; c < BS; c++) {
                blocks[BLK(j, k, r, c)] = 0.0;
            }
        }
        for (int a = 0; a < NC; a++) {
            lower[LANE(j, k, a)] = 0.0;
            upper[LANE(j, k, a)] = 0.0;
        }
    }
    for (int a = 0; a < NC; a++) {
        for (int r = 0; r < BS; r++) {
            bmat[BMAT(j, a, r)] = 0.0;
            cmat[CMAT(j, r, a)] = 0.0;
        }
    }
    double diag[NC];
    for (int a = 0; a < NC; a++) {
        diag[a] = 0.0;
    }
#if HAS_PORES
    for (int i = 0; i < NC; i++) {
        diag[i] += h * PAR(P_BULKFILM + i);
        bmat[BMAT(j, i, i)] += -h * PAR(P_BULKFILM + i);
        cmat[CMAT(j, i, i)] += -h * PAR(P_SHELLFILM + i);
        for (int k = 0; k < NS; k++) {
            double d = 1.0;
            if (k == 0) {
                d += h * PAR(P_SHELLFILM + i);
            } else {
                d += h * PAR(P_TOOUTER + k * NC + i);
                lower[LANE(j, k, i)] += -h * PAR(P_TOOUTER + k * NC + i);
            }
            if (k < NS - 1) {
                d += h * PAR(P_TOINNER + k * NC + i);
                upper[LANE(j, k, i)] += -h * PAR(P_TOINNER + k * NC + i);
            }
            blocks[BLK(j, k, i, i)] += d;
        }
    }
#endif
    double dfdcp[NB * NC];
    double dfdq[NB * NB];
    double w = PAR(P_BOUNDW);
    for (int k = 0; k < NBLK; k++) {
        int cpOff = HAS_PORES ? BLOCK(j, k) : BULK(j, 0);
        binding_jacobian(y, cpOff, BLOCK(j, k) + QIN, par, nd, b, dfdcp, dfdq);
        for (int s = 0; s < NB; s++) {
            int row = QIN + s;
            for (int r = 0; r < NB; r++) {
                double v = -h * dfdq[s * NB + r];
                if (KINETIC && r == s) {
                    v += 1.0;
                }
                blocks[BLK(j, k, row, QIN + r)] += v;
            }
            for (int i = 0; i < NC; i++) {
                double v = -h * dfdcp[s * NC + i];
                if (HAS_PORES) {
                    blocks[BLK(j, k, row, i)] += v;
                } else {
                    cmat[CMAT(j, row, i)] += v;
                }
            }
            if (HAS_PORES) {
                blocks[BLK(j, k, component_of(s), QIN + s)] += w;
            } else {
                bmat[BMAT(j, component_of(s), s)] += w;
            }
        }
    }
    // local elimination, innermost block outwards: D'_k = D_k - U_k D'_{k+1}^-1 L_{k+1} on the pore lanes
    double x[BS];
    for (int k = NBLK - 1; k >= 0; k--) {
        if (k < NBLK - 1) {
            for (int c = 0; c < NC; c++) {
                for (int r = 0; r < BS; r++) {
                    x[r] = r == c ? 1.0 : 0.0;
                }
                dense_solve(blocks, BLKOFF(j, k + 1), BS, piv, PIVOFF(j, k + 1), nd, b, x);
                double lc = lower[LANE(j, k + 1, c)];
                for (int a = 0; a < NC; a++) {
                    blocks[BLK(j, k, a, c)] -= upper[LANE(j, k, a)] * x[a] * lc;
                }
            }
        }
        if (!dense_factor(blocks, BLKOFF(j, k), BS, piv, PIVOFF(j, k), nd, b)) {
            ok[b] = 0;
        }
    }
    // band rows of the cell: identity, axial derivatives, film diagonal, Schur complement -B D'_0^-1 C
    double g = h / PAR(P_DZ);
    double d[3];
    for (int a = 0; a < NC; a++) {
        int row = j * NC + a;
        for (int c = 0; c < BAND_W; c++) {
            band[(row * BAND_W + c) * nd + b] = 0.0;
        }
        band[BAND(row, row)] += 1.0 + diag[a];
        if (j > 0) {
            flux_derivative(y, par, nd, b, j, a, d);
            if (j >= 2) {
                band[BAND(row, (j - 2) * NC + a)] += -g * d[0];
            }
            band[BAND(row, (j - 1) * NC + a)] += -g * d[1];
            band[BAND(row, row)] += -g * d[2];
        }
        flux_derivative(y, par, nd, b, j + 1, a, d);
        if (j >= 1) {
            band[BAND(row, (j - 1) * NC + a)] += g * d[0];
        }
        band[BAND(row, row)] += g * d[1];
        if (j + 1 < NZ) {
            band[BAND(row, (j + 1) * NC + a)] += g * d[2];
        }
    }
    for (int c = 0; c < NC; c++) {
        for (int r = 0; r < BS; r++) {
            x[r] = cmat[CMAT(j, r, c)];
        }
        dense_solve(blocks, BLKOFF(j, 0), BS, piv, PIVOFF(j, 0), nd, b, x);
        for (int a = 0; a < NC; a++) {
            double s = 0.0;
            for (int r = 0; r < BS; r++) {
                s += bmat[BMAT(j, a, r)] * x[r];
            }
            band[BAND(j * NC + a, j * NC + c)] -= s;
        }
    }
}

__kernel void assemble_eliminate(__global const double* y, __global const double* par, __global const double* hg,
                                 __global const int* active, __global double* blocks, __global int* piv,
                                 __global double* lower, __global double* upper, __global double* bmat,
                                 __global double* cmat, __global double* band, __global int* ok, int nd) {
    int b = get_global_id(0);
    int j = get_global_id(1);
    assemble_eliminate_at(b, j, y, par, hg, active, blocks, piv, lower, upper, bmat, cmat, band, ok, nd);
}

/** Banded LU with partial pivoting of each active design's column system; global size (nd). */
void band_factor_at(int b, __global double* band, __global int* bandPiv, __global const int* active,
                          __global int* ok, int nd) {
    if (b >= nd || active[b] == 0) {
        return;
    }
    for (int k = 0; k < NROWS; k++) {
        int last = min(NROWS - 1, k + BAND_KL);
        int p = k;
        double max = fabs(band[BAND(k, k)]);
        for (int r = k + 1; r <= last; r++) {
            double v = fabs(band[BAND(r, k)]);
            if (v > max) {
                max = v;
                p = r;
            }
        }
        bandPiv[k * nd + b] = p;
        if (max == 0.0) {
            ok[b] = 0;
            return;
        }
        int lastCol = min(NROWS - 1, k + BAND_KL + BAND_KU);
        if (p != k) {
            for (int c = k; c <= lastCol; c++) {
                double t = band[BAND(k, c)];
                band[BAND(k, c)] = band[BAND(p, c)];
                band[BAND(p, c)] = t;
            }
        }
        double inv = 1.0 / band[BAND(k, k)];
        for (int r = k + 1; r <= last; r++) {
            double l = band[BAND(r, k)] * inv;
            band[BAND(r, k)] = l;
            if (l != 0.0) {
                for (int c = k + 1; c <= lastCol; c++) {
                    band[BAND(r, c)] -= l * band[BAND(k, c)];
                }
            }
        }
    }
}

__kernel void band_factor(__global double* band, __global int* bandPiv, __global const int* active,
                          __global int* ok, int nd) {
    int b = get_global_id(0);
    band_factor_at(b, band, bandPiv, active, ok, nd);
}

/** Forward reduction of rhs (state layout) over cell j's local blocks into the bulk right-hand side. */
void solve_forward_at(int b, int j, __global const double* blocks, __global const int* piv, __global const double* upper,
                            __global const double* bmat, __global const int* active, __global double* rhs,
                            __global double* bulkRhs, int nd) {
    if (j >= NZ || b >= nd || active[b] == 0) {
        return;
    }
    double x[BS];
    for (int k = NBLK - 2; k >= 0; k--) {
        for (int r = 0; r < BS; r++) {
            x[r] = rhs[AT(BLOCK(j, k + 1) + r)];
        }
        dense_solve(blocks, BLKOFF(j, k + 1), BS, piv, PIVOFF(j, k + 1), nd, b, x);
        for (int a = 0; a < NC; a++) {
            rhs[AT(BLOCK(j, k) + a)] -= upper[LANE(j, k, a)] * x[a];
        }
    }
    for (int r = 0; r < BS; r++) {
        x[r] = rhs[AT(BLOCK(j, 0) + r)];
    }
    dense_solve(blocks, BLKOFF(j, 0), BS, piv, PIVOFF(j, 0), nd, b, x);
    for (int a = 0; a < NC; a++) {
        double s = rhs[AT(BULK(j, a))];
        for (int r = 0; r < BS; r++) {
            s -= bmat[BMAT(j, a, r)] * x[r];
        }
        bulkRhs[(j * NC + a) * nd + b] = s;
    }
}

__kernel void solve_forward(__global const double* blocks, __global const int* piv, __global const double* upper,
                            __global const double* bmat, __global const int* active, __global double* rhs,
                            __global double* bulkRhs, int nd) {
    int b = get_global_id(0);
    int j = get_global_id(1);
    solve_forward_at(b, j, blocks, piv, upper, bmat, active, rhs, bulkRhs, nd);
}

/** Banded forward and back substitution along each active design's column; global size (nd). */
void band_solve_at(int b, __global const double* band, __global const int* bandPiv, __global const int* active,
                         __global double* bulkRhs, int nd) {
    if (b >= nd || active[b] == 0) {
        return;
    }
    for (int k = 0; k < NROWS; k++) {
        int p = bandPiv[k * nd + b];
        if (p != k) {
            double t = bulkRhs[k * nd + b];
            bulkRhs[k * nd + b] = bulkRhs[p * nd + b];
            bulkRhs[p * nd + b] = t;
        }
        double bk = bulkRhs[k * nd + b];
        if (bk != 0.0) {
            int last = min(NROWS - 1, k + BAND_KL);
            for (int r = k + 1; r <= last; r++) {
                bulkRhs[r * nd + b] -= band[BAND(r, k)] * bk;
            }
        }
    }
    for (int k = NROWS - 1; k >= 0; k--) {
        int lastCol = min(NROWS - 1, k + BAND_KL + BAND_KU);
        double s = bulkRhs[k * nd + b];
        for (int c = k + 1; c <= lastCol; c++) {
            s -= band[BAND(k, c)] * bulkRhs[c * nd + b];
        }
        bulkRhs[k * nd + b] = s / band[BAND(k, k)];
    }
}

__kernel void band_solve(__global const double* band, __global const int* bandPiv, __global const int* active,
                         __global double* bulkRhs, int nd) {
    int b = get_global_id(0);
    band_solve_at(b, band, bandPiv, active, bulkRhs, nd);
}

/** Back substitution: bulk solution into rhs, then cell j's local blocks outwards-in; global size (nd, NZ). */
void solve_back_at(int b, int j, __global const double* blocks, __global const int* piv, __global const double* lower,
                         __global const double* cmat, __global const int* active, __global const double* bulkRhs,
                         __global double* rhs, int nd) {
    if (j >= NZ || b >= nd || active[b] == 0) {
        return;
    }
    double x[BS];
    for (int a = 0; a < NC; a++) {
        rhs[AT(BULK(j, a))] = bulkRhs[(j * NC + a) * nd + b];
    }
    for (int r = 0; r < BS; r++) {
        double s = 0.0;
        for (int a = 0; a < NC; a++) {
            s += cmat[CMAT(j, r, a)] * bulkRhs[(j * NC + a) * nd + b];
        }
        x[r] = rhs[AT(BLOCK(j, 0) + r)] - s;
    }
    dense_solve(blocks, BLKOFF(j, 0), BS, piv, PIVOFF(j, 0), nd, b, x);
    for (int r = 0; r < BS; r++) {
        rhs[AT(BLOCK(j, 0) + r)] = x[r];
    }
    for (int k = 1; k < NBLK; k++) {
        for (int r = 0; r < BS; r++) {
            x[r] = rhs[AT(BLOCK(j, k) + r)];
        }
        for (int a = 0; a < NC; a++) {
            x[a] -= lower[LANE(j, k, a)] * rhs[AT(BLOCK(j, k - 1) + a)];
        }
        dense_solve(blocks, BLKOFF(j, k), BS, piv, PIVOFF(j, k), nd, b, x);
        for (int r = 0; r < BS; r++) {
            rhs[AT(BLOCK(j, k) + r)] = x[r];
        }
    }
}

__kernel void solve_back(__global const double* blocks, __global const int* piv, __global const double* lower,
                         __global const double* cmat, __global const int* active, __global const double* bulkRhs,
                         __global double* rhs, int nd) {
    int b = get_global_id(0);
    int j = get_global_id(1);
    solve_back_at(b, j, blocks, piv, lower, cmat, active, bulkRhs, rhs, nd);
}
