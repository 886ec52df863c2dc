package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;

/**
 * Runs every kernel phase on a device under test and on a reference device filled with the same random states
 * ({@link RandomBatchStates}) and compares what each wrote, phase by phase: residual, stage right-hand side and
 * derivative, factorization (ok flags) and solve (solutions, not factors, which are device internals), vector
 * kernels, a Newton iteration, and a whole step attempt. Differences are normwise: the largest difference over a
 * buffer's compared elements against the largest magnitude there. The largest seen per phase is kept for
 * {@link #report}.
 */
public final class PhaseAgreement {
    /**
     * The single phases. Both sides evaluate the same expressions in another order (the kernels multiply by packed
     * 1 / dz and D / dz where ColumnEquations divides, solve shell blocks by their inverses where IterationMatrix
     * uses their LU factors, sum in other orders): a few ulps (1e-16) of the largest term, times the condition of
     * the iteration matrix in the solve (up to ~1e3 at h gamma = 12 on these states); 1e-10 leaves two orders.
     */
    public static final double PHASE_RELATIVE = 1e-10;
    /**
     * The error estimate N^-1 h sum_j (b_j - b_hat_j) F_j and its squared norm: the stage derivatives
     * F_j = (M (Y_j - y) - sum) / (h gamma) carry the stages' rounding divided by h gamma (0.01 .. 0.05 here), and the
     * combination cancels them to ~1e-5 of their size, so a difference of 1e-16 in the stages shows at ~1e-10 in the
     * estimate (2.2e-10 measured); 1e-8 leaves two orders.
     */
    public static final double NEWTON_RELATIVE = 1e-8;
    /**
     * eta = rate / (1 - rate) from the ratio of two successive correction norms. The last correction of a converged
     * iteration is ~1e-9 of the state (tolerances 1e-8 absolute, 1e-6 relative), so state rounding (1e-16) shows in
     * it at ~1e-7 relative; eta is O(1) or below, so it agrees to this much absolutely (6.5e-9 measured).
     */
    public static final double ETA_ABSOLUTE = 1e-6;

    /**
     * Newton iterations a step attempt may differ by where every stage equation is linear (linear binding on spectral
     * elements, whose operators are linear too): the Jacobian is exact, a stage's second correction is rounding noise,
     * and the contraction estimate eta carried into the next stage is that noise (1e-10 here, measured), which decides
     * whether the next stage's first correction passes the test (eta^0.8 ||delta|| <= NewtonSettings.tolerance). Each
     * implicit stage may then take one iteration more or less on either side; the states, the error estimate and eta
     * are compared with the bounds above all the same (an extra iteration moves a state by rounding noise).
     */
    public static final int LINEAR_STAGE_ITERATIONS = org.sorb.numerics.Esdirk32.STAGES - 1;

    private static final Map<String, Double> LARGEST = new TreeMap<>();

    private PhaseAgreement() {
    }

    /**
     * Fills both devices (made for {@code designs}) with the same random states, runs every phase on both and
     * asserts agreement. {@code mustConverge}: some design's step attempt must succeed, so that the stage states
     * are compared (from random, inconsistent states, rapid equilibrium Langmuir may fail alike on both sides).
     */
    public static void phases(String label, BatchDevice reference, BatchDevice device, List<ColumnCase> designs,
                              int[] active, boolean mustConverge) {
        phases(label, reference, device, designs, active, mustConverge, 0);
    }

