// Sorb column kernels: shared definitions. Built together with the other column_*.cl sources, with the sizes
// and parameter offsets as -D constants (see KernelConstants.java):
//   NZ axial cells, NC components, NB bound states, NS particle shells (0: lumped rate), NBLK = max(NS,1),
//   BS local block size, CS unknowns per cell, HAS_PORES, KINETIC_STATES and STATE_COMPONENTS (per bound state),
//   SCHEME (0 weno3, 1 koren, 2 upwind), P_* parameter offsets, NPAR parameters per design; on spectral elements
//   DG_AXIAL, DG_PARTICLE and the DG_* sizes (column_dg.cl).
// Layout: design index b fastest. State element l of design b at [l * nd + b]; parameter p at [p * nd + b].
// Tiles (TILE_W > 0): the device holds every per-design buffer in tiles of TILE_W designs, element l of design b at
// [(b / TILE_W) * len * TILE_W + l * TILE_W + b % TILE_W] (len elements per design; TiledLayout.java converts), so a
// work-item's designs are contiguous, one vector per element, whatever the batch size (TILE_W = LANES), or each
// design's elements are contiguous for the work-group that shares it (TILE_W = 1, on a GPU). Each kernel moves its
// pointers to its tile (TILE) and then indexes inside it with nd = LANES and b = 0 (TILE_END): the same
// [l * nd + b] expressions serve both layouts.
// Lanes: with -D LANES=n (1, 2, 4, 8 or 16; default 1) a work-item advances the n neighbouring designs b .. b+n-1
// in the lanes of double<n> vectors (b = n * get_global_id(0), nd a multiple of n); every per-design decision
// (pivot rows, Newton convergence, failure) is taken lane by lane. LANES=1 is plain scalar code (for GPUs, where
// neighbouring work-items are neighbouring designs); a CPU device uses its vector width.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#ifndef LANES
#define LANES 1
#endif
// BLOCK_INVERSE (-D, default 0): 1 replaces each eliminated shell block by its inverse once per factorization and
// the solves multiply by it (column_solve.cl); 0 keeps the pivoted LU factors and solves with them. The host sets 1
// for the per-design kernels (a CPU's vector lanes, where it is faster) and 0 for the work-group kernels (a GPU,
// where it was slower); the reference device solves with LU factors either way (BENCHMARKS.md, section 2, item 11).
#ifndef BLOCK_INVERSE
#define BLOCK_INVERSE 0
#endif
// DG_AXIAL, DG_PARTICLE (-D, default 0; KernelConstants, DgStructure): the axial transport, and for the general rate
// model also the particle, on discontinuous Galerkin spectral elements (column_dg.cl, column_dg_solve.cl); NZ and NS
// then count points, not cells.
#ifndef DG_AXIAL
#define DG_AXIAL 0
#endif
#ifndef DG_PARTICLE
#define DG_PARTICLE 0
#endif
#define GLUE_(a, b) a##b
#define GLUE(a, b) GLUE_(a, b)

// real: one value per lane; lmask: a per-lane condition (scalar 0/1, vector 0/-1); lidx: a per-lane row index.
#if LANES == 1
typedef double real;
typedef int lmask;
typedef long lidx;
#define VLD(ptr) (*(ptr))
#define VST(ptr, v) (*(ptr) = (v))
#define VLDI(ptr) (*(ptr))
#define VSTI(ptr, v) (*(ptr) = (v))
#define SEL(a, b, m) ((m) ? (real) (b) : (real) (a))
#define SELI(a, b, m) ((m) ? (lidx) (b) : (lidx) (a))
#define ANY(m) (m)
#define ALL(m) (m)
#define MASK_TRUE 1
#define MASK_FALSE 0
#define TO_LIDX(v) ((long) (v))
#define TO_LINT(v) ((int) (v))
#else
typedef GLUE(double, LANES) real;
typedef GLUE(long, LANES) lmask;
typedef GLUE(long, LANES) lidx;
typedef GLUE(int, LANES) lint;
// Whole-vector accesses through a vector pointer: every lane vector starts at an element index that is a multiple of
// LANES (b and nd are), and buffer bases are aligned to CL_DEVICE_MEM_BASE_ADDR_ALIGN, at least the size of long16
// (128 bytes) in the full profile, so the vector type's natural alignment holds. vloadn/vstoren assume only the
// element's alignment, and PoCL then split each double16 access into 128- and 256-bit pieces.
#define VLD(ptr) (*(__global const real*) (ptr))
#define VST(ptr, v) (*(__global real*) (ptr) = (real) (v))
#define VLDI(ptr) (*(__global const lint*) (ptr))
#define VSTI(ptr, v) (*(__global lint*) (ptr) = (v))
#define SEL(a, b, m) select((real) (a), (real) (b), (m))
#define SELI(a, b, m) select((lidx) (a), (lidx) (b), (m))
#define ANY(m) any(m)
#define ALL(m) all(m)
#define MASK_TRUE ((lmask) (-1))
#define MASK_FALSE ((lmask) (0))
#define TO_LIDX(v) GLUE(convert_long, LANES)(v)
#define TO_LINT(v) GLUE(convert_int, LANES)(v)
#endif

