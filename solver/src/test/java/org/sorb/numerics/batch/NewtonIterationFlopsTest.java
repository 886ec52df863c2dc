package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The flops of one Newton iteration, counted by hand from the kernel source for a small general-rate column. */
class NewtonIterationFlopsTest {
    // 4 cells, 1 component, 1 bound state, 2 shells: 2 local blocks of 2 x 2, 5 unknowns per cell; kinetic Langmuir.
    private static final KernelConstants WENO = new KernelConstants(4, 1, 1, 2, 2, 2, 5, true, "langmuir",
            true, List.of(true), List.of(0), 0);

    @Test
    void aSmallGeneralRateColumnCountedByHand() {
        // Axial, per cell: its two faces (inlet 1, face 1 = 4 without a face value, inner faces 4 + 20 for WENO3,
        // outlet 1) and the difference times 1 / dz (2): cells 7, 30, 50, 27 (the work-group kernels). The
        // per-design kernels carry each face's flux to the next cell: the inlet 1, then per cell its right face and
        // the difference, 6, 26, 26, 3.
        long axialLu = 7 + 30 + 50 + 27;
        long axial = 1 + 6 + 26 + 26 + 3;
        // Film 3 and shells (outer: 1 + 3 towards the inner one; inner: 2), per cell.
        long pores = 4 * (3 + 4 + 2);
        // Langmuir per shell: free sites 2, flux 5.
        long binding = 4 * 2 * 7;
        // Y - y_n (5), mass (2 shells x 2), right-hand side 3 per unknown (15), per cell.
        long rhsRest = 4 * (5 + 4 + 15);
        // Per cell: forward (the inner block's inverse applied 6 + coupling 2, then the outer block's 6 + B 4),
        // back (C c 4, the outer inverse applied 6, subtracted 2; then the inner block: L x 1, D^-1 column times
        // it 2, subtracted 2).
        long blocks = 4 * ((6 + 2 + 6 + 4) + (4 + 6 + 2 + 1 + 2 + 2));
        // With the LU factors the inner block's back step is coupling 2 + solve 6 instead of 5.
        long blocksLu = blocks + 4 * (2 + 6 - 5);
        // Band of 4 rows, kl = 2, ku = 1: forward 4 + 4 + 2 + 0, back 7 + 5 + 3 + 1.
        long band = 10 + 16;
        // Update: 20 unknowns x (add, multiply, square and sum).
        long update = 20 * 4;
        long rest = pores + binding + rhsRest + band + update;
        assertEquals(axial + rest + blocks, NewtonIterationFlops.perDesign(WENO, true));
        assertEquals(axialLu + rest + blocksLu, NewtonIterationFlops.perDesign(WENO, false));
    }

    @Test
    void theSchemeAndBindingChangeOnlyTheirTerms() {
        KernelConstants upwind = new KernelConstants(4, 1, 1, 2, 2, 2, 5, true, "langmuir",
                true, List.of(true), List.of(0), 2);
        KernelConstants linear = new KernelConstants(4, 1, 1, 2, 2, 2, 5, true, "linear",
                true, List.of(true), List.of(0), 0);
        // WENO3's face value on the two inner faces, computed once each (per-design kernels) or by both cells.
        assertEquals(2 * 20, NewtonIterationFlops.perDesign(WENO, true)
                - NewtonIterationFlops.perDesign(upwind, true));
        assertEquals(4 * 20, NewtonIterationFlops.perDesign(WENO, false)
                - NewtonIterationFlops.perDesign(upwind, false));
        // Linear binding: 3 per shell instead of Langmuir's 7.
        assertEquals(8 * (7 - 3), NewtonIterationFlops.perDesign(WENO, false)
                - NewtonIterationFlops.perDesign(linear, false));
    }
}