    /**
     * As above, with the step attempt's Newton iteration counts equal to within {@code iterationSlack} (0, or
     * {@link #LINEAR_STAGE_ITERATIONS} where every stage equation is linear).
     */
    public static void phases(String label, BatchDevice reference, BatchDevice device, List<ColumnCase> designs,
                              int[] active, boolean mustConverge, int iterationSlack) {
        KernelConstants k = reference.constants();
        int nd = designs.size();
        List<BatchDevice> both = List.of(reference, device);
        RandomBatchStates.fill(both, designs, active);
        for (int b : new int[] {0, nd - 1}) {
            double[] x = new double[k.unknowns()];
            double[] y = new double[k.unknowns()];
            reference.readDesign(Buf.Y, b, x);
            device.readDesign(Buf.Y, b, y);
            assertArrayEquals(x, y, label + ": readDesign of design " + b);
        }
        int[] all = RandomBatchStates.allActive(nd);
        run(both, d -> d.residual(Buf.Y, Buf.F1));
        close(label, "residual", reference, device, Buf.F1, all, PHASE_RELATIVE);
        run(both, d -> d.stageRhs(Buf.S1));
        close(label, "stage_rhs", reference, device, Buf.RHS, active, PHASE_RELATIVE);
        run(both, d -> d.factor(Buf.Y));
        int[] ok = sameInts(label + ": ok flags", reference, device, IntBuf.OK);
        int[] factored = new int[nd];
        for (int b = 0; b < nd; b++) {
            factored[b] = active[b] != 0 && ok[b] != 0 ? 1 : 0;
        }
        run(both, d -> d.solve(Buf.RHS));
        close(label, "solve", reference, device, Buf.RHS, factored, PHASE_RELATIVE);
        run(both, BatchDevice::newtonWeights);
        close(label, "newton_weights", reference, device, Buf.WEIGHT, all, PHASE_RELATIVE);
        run(both, d -> d.newtonIteration(Buf.S3));
        close(label, "newton_iteration norm", reference, device, Buf.NORM, factored, PHASE_RELATIVE);
        close(label, "newton_iteration state", reference, device, Buf.S3, factored, PHASE_RELATIVE);
        run(both, BatchDevice::gatherStageOutlets);
        close(label, "gather_stage_outlets", reference, device, Buf.OUTLET, all, PHASE_RELATIVE);
        attempt(label, reference, device, active, mustConverge, iterationSlack);
    }

    /** A whole step attempt from the random states at a small step, after a factorization there. */
    private static void attempt(String label, BatchDevice reference, BatchDevice device, int[] active,
                                boolean mustConverge, int iterationSlack) {
        KernelConstants k = reference.constants();
        int nd = active.length;
        List<BatchDevice> both = List.of(reference, device);
        RandomBatchStates.attemptStep(both);
        run(both, d -> d.factor(Buf.Y));
        int[] ok = sameInts(label + ": ok flags before the attempt", reference, device, IntBuf.OK);
        int[] attempting = new int[nd];
        for (int b = 0; b < nd; b++) {
            attempting[b] = active[b] != 0 && ok[b] != 0 ? 1 : 0;
        }
        for (BatchDevice d : both) {
            d.write(IntBuf.ACTIVE, attempting);
        }
        run(both, BatchDevice::attempt);
        double[] x = new double[BatchBuffers.size(Buf.RESULT, k, nd)];
        double[] y = new double[x.length];
        reference.read(Buf.RESULT, x);
        device.read(Buf.RESULT, y);
        int[] accepted = new int[nd];
        for (int b = 0; b < nd; b++) {
            assertEquals(x[b], y[b], label + ": attempt failure flag of design " + b);
            record("attempt Newton iterations (difference)", Math.abs(x[nd + b] - y[nd + b]));
            assertEquals(x[nd + b], y[nd + b], iterationSlack, label + ": attempt Newton iterations of design " + b);
            accepted[b] = attempting[b] != 0 && x[b] == 0.0 ? 1 : 0;
        }
        assertTrue(!mustConverge || java.util.Arrays.stream(accepted).sum() > 0,
                label + ": no design's attempt succeeded, nothing compared");
        closeScalars(label, "attempt squared error norm", x, y, 2 * nd, accepted, NEWTON_RELATIVE);
        double[] ex = new double[nd];
        double[] ey = new double[nd];
        reference.read(Buf.ETA, ex);
        device.read(Buf.ETA, ey);
        double etaDiff = 0.0;
        for (int b = 0; b < nd; b++) {
            etaDiff = Math.max(etaDiff, Math.abs(ex[b] - ey[b]));
        }
        record("attempt eta (absolute)", etaDiff);
        assertTrue(etaDiff <= ETA_ABSOLUTE, label + ": attempt eta differs by " + etaDiff);
        close(label, "attempt WEIGHT", reference, device, Buf.WEIGHT, attempting, PHASE_RELATIVE);
        for (Buf b : new Buf[] {Buf.S1, Buf.S2, Buf.S3, Buf.FS1, Buf.FS2, Buf.FS3}) {
            close(label, "attempt " + b, reference, device, b, accepted, PHASE_RELATIVE);
        }
        close(label, "attempt error estimate", reference, device, Buf.ERR, accepted, NEWTON_RELATIVE);
        // the accepted designs' step: copy_active moves them, and only them, on
        double[] before = new double[BatchBuffers.size(Buf.Y, k, nd)];
        device.read(Buf.Y, before);
        for (BatchDevice d : both) {
            d.write(IntBuf.ACTIVE, accepted);
        }
        run(both, d -> d.copyActive(Buf.S3, Buf.Y));
        close(label, "copy_active", reference, device, Buf.Y, accepted, PHASE_RELATIVE);
        double[] after = new double[before.length];
        device.read(Buf.Y, after);
        for (int b = 0; b < nd; b++) {
            for (int l = 0; accepted[b] == 0 && l < k.unknowns(); l++) {
                assertEquals(before[l * nd + b], after[l * nd + b], label + ": copy_active changed design " + b);
            }
        }
    }

