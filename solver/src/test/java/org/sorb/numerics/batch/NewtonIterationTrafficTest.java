package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The modeled traffic of one Newton iteration, counted by hand from the kernel source for a small column. */
class NewtonIterationTrafficTest {
    // 4 cells, 1 component, 1 bound state, 2 shells: 2 local blocks of 2 x 2, 5 unknowns per cell (20 in all), 17
    // parameters; kinetic Langmuir, WENO3.
    private static final KernelConstants SMALL = new KernelConstants(4, 1, 1, 2, 2, 2, 5, true, "langmuir",
            true, List.of(true), List.of(0), 0);

    @Test
    void theKernelsPassesCountedByHand() {
        assertEquals(17, SMALL.parameters());
        // stage_rhs_at: Y, y_n, sum read and rhs written (4 x 20), parameters 17, h gamma 1, c_in 1.
        long rhs = 8 * (80 + 17 + 1 + 1);
        // Forward, per cell: one shell level (inner block's rhs 2, its inverse 4, U 1, pore value read and written 2,
        // z written back 2) and the bulk pass (block 0's rhs 2, inverse 4, bulk value 1, B 2, z 2, bulkRhs 1).
        long forward = 8 * 4 * (11 + 12);
        // Band of 4 rows x 6: matrix 24, bulkRhs read and written in each direction 16; 4 pivots.
        long band = 8 * (24 + 16) + 4 * 4;
        // Back, per cell: bulk pass (bulkRhs 1, C 2, block 0's inverse 4 and rhs 2 read, bulk value 1 and block 0's
        // 2 written) and one shell level (L 1, outer pore value 1, rhs read and written 4, inverse's first column 2).
        long back = 8 * 4 * (12 + 8);
        // Update: delta, Y, weights read and Y written (4 x 20).
        long update = 8 * 80;
        assertEquals(rhs + forward + band + back + update, NewtonIterationTraffic.perDesign(SMALL, true));
        // LU factors: no z written back (2 less per pass, 4 passes of 4 cells' forward), the back shell reads the
        // whole factor (2 more), and each pass over the blocks reads their pivots (2 blocks x 2 rows, each way).
        long lu = rhs + (forward - 8 * 4 * 4) + band + (back + 8 * 4 * 2) + update + 2 * 4 * 4 * 4;
        assertEquals(lu, NewtonIterationTraffic.perDesign(SMALL, false));
    }

    @Test
    void theTwoHalfMinimumCountedByHand() {
        // First half: Y, y_n, sum 60, parameters 17, c_in 1, h gamma 1, blocks 32, U 8, B 8, z of the 16 local
        // unknowns, bulkRhs 4. Band: 24 + bulkRhs read and written 8, and its 4 pivots. Second half: z 16,
        // bulkRhs 4, block 0 whole and the inner block's first column (4 x 6), L 8, C 8, Y and weights read, Y
        // written 60.
        long first = 60 + 17 + 1 + 1 + 32 + 8 + 8 + 16 + 4;
        long second = 16 + 4 + 24 + 8 + 8 + 60;
        assertEquals(8 * (first + 32 + second) + 4 * 4, NewtonIterationTraffic.twoPassMinimum(SMALL, true));
        // LU factors: both inner blocks' factors whole (8 more) and the block pivots read in each half.
        assertEquals(8 * (first + 32 + second + 8) + 4 * (4 + 32), NewtonIterationTraffic.twoPassMinimum(SMALL,
                false));
    }

    @Test
    void distinctBytesLieBelowTheMinimumAndTheMinimumBelowTheKernels() {
        KernelConstants proteinA = new KernelConstants(64, 1, 1, 8, 8, 2, 17, true, "langmuir",
                true, List.of(true), List.of(0), 0);
        KernelConstants lumped = new KernelConstants(32, 2, 2, 0, 1, 2, 4, false, "linear",
                false, List.of(false, false), List.of(0, 1), 1);
        for (KernelConstants k : new KernelConstants[] {SMALL, proteinA, lumped}) {
            for (boolean inverse : new boolean[] {true, false}) {
                long distinct = BatchBuffers.newtonIterationBytes(k, inverse);
                long minimum = NewtonIterationTraffic.twoPassMinimum(k, inverse);
                long kernels = NewtonIterationTraffic.perDesign(k, inverse);
                assertTrue(distinct < minimum && minimum < kernels, k + " inverse " + inverse + ": " + distinct
                        + " < " + minimum + " < " + kernels);
            }
        }
    }
}