/** The lanes' values at element index idx (idx already holds "* nd + b"). */
#define G(p, idx) VLD((p) + (idx))
/** Stores v into the lanes at element index idx. */
#define S(p, idx, v) VST((p) + (idx), (v))
/** Stores v into the lanes of mask m only; the other lanes keep their value. */
#define SM(p, idx, v, m) VST((p) + (idx), SEL(VLD((p) + (idx)), (v), (m)))
/** Per-lane row index stored in an int buffer. */
#define GI(p, idx) TO_LIDX(VLDI((p) + (idx)))
#define SI(p, idx, v) VSTI((p) + (idx), TO_LINT(v))
/** Lanes whose design is active. */
#define ACTIVE_LANES(active) (GI(active, b) != 0)

#define WENO_EPSILON 1e-10
// BAND_KL, BAND_KU, BAND_W: the band's sub- and super-diagonals and stored row width (-D, KernelLayout.java).
#define NROWS (NZ * NC)

// N (unknowns per design) and LEN_<buffer> (elements per design of each buffer, e.g. LEN_BULK_RHS) are -D constants
// from KernelLayout.java, with the step attempt's records (TAB_*, STEP_*, RESULT_*) and Newton settings (NEWTON_*).

// TILE_W: designs per tile of the device layout. LANES on a CPU; 1 (design-major: each design's elements contiguous)
// for the work-group kernels on a GPU, whose work-items share one design; 0 for the host layout itself.
#ifndef TILE_W
#define TILE_W (LANES > 1 ? LANES : 0)
#endif
#if TILE_W != 0 && TILE_W != LANES
#error "TILE_W must be 0 or LANES"
#endif
#define TILED (TILE_W > 0)
/** Moves pointer p of a buffer with len elements per design to the tile of this work-item's designs b. */
#define TILE(p, len) ((p) += TILED ? (size_t) b * (size_t) (len) : (size_t) 0)
/** Moves the factored matrix's buffers (blocks, piv, lower, upper, bmat, cmat, band, bandPiv) to the tile. */
#define TILE_FACTORS() { TILE(blocks, LEN_BLOCKS); TILE(piv, LEN_PIV); TILE(lower, LEN_LOWER); \
    TILE(upper, LEN_UPPER); TILE(bmat, LEN_BMAT); TILE(cmat, LEN_CMAT); TILE(band, LEN_BAND); \
    TILE(bandPiv, LEN_BAND_PIV); }
/** After the TILE calls: index inside the tile, [l * TILE_W + lane]. */
#define TILE_END() { if (TILED) { nd = TILE_W; b = 0; } }

#define BULK(j, i) ((j) * CS + (i))
#define BLOCK(j, k) ((j) * CS + NC + (k) * BS)
#define QIN (HAS_PORES ? NC : 0)

/** Index of state element l of design b. */
#define AT(l) ((l) * nd + b)
/** Parameter p of the lanes' designs. */
#define PAR(p) G(par, (p) * nd + b)

/** Clears ok for the lanes in mask bad (int buffer, one flag per design). */
void clear_flags(__global int* ok, lmask bad, int nd, int b) {
    if (ANY(bad)) {
        SI(ok, b, SELI(GI(ok, b), 0, bad));
    }
}

// Binding: the program is built with exactly one model file, kernels/binding/<key>.cl (after this file), which
// defines
//   void binding_flux(__global const double* y, int cpOff, int qOff, __global const double* par, int nd, int b,
//                     real* f)                  f_s for every bound state (NB values), from c_p (NC values at cpOff)
//                                              and q (NB values at qOff)
//   void binding_jacobian(same, real* dfdcp, real* dfdq)   dfdcp[s * NC + i] = df_s/dc_p,i, dfdq[s * NB + r]
// with its parameters at the offsets P_<KEY> (and P_INV_<KEY>: reciprocals of the parameters declared positive),
// generated from the model's declaration (BindingSlot.java). KINETIC_STATES and STATE_COMPONENTS (-D {..} lists,
// from the Java model's kinetic(s) and componentOf(s)) say per bound state whether dq_s/dt = f_s or 0 = f_s, and
// which liquid component it belongs to.
__constant int STATE_KINETIC[NB] = KINETIC_STATES;
__constant int STATE_COMPONENT[NB] = STATE_COMPONENTS;

