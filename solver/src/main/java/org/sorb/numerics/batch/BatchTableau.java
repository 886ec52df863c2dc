package org.sorb.numerics.batch;

import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.EsdirkStepper;

/**
 * The TABLEAU buffer the step-attempt kernels read: the coefficients of {@link Esdirk32} and the Newton tolerance
 * of {@link EsdirkStepper}, written from those classes so that they are typed once.
 */
public final class BatchTableau {
    /** Offsets in the buffer: a_ij row-major (16), b (4), b_hat (4), c (4), then the Newton tolerance. */
    public static final int A = 0;
    public static final int B = A + Esdirk32.STAGES * Esdirk32.STAGES;
    public static final int B_HAT = B + Esdirk32.STAGES;
    public static final int C = B_HAT + Esdirk32.STAGES;
    public static final int NEWTON_TOLERANCE = C + Esdirk32.STAGES;
    /** Values in the buffer (29). */
    public static final int LENGTH = NEWTON_TOLERANCE + 1;

    private BatchTableau() {
    }

    /** The buffer's values: a_ij, b, b_hat, c, Newton tolerance. */
    public static double[] values() {
        double[] tab = new double[LENGTH];
        System.arraycopy(Esdirk32.A, 0, tab, A, Esdirk32.STAGES * Esdirk32.STAGES);
        System.arraycopy(Esdirk32.B, 0, tab, B, Esdirk32.STAGES);
        System.arraycopy(Esdirk32.B_HAT, 0, tab, B_HAT, Esdirk32.STAGES);
        System.arraycopy(Esdirk32.C, 0, tab, C, Esdirk32.STAGES);
        tab[NEWTON_TOLERANCE] = EsdirkStepper.NEWTON_TOLERANCE;
        return tab;
    }
}
