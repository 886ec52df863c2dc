package org.sorb.numerics.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnIntegrator;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.DesignProgress;
import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.EsdirkStepper;
import org.sorb.numerics.NonFiniteState;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.SolverException;
import org.sorb.numerics.StateLayout;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;

/**
 * Advances a batch of column designs of equal structure on a {@link BatchDevice}, each design with its own
 * adaptive step, by the same algorithm as the single-column path ({@code ColumnSimulator},
 * {@code ColumnIntegrator}, {@link EsdirkStepper}): the same tableau, predictors, Newton test, error norm,
 * step-size controller, section landing, outlet interpolation and flux quadrature ({@link BatchRecorder}). The host
 * keeps each design's scalars (time, step, section, Newton contraction) and masks; the device does all per-unknown
 * work. Profiles are recorded at their times by landing on them, as the single-column path does.
 *
 * <p>A design that fails (step budget, step size underflow, a non-finite initial state, rate, stage state or error
 * estimate, found as {@link ColumnIntegrator} finds them) is recorded with its reason and goes idle (its ACTIVE flag
 * stays 0); the others go on. When the wall-clock budget is spent, every design not finished fails with that reason.
 */
public final class BatchIntegrator {
    private final List<ColumnCase> designs;
    private final BatchDevice device;
    private final KernelConstants k;
    private final int nd;
    private final int n;
    private final int nc;
    private final List<ColumnEquations> equations = new ArrayList<>();
    private final BatchRecorder recorder;

    // per-design scalars
    private final double[] t;
    private final double[] h;
    private final double[] eta;
    private final double[] previousStepSize;
    private final double[] previousEnd;
    private final int[] section;
    private final boolean[] done;
    private final String[] failure;
    private final int[] rejectedInARow;
    /** Solver work per design, rows {@link BatchRecorder#STEPS} to {@link BatchRecorder#FACTORIZATIONS}. */
    private final long[][] work;

    /**
     * @param designs designs of equal structure ({@link KernelConstants#of} equal for all)
     * @param device  a device made for {@code KernelConstants.of(designs.get(0))} and designs.size() designs
     */
    public BatchIntegrator(List<ColumnCase> designs, BatchDevice device) {
        this.designs = List.copyOf(designs);
        this.device = device;
        this.k = device.constants();
        this.nd = designs.size();
        if (device.designs() != nd) {
            throw new IllegalArgumentException("device holds " + device.designs() + " designs, batch has " + nd);
        }
        this.n = k.unknowns();
        this.nc = k.nc();
        for (ColumnCase c : designs) {
            equations.add(new ColumnEquations(c));
        }
        recorder = new BatchRecorder(this.designs, equations, k);
        t = new double[nd];
        h = new double[nd];
        eta = new double[nd];
        previousStepSize = new double[nd];
        previousEnd = new double[nd];
        section = new int[nd];
        done = new boolean[nd];
        failure = new String[nd];
        rejectedInARow = new int[nd];
        work = new long[BatchRecorder.WORK_ROWS][nd];
    }

    /** Where design b must land next: its section end, or an earlier profile time. */
    private double target(int b) {
        return Math.min(designs.get(b).inlet().sections().get(section[b]).end(), recorder.nextProfileTime(b));
    }

    /**
     * Runs every design to the end of its inlet schedule without a wall-clock budget, for callers that need every
     * design.
     *
     * @throws SolverException naming the first design that failed (after the others have finished)
     */
    public List<SimulationResult> run(ProgressListener progress) {
        List<DesignOutcome> outcomes = run(RunBudget.UNLIMITED, progress);
        List<SimulationResult> out = new ArrayList<>(nd);
        for (int b = 0; b < nd; b++) {
            if (outcomes.get(b).failed()) {
                throw new SolverException("design " + b + ": " + outcomes.get(b).failure());
            }
            out.add(outcomes.get(b).result());
        }
        return out;
    }

    /** Runs every design to the end of its inlet schedule or its failure; one outcome per design, in order. */
    public List<DesignOutcome> run(RunBudget budget, ProgressListener progress) {
        return run(budget, nd, progress);
    }

