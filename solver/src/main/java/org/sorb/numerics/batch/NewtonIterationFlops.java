package org.sorb.numerics.batch;

/**
 * Floating-point operations of one simplified Newton iteration of one design in {@code attempt_design}, counted from
 * the kernel source: the right-hand side ({@code stage_rhs_cells} or {@code stage_rhs_at}), the block eliminations
 * ({@code solve_forward_*}, {@code solve_back_*}, by the blocks' inverses or their LU factors), the band substitution
 * ({@code band_solve_at}) and the update with its norm ({@code newton_update_part}). Every add, subtract, multiply and divide counts one
 * flop (an FMA two, as in the FMA ceiling); absolute values, minima, selects and the per-iteration scalars of the
 * Newton test count nothing. No hardware counters are readable on the development machine, so this is how the
 * benchmark puts the kernel against the FMA ceiling.
 */
public final class NewtonIterationFlops {
    private NewtonIterationFlops() {
    }

    /**
     * The whole iteration: right-hand side, direct solve, update; blockInverse as the kernels' BLOCK_INVERSE, which
     * the host sets for the per-design kernels: those solve the shell blocks by their inverses and compute each
     * face's flux once ({@code stage_rhs_cells}); the work-group kernels solve by the LU factors and compute each
     * face's flux in both cells beside it ({@code stage_rhs_at}).
     */
    public static long perDesign(KernelConstants k, boolean blockInverse) {
        return stageRhs(k, blockInverse) + blockSolves(k, blockInverse) + bandSolve(k) + update(k);
    }

    /**
     * The right-hand side over every cell: F(Y) per cell, Y - y_n, M (Y - y_n) and -(M (Y - y_n) - sum - hg F), with
     * each face's flux computed once (facesOnce, {@code stage_rhs_cells}) or once for each cell beside it
     * ({@code stage_rhs_at}).
     */
    static long stageRhs(KernelConstants k, boolean facesOnce) {
        long perCell = k.cs() + massFlops(k) + 3L * k.cs();
        long total = facesOnce ? k.nc() * axialFlux(k, 0) : 0;
        for (int j = 0; j < k.nz(); j++) {
            total += cellResidual(k, j, facesOnce) + perCell;
        }
        return total;
    }

    /** F of cell j: axial fluxes (the left face's unless carried from cell j - 1), film and pore diffusion, binding. */
    static long cellResidual(KernelConstants k, int j, boolean leftFaceCarried) {
        long axial = k.nc() * ((leftFaceCarried ? 0 : axialFlux(k, j)) + axialFlux(k, j + 1) + 2L);
        long pores = 0;
        if (k.hasPores()) {
            long shells = 0;
            for (int s = 0; s < k.ns(); s++) {
                shells += (s == 0 ? 1 : 2) + (s < k.ns() - 1 ? 3 : 0);
            }
            pores = k.nc() * (3 + shells);
        }
        return axial + pores + (long) k.nblk() * bindingFlux(k);
    }

    /** {@code axial_flux} through a face: u c_in or u c at the ends, else u c_face - (D / dz)(c_r - c_l). */
    static long axialFlux(KernelConstants k, int face) {
        if (face == 0 || face == k.nz()) {
            return 1;
        }
        return 4 + (face == 1 ? 0 : faceValue(k));
    }

    /** {@code face_value}: WENO3 with one division, Koren's limiter, or upwind. */
    static long faceValue(KernelConstants k) {
        return switch (k.scheme()) {
            case 0 -> 20;
            case 1 -> 9;
            default -> 0;
        };
    }

    /**
     * {@code binding_flux} of one shell (all bound states), counted from {@code kernels/binding/<key>.cl}; a
     * {@code pow} or a division counts as one.
     *
     * @throws IllegalArgumentException for a binding model whose kernel has not been counted
     */
    static long bindingFlux(KernelConstants k) {
        long nb = k.nb();
        return switch (k.binding()) {
            // ka c - kd q
            case "linear" -> 3 * nb;
            // free sites (2 per state), then ka c qmax free - kd q (5)
            case "langmuir", "bi_langmuir" -> 7 * nb;
            // load (2), two Hill factors (5 each), ka qmax (fa - load) fg c - kd q (7)
            case "ph_langmuir" -> 19 * nb;
            // per protein: the sums (5) and ka c qb^nu - kd q c0^nu (7); the salt's row (2), the two scalings (2)
            case "steric_mass_action" -> 12 * (nb - 1) + 4;
            default -> throw new IllegalArgumentException("no flop count for binding model " + k.binding());
        };
    }

    /** {@code cell_mass}: the bound phase added to its liquid, per shell and bound state. */
    private static long massFlops(KernelConstants k) {
        return 2L * k.nblk() * k.nb();
    }

    /**
     * {@code block_solve} of an n x n block: by its inverse ({@code dense_apply}, n multiplications and n (n - 1)
     * FMAs) or by its LU factors ({@code dense_solve}, n (n - 1) / 2 FMAs each way and n multiplications): the same.
     */
    static long blockSolve(int n) {
        return 2L * n * (n - 1) + n;
    }

    /**
     * Forward elimination ({@code solve_forward_shell}, {@code solve_forward_bulk}) and back substitution
     * ({@code solve_back_bulk}, {@code solve_back_shell}) of every cell's local blocks.
     */
    static long blockSolves(KernelConstants k, boolean blockInverse) {
        long solve = blockSolve(k.bs());
        long forward = (k.nblk() - 1L) * (solve + 2L * k.nc()) + solve + 2L * k.nc() * k.bs();
        long backBulk = 2L * k.nc() * k.bs() + solve + k.bs();
        // inverse: x_k = z - D^-1 (L x_{k-1}); LU: x_k = D^-1 (r' - L x_{k-1})
        long backShell = blockInverse ? k.nc() + 2L * k.nc() * k.bs() : 2L * k.nc() + solve;
        return k.nz() * (forward + backBulk + (k.nblk() - 1L) * backShell);
    }

    /** {@code band_solve_at}: forward substitution with the row swaps, back substitution times 1 / u_kk. */
    static long bandSolve(KernelConstants k) {
        int rows = k.bandRows();
        int kl = 2 * k.nc();
        int ku = k.nc();
        long total = 0;
        for (int r = 0; r < rows; r++) {
            total += 2L * (Math.min(rows - 1, r + kl) - r);
            total += 2L * (Math.min(rows - 1, r + kl + ku) - r) + 1;
        }
        return total;
    }

    /** {@code newton_update_part}: y += delta and the sum of (delta w)^2. */
    static long update(KernelConstants k) {
        return 4L * k.unknowns();
    }
}
