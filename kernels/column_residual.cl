// Sorb column kernels: the semi-discrete model M dy/dt = F(y) per axial cell (or DG point: column_dg.cl).
// b is the work-item's first design; every value below holds one design per lane (see column_common.cl).

#if !DG_AXIAL
/** Convective-dispersive flux through face `face` (between cells face-1 and face) of component i. */
real axial_flux(__global const double* y, __global const double* cin, __global const double* par, int nd, int b,
                int face, int i) {
    real u = PAR(P_VEL);
    if (face == 0) {
        return u * G(cin, i * nd + b);
    }
    if (face == NZ) {
        return u * G(y, AT(BULK(NZ - 1, i)));
    }
    real cl = G(y, AT(BULK(face - 1, i)));
    real cr = G(y, AT(BULK(face, i)));
    real cf = face == 1 ? cl : face_value(G(y, AT(BULK(face - 2, i))), cl, cr);
    return u * cf - PAR(P_DISPDZ) * (cr - cl);
}
#endif

#if HAS_PORES && !DG_PARTICLE
/**
 * Exchange into shell k's pore value of component i: from the film (k = 0, film = c - c_p,0) or the next shell out,
 * plus from the next shell in, F = k_out (c_p,k-1 - c_p,k) + k_in (c_p,k+1 - c_p,k) with the packed coefficients.
 */
real shell_exchange(__global const double* y, __global const double* par, int nd, int b, int j, int k, int i,
                    real film) {
    real cp = G(y, AT(BLOCK(j, k) + i));
    real v;
    if (k == 0) {
        v = PAR(P_SHELLFILM + i) * film;
    } else {
        v = PAR(P_TOOUTER + k * NC + i) * (G(y, AT(BLOCK(j, k - 1) + i)) - cp);
    }
    if (k < NS - 1) {
        v += PAR(P_TOINNER + k * NC + i) * (G(y, AT(BLOCK(j, k + 1) + i)) - cp);
    }
    return v;
}
#endif

/** Film and pore diffusion into pore point k: the shells' (shell_exchange) or the DG particle's (column_dg.cl). */
#if DG_PARTICLE
#define PORE_EXCHANGE dg_pore_exchange
#else
#define PORE_EXCHANGE shell_exchange
#endif

/** F(y) of every unknown of cell j into f[0 .. CS) (cell-local order). */
void cell_residual(__global const double* y, __global const double* cin, __global const double* par, int nd, int b,
                   int j, real* f) {
#if DG_AXIAL
    for (int i = 0; i < NC; i++) {
        f[i] = dg_axial_row(y, cin, par, nd, b, j, i);
    }
#else
    real invDz = PAR(P_INVDZ);
    for (int i = 0; i < NC; i++) {
        f[i] = -(axial_flux(y, cin, par, nd, b, j + 1, i) - axial_flux(y, cin, par, nd, b, j, i)) * invDz;
    }
#endif
#if HAS_PORES
    for (int i = 0; i < NC; i++) {
        real film = G(y, AT(BULK(j, i))) - G(y, AT(BLOCK(j, 0) + i));
        f[i] -= PAR(P_BULKFILM + i) * film;
        for (int k = 0; k < NS; k++) {
            f[NC + k * BS + i] = PORE_EXCHANGE(y, par, nd, b, j, k, i, film);
        }
    }
#endif
    real fq[NB];
    for (int k = 0; k < NBLK; k++) {
        int cpOff = HAS_PORES ? BLOCK(j, k) : BULK(j, 0);
        binding_flux(y, cpOff, BLOCK(j, k) + QIN, par, nd, b, fq);
        for (int s = 0; s < NB; s++) {
            f[NC + k * BS + QIN + s] = fq[s];
        }
    }
}

/** out = M x for one cell's unknowns (cell-local order). */
void cell_mass(const real* x, real* out, __global const double* par, int nd, int b) {
    for (int l = 0; l < CS; l++) {
        out[l] = x[l];
    }
    real w = PAR(P_BOUNDW);
    for (int k = 0; k < NBLK; k++) {
        int liquid = HAS_PORES ? NC + k * BS : 0;
        for (int s = 0; s < NB; s++) {
            int q = NC + k * BS + QIN + s;
            out[liquid + component_of(s)] += w * x[q];
            out[q] = KINETIC_STATE(s) ? x[q] : (real) 0.0;
        }
    }
}

