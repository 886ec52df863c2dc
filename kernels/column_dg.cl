// Sorb column kernels: the discontinuous Galerkin spectral-element operators in the residual. Both are linear with
// constant coefficients, so they reach the kernels as data, packed per design with its parameters (DgStructure.java,
// from the design's own GalerkinTransport and GalerkinDiffusion, which define them):
//   DG_AXIAL      the axial transport f[c_j] = sum_l T_jl c_l + t_in,j c_in, the same band T for every component:
//                 row j at P_DG_T + j DG_TW + (l - j + DG_TL) for l = j - DG_TL .. j + DG_TU, t_in at P_DG_TIN + j
//   DG_PARTICLE   film and pore diffusion in the particle (general rate model), pore point k (0 at the surface):
//                 D_p,i sum_l A_kl c_p,l + film_k (k_f,i / eps_p) (c - c_p,0), A at P_DG_A + k NS + l (|k - l| <=
//                 DG_AB), D_p,i at P_DG_PORE + i, k_f,i / eps_p at P_DG_FILMRATE + i, film_k at P_DG_FILM + k for
//                 the DG_NF points of the outer element; the bulk sink is the finite volumes' (P_BULKFILM)
// The Jacobian of each is its own matrix (column_dg_solve.cl).

#if DG_AXIAL
/** Row j of the DG axial transport of component i: t_in,j c_in + sum_l T_jl c_l (BandOperator.row). */
real dg_axial_row(__global const double* y, __global const double* cin, __global const double* par, int nd, int b,
                  int j, int i) {
    real s = PAR(P_DG_TIN + j) * G(cin, i * nd + b);
    int last = min(NZ - 1, j + DG_TU);
    for (int l = max(0, j - DG_TL); l <= last; l++) {
        s += PAR(P_DG_T + j * DG_TW + l - j + DG_TL) * G(y, AT(BULK(l, i)));
    }
    return s;
}
#endif

#if DG_PARTICLE
/**
 * Film and pore diffusion into pore point k of component i at axial point j, film = c - c_p,0 (GalerkinDiffusion):
 * D_p,i sum_l A_kl c_p,l, plus film_k (k_f,i / eps_p) film on the outer element's points.
 */
real dg_pore_exchange(__global const double* y, __global const double* par, int nd, int b, int j, int k, int i,
                      real film) {
    real s = 0.0;
    int last = min(NS - 1, k + DG_AB);
    for (int l = max(0, k - DG_AB); l <= last; l++) {
        s += PAR(P_DG_A + k * NS + l) * G(y, AT(BLOCK(j, l) + i));
    }
    real v = PAR(P_DG_PORE + i) * s;
    if (k < DG_NF) {
        v += PAR(P_DG_FILM + k) * PAR(P_DG_FILMRATE + i) * film;
    }
    return v;
}
#endif
