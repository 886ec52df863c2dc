// Sorb column kernels: one work-group per design (for GPUs). The WG work-items of a
// group share the cells of one design's column (cell j on work-item j mod WG) for everything that is local to a
// cell (assembly and elimination, right-hand sides, the forward and back block solves, stage derivatives, vector
// updates), meet at barriers between phases, and leave the short banded factorization and solve along the column
// to work-item 0. Every decision (Newton convergence, failure) is taken by all work-items alike from a norm
// reduced in local memory, so control flow stays uniform across the group. Same results as factor_design and
// attempt_design up to the order of the norm sums. Global size (nd * WG), local size (WG); needs LANES == 1.
// Any device layout works; the GPU default is TILE_W = 1, where a design's elements are contiguous, so a group
// touches one compact block (its working set can stay in the multiprocessor's L1) instead of one element in every
// nd x 8 bytes. The step attempt attempt_design_group and the Newton iteration newton_iteration_group are
// instantiated from column_attempt.clh with the definitions at the end of this file.
#if LANES == 1

#ifndef WG
#define WG 64
#endif

// The band matrix along the column (and its pivots and right-hand side) fits in local memory up to
// LOCAL_BAND_DOUBLES values: the group then factors it there (copied in after assembly, out after the LU) and copies
// the factors there once per step attempt, so that work-item 0's serial LU and substitutions read local memory
// instead of waiting on a global load for every row. Larger bands stay in global memory (band_factor_at,
// band_solve_at).
#ifndef LOCAL_BAND_DOUBLES
#define LOCAL_BAND_DOUBLES 2048
#endif
#define LOCAL_BAND (LEN_BAND + LEN_BAND_PIV + LEN_BULK_RHS <= LOCAL_BAND_DOUBLES)
#if LOCAL_BAND
DEFINE_BAND_SUBSTITUTE(band_substitute_local, __local)
DEFINE_BAND_LU(band_lu_local, __local)
#define BAND_LOCALS __local double bandL[LEN_BAND]; __local int pivL[LEN_BAND_PIV]; __local double bulkL[LEN_BULK_RHS];
#else
// No local copy: the functions below take these pointers but never use them.
#define BAND_LOCALS __local double* bandL = 0; __local int* pivL = 0; __local double* bulkL = 0;
#endif

/**
 * Copies design b's band and pivots to local memory (no-op when they stay global); all work-items call. Before the
 * LU the pivots copied are the last step's, which the LU overwrites.
 */