/** f = F(y) for every cell of the active designs (other designs' f untouched); global size (nd / LANES, NZ). */
void residual_at(int b, int j, __global const double* y, __global const double* cin, __global const double* par,
                 __global const int* active, __global double* f, int nd) {
    if (j >= NZ || b >= nd) {
        return;
    }
    lmask act = ACTIVE_LANES(active);
    if (!ANY(act)) {
        return;
    }
    real fc[CS];
    cell_residual(y, cin, par, nd, b, j, fc);
    for (int l = 0; l < CS; l++) {
        SM(f, AT(j * CS + l), fc[l], act);
    }
}

__kernel void residual(__global const double* y, __global const double* cin, __global const double* par,
                       __global const int* active, __global double* f, int nd) {
    int b = LANES * get_global_id(0);
    int j = get_global_id(1);
    if (b >= nd) {
        return;
    }
    TILE(y, N); TILE(cin, LEN_CIN); TILE(par, LEN_PAR); TILE(active, LEN_ACTIVE); TILE(f, N);
    TILE_END();
    residual_at(b, j, y, cin, par, active, f, nd);
}

/**
 * Newton right-hand side of a stage, rhs = -(M (Y - y_n) - sum - hg F(Y)), for the designs with active != 0
 * (rhs is scratch: lanes of inactive designs may be overwritten); global size (nd / LANES, NZ).
 */
void stage_rhs_at(int b, int j, __global const double* ys, __global const double* yn, __global const double* sum,
                  __global const double* hg, __global const double* cin, __global const double* par,
                  __global const int* active, __global double* rhs, int nd) {
    if (j >= NZ || b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    real fc[CS];
    real dx[CS];
    real m[CS];
    cell_residual(ys, cin, par, nd, b, j, fc);
    for (int l = 0; l < CS; l++) {
        dx[l] = G(ys, AT(j * CS + l)) - G(yn, AT(j * CS + l));
    }
    cell_mass(dx, m, par, nd, b);
    real h = G(hg, b);
    for (int l = 0; l < CS; l++) {
        S(rhs, AT(j * CS + l), -(m[l] - G(sum, AT(j * CS + l)) - h * fc[l]));
    }
}

__kernel void stage_rhs(__global const double* ys, __global const double* yn, __global const double* sum,
                        __global const double* hg, __global const double* cin, __global const double* par,
                        __global const int* active, __global double* rhs, int nd) {
    int b = LANES * get_global_id(0);
    int j = get_global_id(1);
    if (b >= nd) {
        return;
    }
    TILE(ys, N); TILE(yn, N); TILE(sum, N); TILE(hg, LEN_HG); TILE(cin, LEN_CIN); TILE(par, LEN_PAR);
    TILE(active, LEN_ACTIVE); TILE(rhs, N);
    TILE_END();
    stage_rhs_at(b, j, ys, yn, sum, hg, cin, par, active, rhs, nd);
}

/**
 * Stage derivative from the stage equation, f = (M (Y - y_n) - sum) / hg, for active designs (f is scratch),
 * cell j of design b; used by the step attempt.
 */
void stage_derivative_at(int b, int j, __global const double* ys, __global const double* yn,
                         __global const double* sum, __global const double* hg, __global const double* par,
                         __global const int* active, __global double* f, int nd) {
    if (j >= NZ || b >= nd || !ANY(ACTIVE_LANES(active))) {
        return;
    }
    real dx[CS];
    real m[CS];
    for (int l = 0; l < CS; l++) {
        dx[l] = G(ys, AT(j * CS + l)) - G(yn, AT(j * CS + l));
    }
    cell_mass(dx, m, par, nd, b);
    real h = G(hg, b);
    for (int l = 0; l < CS; l++) {
        S(f, AT(j * CS + l), (m[l] - G(sum, AT(j * CS + l))) / h);
    }
}

