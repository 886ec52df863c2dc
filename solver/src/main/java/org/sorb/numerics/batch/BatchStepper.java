package org.sorb.numerics.batch;

import java.util.List;
import org.sorb.model.TimeIntegration;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnIntegrator;
import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.NonFiniteState;
import org.sorb.numerics.StagePredictor;
import org.sorb.numerics.StepSizeControl;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;

/**
 * The per-step core of the batched integrator: one step attempt of every design still running on a
 * {@link BatchDevice}, each toward its own target time, with the single-column path's step-size controller
 * ({@link StepSizeControl}, one per design), landing rule, rejection and failure tests ({@link ColumnIntegrator}).
 * Whoever drives it decides the targets and the inlets: {@link BatchIntegrator} runs whole inlet schedules,
 * {@link DeviceColumn} a host-given inlet interval by interval.
 *
 * <p>The host keeps each design's scalars here (time, step, Newton contraction, the last step for the predictor,
 * failures and solver work); the device does all per-unknown work.
 */
final class BatchStepper {
    /** What the driver supplies per design. */
    interface Host {
        /** Design b's inlet segment (start and cubic terms) into the STEP buffer of attempt_design. */
        void inlet(int b, double[] stepInfo);

        /** Design b's accepted step [t0, t0 + h], stage outlets of all designs in {@code stageOutlets} (OUTLET). */
        void step(int b, double t0, double h, double[] stageOutlets);

        /** Design b's simulated time in words, for failure messages. */
        String at(int b);
    }

    private final BatchDevice device;
    private final KernelConstants k;
    private final int nd;
    private final int n;
    private final List<ColumnEquations> equations;
    private final List<TimeIntegration> solvers;
    private final Host host;

    // per-design scalars
    final double[] t;
    final double[] h;
    final double[] eta;
    final double[] previousStepSize;
    final double[] previousEnd;
    final boolean[] done;
    final String[] failure;
    final int[] rejectedInARow;
    /** Each design's step-size controller. */
    private final StepSizeControl[] control;
    /** Solver work per design, rows {@link BatchRecorder#STEPS} to {@link BatchRecorder#FACTORIZATIONS}. */
    final long[][] work;
    /** Of the last round: each design's attempted step, whether it landed on its target, whether it was accepted. */
    final double[] hTry;
    final boolean[] landing;
    final int[] accepted;

    private final boolean[] failed;
    private final int[] active;
    private final int[] attempting;
    private final int[] suspect;
    private final int[] ok;
    private final double[] hg;
    private final double[] norm;
    private final double[] growth;
    private final double[] result;
    private final double[] stepInfo;
    private final double[] stageOutlets;
    private final double[] predictor = new double[StagePredictor.WEIGHTS];

    /**
     * @param device    the batch's device
     * @param equations each design's equations (layout and component names for failure messages)
     * @param solvers   each design's tolerances and step budget
     * @param host      the driver's inlets, accepted-step sink and time wording
     */
    BatchStepper(BatchDevice device, List<ColumnEquations> equations, List<TimeIntegration> solvers, Host host) {
        this.device = device;
        this.k = device.constants();
        this.nd = device.designs();
        this.n = k.unknowns();
        this.equations = equations;
        this.solvers = solvers;
        this.host = host;
        t = new double[nd];
        h = new double[nd];
        eta = new double[nd];
        previousStepSize = new double[nd];
        previousEnd = new double[nd];
        done = new boolean[nd];
        failure = new String[nd];
        rejectedInARow = new int[nd];
        control = new StepSizeControl[nd];
        for (int b = 0; b < nd; b++) {
            control[b] = new StepSizeControl();
        }
        work = new long[BatchRecorder.WORK_ROWS][nd];
        hTry = new double[nd];
        landing = new boolean[nd];
        accepted = new int[nd];
        failed = new boolean[nd];
        active = new int[nd];
        attempting = new int[nd];
        suspect = new int[nd];
        ok = new int[nd];
        hg = new double[nd];
        norm = new double[nd];
        growth = new double[nd];
        result = new double[BatchBuffers.size(Buf.RESULT, k, nd)];
        stepInfo = new double[BatchBuffers.size(Buf.STEP, k, nd)];
        stageOutlets = new double[BatchBuffers.size(Buf.OUTLET, k, nd)];
    }