void band_to_local(int b, int t, __global const double* band, __global const int* bandPiv, __local double* bandL,
                   __local int* pivL, int nd) {
#if LOCAL_BAND
    for (int l = t; l < LEN_BAND; l += WG) {
        bandL[l] = band[l * nd + b];
    }
    for (int l = t; l < LEN_BAND_PIV; l += WG) {
        pivL[l] = bandPiv[l * nd + b];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
#endif
}

/** Copies design b's band and pivots back from local memory after the LU (no-op when they stay global). */
void band_from_local(int b, int t, __local const double* bandL, __local const int* pivL, __global double* band,
                     __global int* bandPiv, int nd) {
#if LOCAL_BAND
    for (int l = t; l < LEN_BAND; l += WG) {
        band[l * nd + b] = bandL[l];
    }
    for (int l = t; l < LEN_BAND_PIV; l += WG) {
        bandPiv[l * nd + b] = pivL[l];
    }
#endif
}

/**
 * The band substitution of one design by the work-group: on the local copy (band_to_local) by work-item 0, the
 * right-hand side copied in and out by all, or on global memory by work-item 0. Ends with a barrier.
 */
void group_band_solve(int b, int t, __global const double* band, __global const int* bandPiv,
                      __global const int* active, __global double* bulkRhs, __local const double* bandL,
                      __local const int* pivL, __local double* bulkL, int nd) {
#if LOCAL_BAND
    for (int l = t; l < LEN_BULK_RHS; l += WG) {
        bulkL[l] = bulkRhs[l * nd + b];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    if (t == 0) {
        band_substitute_local(0, bandL, pivL, bulkL, 1);
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int l = t; l < LEN_BULK_RHS; l += WG) {
        bulkRhs[l * nd + b] = bulkL[l];
    }
#else
    if (t == 0) {
        band_solve_at(b, band, bandPiv, active, bulkRhs, nd);
    }
#endif
    barrier(CLK_GLOBAL_MEM_FENCE);
}

/** Every group kernel's start: design b is this work-group's, t the work-item; an inactive design's group returns. */
#define GROUP_START() \
    int b = get_group_id(0); \
    int t = get_local_id(0); \
    if (b >= nd || active[b] == 0) { \
        return; \
    }

/** Sum of v over the work-group (WG a power of two); every work-item gets the sum. */
double group_sum(double v, __local double* scratch) {
    int t = get_local_id(0);
    scratch[t] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int width = WG / 2; width > 0; width >>= 1) {
        if (t < width) {
            scratch[t] += scratch[t + width];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    double s = scratch[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return s;
}

/** Kernel factor_design with the cells spread over the work-group and the band factorization on work-item 0. */
__kernel void factor_design_group(__global const double* y, __global const double* par, __global const double* hg,
                                  __global const int* active, __global double* blocks, __global int* piv,
                                  __global double* lower, __global double* upper, __global double* bmat,
                                  __global double* cmat, __global double* band, __global int* bandPiv,
                                  __global int* ok, int nd) {
    BAND_LOCALS
    GROUP_START();
    TILE(y, N); TILE(par, LEN_PAR); TILE(hg, LEN_HG); TILE(active, LEN_ACTIVE); TILE_FACTORS(); TILE(ok, LEN_OK);
    TILE_END();
    for (int j = t; j < NZ; j += WG) {
        assemble_eliminate_at(b, j, y, par, hg, active, blocks, piv, lower, upper, bmat, cmat, band, ok, nd);
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
#if LOCAL_BAND
    band_to_local(b, t, band, bandPiv, bandL, pivL, nd);
    if (t == 0) {
        clear_flags(ok, !band_lu_local(0, bandL, pivL, 1), nd, b);
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    band_from_local(b, t, bandL, pivL, band, bandPiv, nd);
#else
    if (t == 0) {
        band_factor_at(b, band, bandPiv, active, ok, nd);
    }
#endif
}

/** x = N^-1 x for one design, by the whole work-group. */
void group_solve(int b, int t, __global const double* blocks, __global const int* piv, __global const double* lower,
                 __global const double* upper, __global const double* bmat, __global const double* cmat,
                 __global const double* band, __global const int* bandPiv, __global const int* active,
                 __global double* x, __global double* bulkRhs, __local const double* bandL, __local const int* pivL,
                 __local double* bulkL, int nd) {
    for (int j = t; j < NZ; j += WG) {
        solve_forward_at(b, j, blocks, piv, upper, bmat, active, x, bulkRhs, nd);
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
    group_band_solve(b, t, band, bandPiv, active, bulkRhs, bandL, pivL, bulkL, nd);
    for (int j = t; j < NZ; j += WG) {
        solve_back_at(b, j, blocks, piv, lower, cmat, active, bulkRhs, x, nd);
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
}

/** Kernel solve_design by one work-group per design: x = N^-1 x (for timing the parts of an iteration apart). */
__kernel void solve_design_group(__global const double* blocks, __global const int* piv, __global const double* lower,
                                 __global const double* upper, __global const double* bmat,
                                 __global const double* cmat, __global const double* band,
                                 __global const int* bandPiv, __global const int* active, __global double* x,
                                 __global double* bulkRhs, int nd) {
    BAND_LOCALS
    GROUP_START();
    TILE_FACTORS(); TILE(active, LEN_ACTIVE); TILE(x, N); TILE(bulkRhs, LEN_BULK_RHS);
    TILE_END();
    band_to_local(b, t, band, bandPiv, bandL, pivL, nd);
    group_solve(b, t, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, x, bulkRhs, bandL, pivL, bulkL,
                nd);
}

// The step attempt and Newton iteration of this family (column_attempt.clh, which the host concatenates after this
// file): the group's work-items share the cells and elements, meet at barriers and reduce the norms in local memory.
#define ATTEMPT_ENABLED 1
#define ATTEMPT_KERNEL attempt_design_group
#define NEWTON_KERNEL newton_iteration_group
#define ATTEMPT_LOCALS __local double scratch[WG]; BAND_LOCALS
#define ATTEMPT_START() GROUP_START()
#define ATTEMPT_PREPARE() band_to_local(b, t, band, bandPiv, bandL, pivL, nd)
#define ITEM t
#define ITEMS WG
#define SYNC() barrier(CLK_GLOBAL_MEM_FENCE)
#define REDUCE(v) group_sum((v), scratch)
#define STAGE_RHS(ys) { \
        for (int j = t; j < NZ; j += WG) { \
            stage_rhs_at(b, j, (ys), y, sum, hg, cin, par, active, rhs, nd); \
        } \
        SYNC(); \
    }
#define SOLVE(x) group_solve(b, t, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, (x), bulkRhs, bandL, \
                             pivL, bulkL, nd)

#else
#define ATTEMPT_ENABLED 0
#endif