    private static void run(List<BatchDevice> devices, java.util.function.Consumer<BatchDevice> phase) {
        devices.forEach(phase);
    }

    private static int[] sameInts(String what, BatchDevice reference, BatchDevice device, IntBuf buf) {
        int[] x = new int[BatchBuffers.size(buf, reference.constants(), reference.designs())];
        int[] y = new int[x.length];
        reference.read(buf, x);
        device.read(buf, y);
        assertArrayEquals(x, y, what);
        return x;
    }

    /** Compares buffer {@code buf} on the designs flagged in {@code which} (all of a per-design buffer's rows). */
    private static void close(String label, String phase, BatchDevice reference, BatchDevice device, Buf buf,
                              int[] which, double relative) {
        double[] x = new double[BatchBuffers.size(buf, reference.constants(), reference.designs())];
        double[] y = new double[x.length];
        reference.read(buf, x);
        device.read(buf, y);
        closeScalars(label, phase, x, y, 0, which, relative, x.length / which.length);
    }

    private static void closeScalars(String label, String phase, double[] x, double[] y, int offset, int[] which,
                                     double relative) {
        closeScalars(label, phase, x, y, offset, which, relative, 1);
    }

    private static void closeScalars(String label, String phase, double[] x, double[] y, int offset, int[] which,
                                     double relative, int rows) {
        int nd = which.length;
        double scale = 0.0;
        double diff = 0.0;
        for (int l = 0; l < rows; l++) {
            for (int b = 0; b < nd; b++) {
                if (which[b] != 0) {
                    int i = offset + l * nd + b;
                    assertTrue(Double.isFinite(x[i]), label + ": " + phase + " not finite on the reference at " + i);
                    scale = Math.max(scale, Math.abs(x[i]));
                    diff = Math.max(diff, Math.abs(x[i] - y[i]));
                }
            }
        }
        double rel = diff / Math.max(scale, Double.MIN_NORMAL);
        record(phase, rel);
        assertTrue(rel <= relative, label + ": " + phase + ": max difference " + diff + " at scale " + scale);
    }

    /** Keeps the largest value seen of {@code phase} for {@link #report}. */
    public static synchronized void record(String phase, double value) {
        LARGEST.merge(phase, value, Math::max);
    }

    /** The largest difference seen per phase since the last report, one line each (for a test class's output). */
    public static synchronized String report() {
        StringBuilder s = new StringBuilder();
        LARGEST.forEach((p, v) -> s.append(String.format("%-32s %.3e%n", p, v)));
        LARGEST.clear();
        return s.toString();
    }
}