    /**
     * One step attempt of every design not done, design b toward {@code target[b]} (landing on it when within
     * reach). Accepted steps go to the host ({@link Host#step}) and move the device's Y, PREV, PREV_S2 and F1 and the
     * design's time and step on; rejected ones shrink the step; designs that spend their step budget or whose step
     * size underflows fail. Marks {@link #accepted}.
     *
     * @return the number of designs that attempted a step (0 when every design is done)
     */
    int round(double[] target) {
        // step sizes and factorization
        int count = 0;
        for (int b = 0; b < nd; b++) {
            active[b] = 0;
            accepted[b] = 0;
            if (done[b]) {
                continue;
            }
            TimeIntegration s = solvers.get(b);
            if (work[BatchRecorder.STEPS][b] + work[BatchRecorder.REJECTED][b] >= s.maxSteps()) {
                fail(b, ColumnIntegrator.stepBudgetExhausted(s.maxSteps(), host.at(b)));
                continue;
            }
            active[b] = 1;
            count++;
            hTry[b] = Math.min(h[b], target[b] - t[b]);
            landing[b] = false;
            if (t[b] + hTry[b] >= target[b] - 1e-12 * Math.max(1.0, Math.abs(target[b]))) {
                hTry[b] = target[b] - t[b];
                landing[b] = true;
            }
            hg[b] = hTry[b] * Esdirk32.GAMMA;
            ok[b] = 1;
            failed[b] = false;
            work[BatchRecorder.FACTORIZATIONS][b]++;
        }
        if (count == 0) {
            return 0;
        }
        device.write(Buf.HG, hg);
        device.write(IntBuf.ACTIVE, active);
        device.write(IntBuf.OK, ok);
        device.factor(Buf.Y);
        device.read(IntBuf.OK, ok);
        // the whole attempt on the device: stages, Newton, error estimate
        boolean anySuspect = false;
        for (int b = 0; b < nd; b++) {
            failed[b] = active[b] != 0 && ok[b] == 0;
            attempting[b] = active[b] != 0 && !failed[b] ? 1 : 0;
            suspect[b] = attempting[b] != 0 && rejectedInARow[b] >= NonFiniteState.CHECK_AFTER_REJECTIONS - 1
                    ? 1 : 0;
            anySuspect |= suspect[b] != 0;
        }
        if (anySuspect) {
            // stages a failed attempt does not reach keep Y, so that a scan of S1..S3 sees only this attempt
            device.write(IntBuf.ACTIVE, suspect);
            device.copyActive(Buf.Y, Buf.S2);
            device.copyActive(Buf.Y, Buf.S3);
        }
        device.write(IntBuf.ACTIVE, attempting);
        device.write(Buf.STEP, stepInfo());
        device.write(Buf.ETA, eta);
        device.attempt();
        device.read(Buf.RESULT, result);
        device.read(Buf.ETA, eta);
        for (int b = 0; b < nd; b++) {
            if (attempting[b] != 0) {
                failed[b] = result[KernelLayout.Result.FAILED.at(nd, b)] != 0.0;
                work[BatchRecorder.NEWTON_ITERATIONS][b] += (long) result[KernelLayout.Result.ITERATIONS.at(nd, b)];
                norm[b] = result[KernelLayout.Result.ERROR_NORM.at(nd, b)];
            }
        }
        // decisions
        boolean anyAccepted = false;
        for (int b = 0; b < nd; b++) {
            if (active[b] == 0) {
                continue;
            }
            double minStep = ColumnIntegrator.MIN_RELATIVE_STEP * Math.max(1.0, Math.abs(target[b]));
            double err = failed[b] ? Double.NaN : Math.sqrt(norm[b] / n);
            boolean finite = Double.isFinite(err);
            if (!finite || err > 1.0) {
                reject(b, hTry[b], attempting[b] != 0, !failed[b]);
                h[b] = hTry[b] * (finite ? control[b].rejected(err) : control[b].failed());
                if (!done[b] && h[b] < minStep) {
                    fail(b, "step size underflow at " + host.at(b) + " (" + (finite ? "error test" : !failed[b]
                            ? "non-finite error estimate" : attempting[b] != 0 ? "NEWTON_FAILED" : "SINGULAR") + ")");
                }
                continue;
            }
            growth[b] = control[b].accepted(err);
            accepted[b] = 1;
            anyAccepted = true;
        }
        if (anyAccepted) {
            accept(target);
        }
        return count;
    }

