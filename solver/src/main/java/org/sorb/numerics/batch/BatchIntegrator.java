package org.sorb.numerics.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.SimulationResult;
import org.sorb.model.TimeIntegration;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnIntegrator;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.DesignProgress;
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

    private final BatchStepper stepper;
    // the stepper's per-design state, shared
    private final double[] t;
    private final double[] h;
    private final int[] section;
    private final boolean[] done;
    private final String[] failure;
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
        List<TimeIntegration> solvers = new ArrayList<>(nd);
        for (ColumnCase c : designs) {
            solvers.add(c.solver());
        }
        stepper = new BatchStepper(device, equations, solvers, new BatchStepper.Host() {
            @Override
            public void inlet(int b, double[] stepInfo) {
                recorder.inlet(b, stepInfo);
            }

            @Override
            public void step(int b, double t0, double step, double[] stageOutlets) {
                recorder.step(b, t0, step, stageOutlets);
            }

            @Override
            public String at(int b) {
                return BatchIntegrator.this.at(b);
            }
        });
        t = stepper.t;
        h = stepper.h;
        done = stepper.done;
        failure = stepper.failure;
        work = stepper.work;
        section = new int[nd];
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
        double[] target = new double[nd];
        DesignProgress lastReported = null;

        while (true) {
            if (budget.exhausted()) {
                for (int b = 0; b < nd; b++) {
                    if (!done[b]) {
                        fail(b, budget.over(designs.get(b).inlet().endTime()).exhaustedAt(t[b]));
                    }
                }
            }
            for (int b = 0; b < nd; b++) {
                target[b] = done[b] ? t[b] : target(b);
            }
            if (stepper.round(target) == 0) {
                break;
            }
            landOnTargets(target);
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
            tol[KernelLayout.Tol.ABS.at(nd, b)] = c.solver().absTol();
            tol[KernelLayout.Tol.REL.at(nd, b)] = c.solver().relTol();
            h[b] = c.solver().initialStep();
            stepper.eta[b] = 1.0;
        }
        device.write(Buf.Y, y0);
        device.write(Buf.PREV, y0);
        device.write(Buf.PREV_S2, y0);
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

    /** Reports the first {@code counted} designs' progress if it moved ({@link BatchReport}); the last reported. */
    private DesignProgress report(ProgressListener progress, int counted, DesignProgress last) {
        return BatchReport.report(progress, BatchReport.measure(done, failure, t, designs, counted), last);
    }

    /** After a round: the accepted designs that landed record their profiles and start their next sections. */
    private void landOnTargets(double[] target) {
        boolean[] sectionDone = new boolean[nd];
        boolean anySectionDone = false;
        boolean[] profileDue = new boolean[nd];
        boolean anyProfileDue = false;
        for (int b = 0; b < nd; b++) {
            if (stepper.accepted[b] == 0 || !stepper.landing[b]) {
                continue;
            }
            boolean sectionEnd = target[b] == designs.get(b).inlet().sections().get(section[b]).end();
            if (!sectionEnd || recorder.nextProfileTime(b) == target[b]) {
                profileDue[b] = true;
                anyProfileDue = true;
            }
            if (sectionEnd) {
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

    /** Design b fails for {@code reason} (the first reason stays) and does no more work. */
    private void fail(int b, String reason) {
        stepper.fail(b, reason);
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
                stepper.restart(b, designs.get(b).solver().initialStep());
            }
        }
        device.write(IntBuf.ACTIVE, mask);
        device.write(Buf.CIN, cin);
        device.residual(Buf.Y, Buf.F1);
    }
}
