// Sorb column kernels: storage of the Newton matrix N = M - hg dF/dy and the banded LU along the column.
// Per axial point j the matrix holds the bulk rows of the band (kl = BAND_KL, ku = BAND_KU sub- and super-diagonals;
// rows stored with kl extra for pivoting fill-in), and the particle's part: on finite-volume shells the local blocks
// D_k (k = 0 outermost shell), pore-lane couplings lower/upper and the film couplings bmat (bulk rows x block 0) and
// cmat (block 0 rows x bulk), assembled and solved in column_assemble.cl and column_solve.cl; on a DG particle one
// dense matrix per point (column_dg_solve.cl). The factors and right-hand sides are scratch: lanes of inactive
// designs may be overwritten; ok is not. No kernels here: factor_design and solve_design (column_fused.cl,
// column_group.cl) run these functions.

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
