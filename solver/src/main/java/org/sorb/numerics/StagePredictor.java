package org.sorb.numerics;

/**
 * The initial guesses of the implicit stages of {@link Esdirk32}, written once for the Java stepper and the kernels
 * (which get the weights in their STEP record): stage i starts its Newton iteration from
 * <pre>
 *   Y_i^0 = w_y y_n + w_a A_i + w_b B_i,   A_1 = A_2 = y_(n-1), B_1 = Y_2 of the previous step, B_2 = Y_1, A_3 = Y_1,
 *                                          B_3 = Y_2
 * </pre>
 * the quadratic through three known values in time: stage 1 (at t_n + c_1 h) from the previous step's start,
 * its stage 2 (at c_2 = 0.6 of it) and y_n, i.e. the previous step's dense output extrapolated; stage 2 from
 * y_(n-1), y_n and Y_1; stage 3 from y_n, Y_1 and Y_2. Without a previous step (a section's first step) stage 1
 * starts from y_n and stage 2 on the line through y_n and Y_1; after a previous step more than {@link #MAX_RATIO}
 * times shorter (a step that landed on a profile time) stages 1 and 2 take the lines through y_(n-1), y_n and
 * y_n, Y_1, as the quadratics would extrapolate far beyond their nodes.
 *
 * <p>Measured against the linear guesses (docs/numerics.md, "Time integration"): the first Newton corrections are
 * 10 to 40 times smaller (geometric means), 11 to 25 % fewer Newton iterations on the protein A case; the cubic
 * through all four stage values of the previous step extrapolated worse (its nodes c_1 = 0.87 and 1 lie close).
 */
public final class StagePredictor {
    /** Weights per implicit stage: on y_n, A_i and B_i. */
    public static final int PER_STAGE = 3;
    /** Weights of a step: {@link #PER_STAGE} for each implicit stage 1 .. STAGES - 1, stage by stage. */
    public static final int WEIGHTS = (Esdirk32.STAGES - 1) * PER_STAGE;
    /** Largest h / h_previous at which stages 1 and 2 use the quadratics through the previous step's values. */
    public static final double MAX_RATIO = 3.0;
    /** The previous step ends at the current start when within this of max(1 s, |t|) (landing round-off). */
    public static final double CONTIGUOUS = 1e-12;

    private StagePredictor() {
    }

    /**
     * The previous step size when the previous accepted step [end - size, end] ends at t, else 0 (no history).
     *
     * @param size the previous accepted step's size, 0 when there is none since the last restart
     */
    public static double previousStep(double size, double end, double t) {
        return size > 0.0 && Math.abs(end - t) <= CONTIGUOUS * Math.max(1.0, Math.abs(t)) ? size : 0.0;
    }

    /**
     * The weights of a step of size h after a previous step of size hPrevious (0: none) into w[0 ..
     * {@link #WEIGHTS}), stage i's (w_y, w_a, w_b) at (i - 1) {@link #PER_STAGE}.
     */
    public static void weights(double h, double hPrevious, double[] w) {
        double[] c = Esdirk32.C;
        double ratio = hPrevious > 0.0 ? h / hPrevious : 0.0;
        boolean quadratic = hPrevious > 0.0 && ratio <= MAX_RATIO;
        if (quadratic) {
            // in units of the previous step: y_(n-1) at 0, its Y_2 at c_2, y_n at 1
            double x = 1.0 + c[1] * ratio;
            lagrange(x, 0.0, c[2], 1.0, w, 1, 2, 0);
        } else if (hPrevious > 0.0) {
            set(w, 0, 1.0 + c[1] * ratio, -c[1] * ratio, 0.0);
        } else {
            set(w, 0, 1.0, 0.0, 0.0);
        }
        if (quadratic) {
            // in units of this step: y_(n-1) at -1 / ratio, y_n at 0, Y_1 at c_1
            lagrange(c[2], -1.0 / ratio, 0.0, c[1], w, PER_STAGE + 1, PER_STAGE, PER_STAGE + 2);
        } else {
            set(w, PER_STAGE, 1.0 - c[2] / c[1], 0.0, c[2] / c[1]);
        }
        lagrange(c[3], 0.0, c[1], c[2], w, 2 * PER_STAGE, 2 * PER_STAGE + 1, 2 * PER_STAGE + 2);
    }

    /** The initial guess of stage i (1 .. STAGES - 1): out = w_y y + w_a a + w_b b, the weights from {@link #weights}. */
    public static void predict(int i, double[] w, double[] y, double[] a, double[] b, double[] out) {
        int at = (i - 1) * PER_STAGE;
        double wy = w[at];
        double wa = w[at + 1];
        double wb = w[at + 2];
        for (int l = 0; l < out.length; l++) {
            out[l] = wy * y[l] + wa * a[l] + wb * b[l];
        }
    }

    private static void set(double[] w, int at, double wy, double wa, double wb) {
        w[at] = wy;
        w[at + 1] = wa;
        w[at + 2] = wb;
    }

    /** The Lagrange weights at x of the nodes x0, x1, x2 into w[i0], w[i1], w[i2]. */
    private static void lagrange(double x, double x0, double x1, double x2, double[] w, int i0, int i1, int i2) {
        w[i0] = (x - x1) * (x - x2) / ((x0 - x1) * (x0 - x2));
        w[i1] = (x - x0) * (x - x2) / ((x1 - x0) * (x1 - x2));
        w[i2] = (x - x0) * (x - x1) / ((x2 - x0) * (x2 - x1));
    }
}