    /**
     * As {@link #run(RunBudget, ProgressListener)}, with progress reported for the first {@code counted} designs
     * only (the others pad the batch to a multiple of the device's lanes and are no work the caller asked for).
     */
    public List<DesignOutcome> run(RunBudget budget, int counted, ProgressListener progress) {
        if (counted < 1 || counted > nd) {
            throw new IllegalArgumentException("counted designs " + counted + " not in 1.." + nd);
        }
        long started = System.nanoTime();
        start();
        double[] hTry = new double[nd];
        boolean[] landing = new boolean[nd];
        boolean[] failed = new boolean[nd];
        int[] active = new int[nd];
        int[] attempting = new int[nd];
        int[] suspect = new int[nd];
        int[] ok = new int[nd];
        double[] hg = new double[nd];
        double[] norm = new double[nd];
        double[] result = new double[BatchBuffers.size(Buf.RESULT, k, nd)];
        double[] stepInfo = new double[BatchBuffers.size(Buf.STEP, k, nd)];
        double[] stageOutlets = new double[BatchBuffers.size(Buf.OUTLET, k, nd)];
        DesignProgress lastReported = null;

        while (true) {
            if (budget.exhausted()) {
                for (int b = 0; b < nd; b++) {
                    if (!done[b]) {
                        fail(b, budget.over(designs.get(b).inlet().endTime()).exhaustedAt(t[b]));
                    }
                }
            }
            // step sizes and factorization
            int count = 0;
            for (int b = 0; b < nd; b++) {
                active[b] = 0;
                if (done[b]) {
                    continue;
                }
                ColumnCase c = designs.get(b);
                if (work[BatchRecorder.STEPS][b] + work[BatchRecorder.REJECTED][b] >= c.solver().maxSteps()) {
                    fail(b, ColumnIntegrator.stepBudgetExhausted(c.solver().maxSteps(), at(b)));
                    continue;
                }
                active[b] = 1;
                count++;
                double target = target(b);
                hTry[b] = Math.min(h[b], target - t[b]);
                landing[b] = false;
                if (t[b] + hTry[b] >= target - 1e-12 * Math.max(1.0, Math.abs(target))) {
                    hTry[b] = target - t[b];
                    landing[b] = true;
                }
                hg[b] = hTry[b] * Esdirk32.GAMMA;
                ok[b] = 1;
                failed[b] = false;
                work[BatchRecorder.FACTORIZATIONS][b]++;
            }
            if (count == 0) {
                break;
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
            device.write(Buf.STEP, stepInfo(hTry, stepInfo));
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
            int[] accepted = new int[nd];
            double[] growth = new double[nd];
            boolean anyAccepted = false;
            for (int b = 0; b < nd; b++) {
                if (active[b] == 0) {
                    continue;
                }
                double minStep = ColumnIntegrator.MIN_RELATIVE_STEP * Math.max(1.0, Math.abs(target(b)));
                double err = failed[b] ? Double.NaN : Math.sqrt(norm[b] / n);
                boolean finite = Double.isFinite(err);
                growth[b] = finite ? ColumnIntegrator.stepGrowth(err) : 0.0;
                if (!finite || err > 1.0) {
                    reject(b, hTry[b], attempting[b] != 0, !failed[b]);
                    h[b] = hTry[b] * (finite ? Math.min(1.0, growth[b]) : ColumnIntegrator.NEWTON_FAILURE_SHRINK);
                    if (!done[b] && h[b] < minStep) {
                        fail(b, "step size underflow at " + at(b) + " (" + (finite ? "error test" : !failed[b]
                                ? "non-finite error estimate" : attempting[b] != 0 ? "NEWTON_FAILED" : "SINGULAR") + ")");
                    }
                    continue;
                }
                accepted[b] = 1;
                anyAccepted = true;
            }
            if (anyAccepted) {
                accept(accepted, hTry, landing, growth, stageOutlets);
            }
            lastReported = report(progress, counted, lastReported);
        }
        report(progress, counted, lastReported); // designs a spent budget stopped after the last step
        double[] y = new double[BatchBuffers.size(Buf.Y, k, nd)];
        device.read(Buf.Y, y);
        return recorder.outcomes(y, failure, work, (System.nanoTime() - started) * 1e-9);
    }

    /**
     * Writes every design's initial state, parameters and tolerances to the device and starts its first section;
     * designs whose initial state cannot be made or is not finite, or whose rates there are not, fail.
     */
    private void start() {
        double[] y0 = new double[BatchBuffers.size(Buf.Y, k, nd)];
        double[] tol = new double[BatchBuffers.size(Buf.TOL, k, nd)];
        for (int b = 0; b < nd; b++) {
            ColumnCase c = designs.get(b);
            double[] single = new double[n];
            try {
                single = new ColumnSimulator(c).initialState();
            } catch (SolverException e) {
                fail(b, e.getMessage());
            }
            StateLayout layout = equations.get(b).layout();
            int bad = layout.firstNonFinite(single);
            if (bad >= 0) {
                fail(b, NonFiniteState.inInitialState(layout, c.components(), bad, single[bad], at(b)));
                Arrays.fill(single, 0.0);
            }
            for (int l = 0; l < n; l++) {
                y0[l * nd + b] = single[l];
            }
            recorder.start(b, single);
            tol[b] = c.solver().absTol();
            tol[nd + b] = c.solver().relTol();
            h[b] = c.solver().initialStep();
            eta[b] = 1.0;
        }
        device.write(Buf.Y, y0);
        device.write(Buf.PREV, y0);
        device.write(Buf.PAR, BatchParameters.pack(designs, equations, k));
        device.write(Buf.TOL, tol);
        device.write(Buf.TABLEAU, KernelLayout.Tableau.contents());
        boolean[] starting = new boolean[nd];
        for (int b = 0; b < nd; b++) {
            starting[b] = !done[b];
        }
        startSection(starting);
        // finite rates at the start: one read of F1 for the whole batch
        double[] f1 = new double[BatchBuffers.size(Buf.F1, k, nd)];
        device.read(Buf.F1, f1);
        double[] single = new double[n];
        for (int b = 0; b < nd; b++) {
            StateLayout layout = equations.get(b).layout();
            int bad = done[b] ? -1 : NonFiniteScan.firstNonFinite(f1, b, nd, layout, single);
            if (bad >= 0) {
                fail(b, NonFiniteState.inRate(layout, designs.get(b).components(), bad, single[bad], at(b)));
            }
        }
    }

    /** The STEP buffer of attempt_design: t, h, stage-1 predictor ratio, inlet start, inlet value and slope. */
    private double[] stepInfo(double[] hTry, double[] stepInfo) {
        for (int b = 0; b < nd; b++) {
            int nc = k.nc();
            stepInfo[KernelLayout.Step.T.at(nc, nd, b, 0)] = t[b];
            stepInfo[KernelLayout.Step.H.at(nc, nd, b, 0)] = hTry[b];
            stepInfo[KernelLayout.Step.RATIO.at(nc, nd, b, 0)] = previousStepSize[b] > 0.0
                    && Math.abs(previousEnd[b] - t[b]) <= 1e-12 * Math.max(1.0, Math.abs(t[b]))
                    ? -Esdirk32.C[1] * hTry[b] / previousStepSize[b] : 0.0;
            recorder.inlet(b, stepInfo);
        }
        return stepInfo;
    }

    /** Reports the first {@code counted} designs' progress if it moved ({@link BatchReport}); the last reported. */
    private DesignProgress report(ProgressListener progress, int counted, DesignProgress last) {
        return BatchReport.report(progress, BatchReport.measure(done, failure, t, designs, counted), last);
    }

    /** Takes the accepted designs' steps: records them, moves their states on, lands on profiles and sections. */
    private void accept(int[] accepted, double[] hTry, boolean[] landing, double[] growth, double[] stageOutlets) {
        device.gatherStageOutlets();
        device.read(Buf.OUTLET, stageOutlets);
        device.write(IntBuf.ACTIVE, accepted);
        device.copyActive(Buf.Y, Buf.PREV);
        device.copyActive(Buf.S3, Buf.Y);
        device.copyActive(Buf.FS3, Buf.F1);
        boolean[] sectionDone = new boolean[nd];
        boolean anySectionDone = false;
        boolean[] profileDue = new boolean[nd];
        boolean anyProfileDue = false;
        for (int b = 0; b < nd; b++) {
            if (accepted[b] == 0) {
                continue;
            }
            rejectedInARow[b] = 0;
            recorder.step(b, t[b], hTry[b], stageOutlets);
            previousStepSize[b] = hTry[b];
            previousEnd[b] = t[b] + hTry[b];
            double target = target(b);
            boolean sectionEnd = target == designs.get(b).inlet().sections().get(section[b]).end();
            t[b] = landing[b] ? target : t[b] + hTry[b];
            work[BatchRecorder.STEPS][b]++;
            double hNext = hTry[b] * growth[b];
            h[b] = landing[b] ? Math.max(hNext, h[b]) : hNext;
            if (landing[b] && (!sectionEnd || recorder.nextProfileTime(b) == target)) {
                profileDue[b] = true;
                anyProfileDue = true;
            }
            if (landing[b] && sectionEnd) {
                section[b]++;
                if (section[b] >= designs.get(b).inlet().sections().size()) {
                    done[b] = true;
                } else {
                    sectionDone[b] = true;
                    anySectionDone = true;
                }
            }
        }
        if (anyProfileDue) {
            // only the designs that are due: reading all of Y here would move nd x nd states over a run
            double[] single = new double[n];
            for (int b = 0; b < nd; b++) {
                if (profileDue[b]) {
                    device.readDesign(Buf.Y, b, single);
                    recorder.profile(b, single);
                }
            }
        }
        if (anySectionDone) {
            startSection(sectionDone);
        }
    }

    /**
     * Counts a rejected attempt of design b; from the {@link NonFiniteState#CHECK_AFTER_REJECTIONS}-th in a row on,
     * fails the design when the attempt (if it ran) left a NaN or an infinity in a stage state or, when it was
     * complete, in its error estimate. The stages it did not reach hold Y (see the copies before the attempt).
     */
    private void reject(int b, double hTry, boolean attempted, boolean complete) {
        work[BatchRecorder.REJECTED][b]++;
        rejectedInARow[b]++;
        if (rejectedInARow[b] < NonFiniteState.CHECK_AFTER_REJECTIONS || !attempted) {
            return;
        }
        String message = NonFiniteScan.attempt(device, b, equations.get(b).layout(), designs.get(b).components(),
                complete, at(b), hTry, rejectedInARow[b]);
        if (message != null) {
            fail(b, message);
        }
    }

    /** Design b fails for {@code reason} (the first reason stays) and does no more work. */
    private void fail(int b, String reason) {
        if (failure[b] == null) {
            failure[b] = reason;
        }
        done[b] = true;
    }

    /** Design b's simulated time in words: "simulated t = 12 s of 480 s". */
    private String at(int b) {
        return RunBudget.simulatedTime(t[b], designs.get(b).inlet().endTime());
    }

    /** Sets the inlet of the marked designs to their current section and recomputes their F1 there. */
    private void startSection(boolean[] which) {
        int[] mask = new int[nd];
        double[] cin = new double[BatchBuffers.size(Buf.CIN, k, nd)];
        for (int b = 0; b < nd; b++) {
            if (which[b]) {
                mask[b] = 1;
                recorder.section(b, t[b], designs.get(b).inlet().sections().get(section[b]), cin);
                previousStepSize[b] = 0.0;
                h[b] = Math.min(h[b], designs.get(b).solver().initialStep());
            }
        }
        device.write(IntBuf.ACTIVE, mask);
        device.write(Buf.CIN, cin);
        device.residual(Buf.Y, Buf.F1);
    }
}