/** True when bound state s is kinetic (dq_s/dt = f_s), false when algebraic (0 = f_s). */
#define KINETIC_STATE(s) (STATE_KINETIC[s] != 0)

/** Bound state s's liquid component. */
int component_of(int s) {
    return STATE_COMPONENT[s];
}

/** Pore-liquid concentration of component i in a binding function (its arguments y, cpOff, nd, b). */
#define BIND_C(i) G(y, (cpOff + (i)) * nd + b)
/** Bound concentration of state s in a binding function (its arguments y, qOff, nd, b). */
#define BIND_Q(s) G(y, (qOff + (s)) * nd + b)

/** Sets both binding Jacobians to zero, for the model files to fill their non-zero entries. */
void binding_jacobian_clear(real* dfdcp, real* dfdq) {
    for (int s = 0; s < NB * NC; s++) {
        dfdcp[s] = 0.0;
    }
    for (int s = 0; s < NB * NB; s++) {
        dfdq[s] = 0.0;
    }
}

/** Upwind-biased face value from (cm, c0, cp); see FaceReconstruction.java. */
real face_value(real cm, real c0, real cp) {
#if SCHEME == 0
    // (a0 v0 + a1 v1) / (a0 + a1), a0 = (1/3) / p0, a1 = (2/3) / p1, times 3 p0 p1: one division, not three
    real s0 = WENO_EPSILON + (c0 - cm) * (c0 - cm);
    real s1 = WENO_EPSILON + (cp - c0) * (cp - c0);
    real p0 = s0 * s0;
    real p1 = s1 * s1;
    real v0 = 1.5 * c0 - 0.5 * cm;
    real v1 = 0.5 * c0 + 0.5 * cp;
    return (p1 * v0 + 2.0 * p0 * v1) / (p1 + 2.0 * p0);
#elif SCHEME == 1
    real d0 = c0 - cm;
    real d1 = cp - c0;
    real a0 = fabs(d0);
    real a1 = fabs(d1);
    real m = fmin(2.0 * a1, fmin((a0 + 2.0 * a1) / 3.0, 2.0 * a0));
    return SEL(c0 + 0.5 * copysign(m, d0), c0, d0 * d1 <= 0.0);
#else
    return c0;
#endif
}

/** Derivatives of face_value with respect to (cm, c0, cp) into d[0..2]. */
void face_derivative(real cm, real c0, real cp, real* d) {
#if SCHEME == 0
    real e0 = c0 - cm;
    real e1 = cp - c0;
    real s0 = WENO_EPSILON + e0 * e0;
    real s1 = WENO_EPSILON + e1 * e1;
    real a0 = (1.0 / 3.0) / (s0 * s0);
    real a1 = (2.0 / 3.0) / (s1 * s1);
    real sum = a0 + a1;
    real w0 = a0 / sum;
    real w1 = a1 / sum;
    real v0 = 1.5 * c0 - 0.5 * cm;
    real v1 = 0.5 * c0 + 0.5 * cp;
    real da0de0 = -4.0 * a0 * e0 / s0;
    real da1de1 = -4.0 * a1 * e1 / s1;
    real dw0de0 = a1 * da0de0 / (sum * sum);
    real dw0de1 = -a0 * da1de1 / (sum * sum);
    real dv = v0 - v1;
    d[0] = -0.5 * w0 + dv * (-dw0de0);
    d[1] = 1.5 * w0 + 0.5 * w1 + dv * (dw0de0 - dw0de1);
    d[2] = 0.5 * w1 + dv * dw0de1;
#elif SCHEME == 1
    real d0 = c0 - cm;
    real d1 = cp - c0;
    lmask flat = d0 * d1 <= 0.0;
    real a0 = fabs(d0);
    real a1 = fabs(d1);
    real lim1 = 2.0 * a1;
    real lim2 = (a0 + 2.0 * a1) / 3.0;
    real lim3 = 2.0 * a0;
    lmask first = (lim1 <= lim2) & (lim1 <= lim3);
    lmask second = !first & (lim2 <= lim3);
    real p0 = SEL(SEL(2.0, 1.0 / 3.0, second), 0.0, first);
    real p1 = SEL(SEL(0.0, 2.0 / 3.0, second), 2.0, first);
    d[0] = SEL(-0.5 * p0, 0.0, flat);
    d[1] = SEL(1.0 + 0.5 * (p0 - p1), 1.0, flat);
    d[2] = SEL(0.5 * p1, 0.0, flat);
#else
    d[0] = 0.0;
    d[1] = 1.0;
    d[2] = 0.0;
#endif
}