    /** The STEP buffer of attempt_design: t, h, stage predictor weights, inlet start and the inlet cubic's terms. */
    private double[] stepInfo() {
        int nc = k.nc();
        for (int b = 0; b < nd; b++) {
            stepInfo[KernelLayout.Step.T.at(nc, nd, b, 0)] = t[b];
            stepInfo[KernelLayout.Step.H.at(nc, nd, b, 0)] = hTry[b];
            StagePredictor.weights(hTry[b], StagePredictor.previousStep(previousStepSize[b], previousEnd[b], t[b]),
                    predictor);
            for (int w = 0; w < StagePredictor.WEIGHTS; w++) {
                stepInfo[KernelLayout.Step.PREDICTOR.at(nc, nd, b, w)] = predictor[w];
            }
            host.inlet(b, stepInfo);
        }
        return stepInfo;
    }

    /** Takes the accepted designs' steps: hands them to the host and moves their states, times and steps on. */
    private void accept(double[] target) {
        device.gatherStageOutlets();
        device.read(Buf.OUTLET, stageOutlets);
        device.write(IntBuf.ACTIVE, accepted);
        device.copyActive(Buf.Y, Buf.PREV);
        device.copyActive(Buf.S2, Buf.PREV_S2);
        device.copyActive(Buf.S3, Buf.Y);
        device.copyActive(Buf.FS3, Buf.F1);
        for (int b = 0; b < nd; b++) {
            if (accepted[b] == 0) {
                continue;
            }
            rejectedInARow[b] = 0;
            host.step(b, t[b], hTry[b], stageOutlets);
            previousStepSize[b] = hTry[b];
            previousEnd[b] = t[b] + hTry[b];
            t[b] = landing[b] ? target[b] : t[b] + hTry[b];
            work[BatchRecorder.STEPS][b]++;
            double hNext = hTry[b] * growth[b];
            h[b] = landing[b] ? Math.max(hNext, h[b]) : hNext;
        }
    }

    /**
     * Counts a rejected attempt of design b; from the {@link NonFiniteState#CHECK_AFTER_REJECTIONS}-th in a row on,
     * fails the design when the attempt (if it ran) left a NaN or an infinity in a stage state or, when it was
     * complete, in its error estimate. The stages it did not reach hold Y (see the copies before the attempt).
     */
    private void reject(int b, double step, boolean attempted, boolean complete) {
        work[BatchRecorder.REJECTED][b]++;
        rejectedInARow[b]++;
        if (rejectedInARow[b] < NonFiniteState.CHECK_AFTER_REJECTIONS || !attempted) {
            return;
        }
        ColumnEquations eq = equations.get(b);
        String message = NonFiniteScan.attempt(device, b, eq.layout(), eq.columnCase().components(), complete,
                host.at(b), step, rejectedInARow[b]);
        if (message != null) {
            fail(b, message);
        }
    }

    /**
     * Design b starts afresh at its time (a new inlet section, a discontinuous inlet): no step history for the
     * predictor and the controller, and a step of at most {@code initialStep}.
     */
    void restart(int b, double initialStep) {
        previousStepSize[b] = 0.0;
        control[b].restart();
        h[b] = Math.min(h[b], initialStep);
    }

    /** Design b fails for {@code reason} (the first reason stays) and does no more work. */
    void fail(int b, String reason) {
        if (failure[b] == null) {
            failure[b] = reason;
        }
        done[b] = true;
    }
}