/** Swaps x[k] and x[r] in the lanes of mask m. */
#define SWAP_LANES(xk, xr, m) { real t_ = (xk); (xk) = SEL(t_, (xr), (m)); (xr) = SEL((xr), t_, (m)); }

/**
 * In-place LU with partial pivoting (pivot row chosen lane by lane) of an n x n matrix at
 * a[(off + r * n + c) * nd + b]; returns the lanes whose matrix is non-singular. The diagonal keeps 1 / u_kk, so
 * that dense_solve multiplies instead of dividing.
 */
lmask dense_factor(__global double* a, int off, int n, __global int* piv, int pivOff, int nd, int b) {
    lmask good = MASK_TRUE;
    for (int k = 0; k < n; k++) {
        lidx p = (lidx) k;
        real max = fabs(G(a, (off + k * n + k) * nd + b));
        for (int r = k + 1; r < n; r++) {
            real v = fabs(G(a, (off + r * n + k) * nd + b));
            lmask bigger = v > max;
            max = SEL(max, v, bigger);
            p = SELI(p, r, bigger);
        }
        SI(piv, (pivOff + k) * nd + b, p);
        good = good & (max != 0.0);
        for (int r = k + 1; r < n; r++) {
            lmask m = p == (lidx) r;
            if (ANY(m)) {
                for (int c = 0; c < n; c++) {
                    real ak = G(a, (off + k * n + c) * nd + b);
                    real ar = G(a, (off + r * n + c) * nd + b);
                    SWAP_LANES(ak, ar, m);
                    S(a, (off + k * n + c) * nd + b, ak);
                    S(a, (off + r * n + c) * nd + b, ar);
                }
            }
        }
        real inv = 1.0 / G(a, (off + k * n + k) * nd + b);
        for (int r = k + 1; r < n; r++) {
            real l = G(a, (off + r * n + k) * nd + b) * inv;
            S(a, (off + r * n + k) * nd + b, l);
            for (int c = k + 1; c < n; c++) {
                S(a, (off + r * n + c) * nd + b,
                  G(a, (off + r * n + c) * nd + b) - l * G(a, (off + k * n + c) * nd + b));
            }
        }
        S(a, (off + k * n + k) * nd + b, inv);
    }
    return good;
}

/** Solves with dense_factor's factors; x is a private vector of n values per lane. */
void dense_solve(__global const double* a, int off, int n, __global const int* piv, int pivOff, int nd, int b,
                 real* x) {
    for (int k = 0; k < n; k++) {
        lidx p = GI(piv, (pivOff + k) * nd + b);
        for (int r = k + 1; r < n; r++) {
            lmask m = p == (lidx) r;
            SWAP_LANES(x[k], x[r], m);
        }
    }
    for (int r = 1; r < n; r++) {
        real s = x[r];
        for (int c = 0; c < r; c++) {
            s -= G(a, (off + r * n + c) * nd + b) * x[c];
        }
        x[r] = s;
    }
    for (int r = n - 1; r >= 0; r--) {
        real s = x[r];
        for (int c = r + 1; c < n; c++) {
            s -= G(a, (off + r * n + c) * nd + b) * x[c];
        }
        x[r] = s * G(a, (off + r * n + r) * nd + b);
    }
}

/**
 * Replaces dense_factor's factors of the n x n matrix at a[(off + r * n + c) * nd + b] (n <= BS) by the inverse
 * D^-1 = U^-1 L^-1 P, column c being dense_solve of e_c: the solves then multiply by D^-1 (dense_apply) with no
 * pivots, and a back substitution can reuse it.
 */
void dense_invert(__global double* a, int off, int n, __global const int* piv, int pivOff, int nd, int b) {
    real inv[BS * BS];
    real x[BS];
    for (int c = 0; c < n; c++) {
        for (int r = 0; r < n; r++) {
            x[r] = r == c ? 1.0 : 0.0;
        }
        dense_solve(a, off, n, piv, pivOff, nd, b, x);
        for (int r = 0; r < n; r++) {
            inv[r * n + c] = x[r];
        }
    }
    for (int e = 0; e < n * n; e++) {
        S(a, (off + e) * nd + b, inv[e]);
    }
}

/** y = A x for the n x n matrix at a[(off + r * n + c) * nd + b] (dense_invert's inverse); x, y private. */
void dense_apply(__global const double* a, int off, int n, int nd, int b, const real* x, real* y) {
    for (int r = 0; r < n; r++) {
        real s = G(a, (off + r * n) * nd + b) * x[0];
        for (int c = 1; c < n; c++) {
            s += G(a, (off + r * n + c) * nd + b) * x[c];
        }
        y[r] = s;
    }
}
