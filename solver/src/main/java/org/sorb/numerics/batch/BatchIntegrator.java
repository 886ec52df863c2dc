package org.sorb.numerics.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.InletSection;
import org.sorb.model.MassBalance;
import org.sorb.model.Profiles;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnIntegrator;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.EsdirkStepper;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.Sizes;
import org.sorb.numerics.SolverException;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;

/**
 * Advances a batch of column designs of equal structure on a {@link BatchDevice}, each design with its own
 * adaptive step, by the same algorithm as the single-column path ({@code ColumnSimulator},
 * {@code ColumnIntegrator}, {@link EsdirkStepper}): the same tableau, predictors, Newton test, error norm,
 * step-size controller, section landing, outlet interpolation and flux quadrature. The host keeps each design's
 * scalars (time, step, section, Newton contraction) and masks; the device does all per-unknown work.
 * Profiles are recorded at their times by landing on them, as the single-column path does.
 */
public final class BatchIntegrator {
    private final List<ColumnCase> designs;
    private final BatchDevice device;
    private final KernelConstants k;
    private final int nd;
    private final int n;
    private final int nc;
    private final List<ColumnEquations> equations = new ArrayList<>();

    // per-design scalars
    private final double[] t;
    private final double[] h;
    private final double[] eta;
    private final double[] previousStepSize;
    private final double[] previousEnd;
    private final int[] section;
    private final boolean[] done;
    private final long[] steps;
    private final long[] rejected;
    private final long[] newtonIterations;
    private final long[] factorizations;
    private final double[] inletStart;
    private final double[] inletValue;
    private final double[] inletSlope;
    private final double[] injected;
    private final double[] eluted;
    private final double[][] outTimes;
    private final double[][] outlet;
    private final int[] nextOut;
    private final int[] nextProfile;
    private final double[][] profileBulk;
    private final double[][] profileBound;

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
        t = new double[nd];
        h = new double[nd];
        eta = new double[nd];
        previousStepSize = new double[nd];
        previousEnd = new double[nd];
        section = new int[nd];
        done = new boolean[nd];
        steps = new long[nd];
        rejected = new long[nd];
        newtonIterations = new long[nd];
        factorizations = new long[nd];
        inletStart = new double[nd];
        int perComponent = BatchBuffers.size(Buf.CIN, k, nd);
        inletValue = new double[perComponent];
        inletSlope = new double[perComponent];
        injected = new double[perComponent];
        eluted = new double[perComponent];
        outTimes = new double[nd][];
        outlet = new double[nd][];
        nextOut = new int[nd];
        nextProfile = new int[nd];
        profileBulk = new double[nd][];
        profileBound = new double[nd][];
    }

    /** Where design b must land next: its section end, or an earlier profile time. */
    private double target(int b) {
        ColumnCase c = designs.get(b);
        double target = c.inlet().sections().get(section[b]).end();
        double[] profiles = c.output().profileTimes();
        if (nextProfile[b] < profiles.length && profiles[nextProfile[b]] <= target) {
            target = profiles[nextProfile[b]];
        }
        return target;
    }

    /** Runs every design to the end of its inlet schedule. */
    public List<SimulationResult> run(ProgressListener progress) {
        long started = System.nanoTime();
        double[] y0 = new double[BatchBuffers.size(Buf.Y, k, nd)];
        double[][] content0 = new double[nd][nc];
        double[] tol = new double[BatchBuffers.size(Buf.TOL, k, nd)];
        for (int b = 0; b < nd; b++) {
            ColumnCase c = designs.get(b);
            double[] single = new ColumnSimulator(c).initialState();
            for (int l = 0; l < n; l++) {
                y0[l * nd + b] = single[l];
            }
            equations.get(b).content(single, content0[b]);
            tol[b] = c.solver().absTol();
            tol[nd + b] = c.solver().relTol();
            h[b] = c.solver().initialStep();
            eta[b] = 1.0;
            double end = c.inlet().endTime();
            outTimes[b] = ColumnSimulator.outputTimes(c.output().interval(), end);
            outlet[b] = new double[Sizes.length(ColumnSimulator.outletElements(c), "outlet samples")];
            for (int i = 0; i < nc; i++) {
                outlet[b][i] = equations.get(b).outlet(single, i);
            }
            nextOut[b] = 1;
            int np = c.output().profileTimes().length;
            int snapshots = Sizes.length(ColumnSimulator.profileElements(c), "profile snapshots");
            profileBulk[b] = new double[snapshots];
            profileBound[b] = new double[snapshots];
            while (nextProfile[b] < np && c.output().profileTimes()[nextProfile[b]] == 0.0) {
                recordProfile(b, single);
            }
        }
        device.write(Buf.Y, y0);
        device.write(Buf.PREV, y0);
        device.write(Buf.PAR, BatchParameters.pack(designs, equations, k));
        device.write(Buf.TOL, tol);
        device.write(Buf.TABLEAU, ColumnKernels.tableau());
        boolean[] all = new boolean[nd];
        Arrays.fill(all, true);
        startSection(all);

        double[] hTry = new double[nd];
        boolean[] landing = new boolean[nd];
        boolean[] failed = new boolean[nd];
        int[] active = new int[nd];
        int[] ok = new int[nd];
        double[] hg = new double[nd];
        double[] norm = new double[nd];
        double[] result = new double[BatchBuffers.size(Buf.RESULT, k, nd)];
        double[] stageOutlets = new double[BatchBuffers.size(Buf.OUTLET, k, nd)];
        double lastReported = -1.0;

        while (true) {
            int count = 0;
            for (int b = 0; b < nd; b++) {
                active[b] = done[b] ? 0 : 1;
                count += active[b];
            }
            if (count == 0) {
                break;
            }
            // step sizes and factorization
            for (int b = 0; b < nd; b++) {
                if (active[b] == 0) {
                    continue;
                }
                ColumnCase c = designs.get(b);
                double target = target(b);
                if (steps[b] + rejected[b] >= c.solver().maxSteps()) {
                    throw new SolverException("design " + b + ": step budget of " + c.solver().maxSteps()
                            + " exhausted at t = " + t[b] + " s");
                }
                hTry[b] = Math.min(h[b], target - t[b]);
                landing[b] = false;
                if (t[b] + hTry[b] >= target - 1e-12 * Math.max(1.0, Math.abs(target))) {
                    hTry[b] = target - t[b];
                    landing[b] = true;
                }
                hg[b] = hTry[b] * Esdirk32.GAMMA;
                ok[b] = 1;
                failed[b] = false;
                factorizations[b]++;
            }
            device.write(Buf.HG, hg);
            device.write(IntBuf.ACTIVE, active);
            device.write(IntBuf.OK, ok);
            device.factor(Buf.Y);
            device.read(IntBuf.OK, ok);
            for (int b = 0; b < nd; b++) {
                if (active[b] != 0 && ok[b] == 0) {
                    failed[b] = true;
                }
            }
            // the whole attempt on the device: stages, Newton, error estimate
            double[] stepInfo = new double[BatchBuffers.size(Buf.STEP, k, nd)];
            int[] attempting = new int[nd];
            for (int b = 0; b < nd; b++) {
                attempting[b] = active[b] != 0 && !failed[b] ? 1 : 0;
                stepInfo[b] = t[b];
                stepInfo[nd + b] = hTry[b];
                stepInfo[2 * nd + b] = previousStepSize[b] > 0.0
                        && Math.abs(previousEnd[b] - t[b]) <= 1e-12 * Math.max(1.0, Math.abs(t[b]))
                        ? -Esdirk32.C[1] * hTry[b] / previousStepSize[b] : 0.0;
                stepInfo[3 * nd + b] = inletStart[b];
                for (int c = 0; c < nc; c++) {
                    stepInfo[(4 + c) * nd + b] = inletValue[b * nc + c];
                    stepInfo[(4 + nc + c) * nd + b] = inletSlope[b * nc + c];
                }
            }
            device.write(IntBuf.ACTIVE, attempting);
            device.write(Buf.STEP, stepInfo);
            device.write(Buf.ETA, eta);
            device.attempt();
            device.read(Buf.RESULT, result);
            device.read(Buf.ETA, eta);
            for (int b = 0; b < nd; b++) {
                if (attempting[b] != 0) {
                    failed[b] = result[b] != 0.0;
                    newtonIterations[b] += (long) result[nd + b];
                    norm[b] = result[2 * nd + b];
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
                if (failed[b]) {
                    rejected[b]++;
                    h[b] = hTry[b] * ColumnIntegrator.NEWTON_FAILURE_SHRINK;
                    if (h[b] < minStep) {
                        throw new SolverException("design " + b + ": step size underflow at t = " + t[b] + " s");
                    }
                    continue;
                }
                double err = Math.sqrt(norm[b] / n);
                growth[b] = ColumnIntegrator.stepGrowth(err);
                if (err > 1.0) {
                    rejected[b]++;
                    h[b] = hTry[b] * Math.min(1.0, growth[b]);
                    if (h[b] < minStep) {
                        throw new SolverException("design " + b + ": step size underflow at t = " + t[b] + " s");
                    }
                    continue;
                }
                accepted[b] = 1;
                anyAccepted = true;
            }
            if (!anyAccepted) {
                continue;
            }
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
                record(b, hTry[b], stageOutlets);
                previousStepSize[b] = hTry[b];
                previousEnd[b] = t[b] + hTry[b];
                double target = target(b);
                boolean sectionEnd = target == designs.get(b).inlet().sections().get(section[b]).end();
                t[b] = landing[b] ? target : t[b] + hTry[b];
                steps[b]++;
                double hNext = hTry[b] * growth[b];
                h[b] = landing[b] ? Math.max(hNext, h[b]) : hNext;
                if (landing[b] && !sectionEnd) {
                    profileDue[b] = true;
                    anyProfileDue = true;
                } else if (landing[b]) {
                    if (nextProfile[b] < designs.get(b).output().profileTimes().length
                            && designs.get(b).output().profileTimes()[nextProfile[b]] == target) {
                        profileDue[b] = true;
                        anyProfileDue = true;
                    }
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
                        recordProfile(b, single);
                    }
                }
            }
            if (anySectionDone) {
                startSection(sectionDone);
            }
            double fraction = 0.0;
            for (int b = 0; b < nd; b++) {
                fraction += done[b] ? 1.0 : t[b] / designs.get(b).inlet().endTime();
            }
            fraction /= nd;
            if (fraction - lastReported >= 0.001) {
                progress.progress(fraction, String.format("%d designs, mean progress %.1f %%", nd, 100 * fraction));
                lastReported = fraction;
            }
        }
        return results(content0, (System.nanoTime() - started) * 1e-9);
    }

    /** Sets the inlet of the marked designs to their current section and recomputes their F1 there. */
    private void startSection(boolean[] which) {
        int[] mask = new int[nd];
        double[] cin = new double[BatchBuffers.size(Buf.CIN, k, nd)];
        for (int b = 0; b < nd; b++) {
            if (!which[b]) {
                continue;
            }
            mask[b] = 1;
            InletSection s = designs.get(b).inlet().sections().get(section[b]);
            inletStart[b] = t[b];
            for (int i = 0; i < nc; i++) {
                inletValue[b * nc + i] = s.concentration()[i];
                inletSlope[b * nc + i] = s.slope()[i];
                cin[i * nd + b] = inletValue[b * nc + i];
            }
            previousStepSize[b] = 0.0;
            h[b] = Math.min(h[b], designs.get(b).solver().initialStep());
        }
        device.write(IntBuf.ACTIVE, mask);
        device.write(Buf.CIN, cin);
        device.residual(Buf.Y, Buf.F1);
    }

    /** Index in the OUTLET buffer (gather_stage_outlets) of component i's outlet in stage j of design b. */
    private int stageOutlet(int j, int i, int b) {
        return (j * nc + i) * nd + b;
    }

    /** Quadrature of inlet and outlet fluxes and outlet sampling for an accepted step of design b. */
    private void record(int b, double step, double[] stageOutlets) {
        ColumnEquations eq = equations.get(b);
        double flow = eq.bulkFraction() * eq.velocity();
        double t0 = t[b];
        for (int i = 0; i < nc; i++) {
            double in = 0.0;
            double out = 0.0;
            for (int j = 0; j < Esdirk32.STAGES; j++) {
                double tj = t0 + Esdirk32.C[j] * step;
                in += Esdirk32.B[j] * (inletValue[b * nc + i] + inletSlope[b * nc + i] * (tj - inletStart[b]));
                out += Esdirk32.B[j] * stageOutlets[stageOutlet(j, i, b)];
            }
            injected[b * nc + i] += step * in * flow;
            eluted[b * nc + i] += step * out * flow;
        }
        double t1 = t0 + step;
        double[] times = outTimes[b];
        while (nextOut[b] < times.length && times[nextOut[b]] <= t1 * (1.0 + 1e-14)) {
            double theta = Math.min(1.0, (times[nextOut[b]] - t0) / step);
            for (int i = 0; i < nc; i++) {
                outlet[b][nextOut[b] * nc + i] = Esdirk32.interpolate(theta, stageOutlets[stageOutlet(0, i, b)],
                        stageOutlets[stageOutlet(1, i, b)], stageOutlets[stageOutlet(2, i, b)],
                        stageOutlets[stageOutlet(3, i, b)]);
            }
            nextOut[b]++;
        }
    }

    /** Stores design b's current state (single-column layout) as its next profile snapshot. */
    private void recordProfile(int b, double[] single) {
        ColumnEquations eq = equations.get(b);
        int s = nextProfile[b];
        for (int j = 0; j < k.nz(); j++) {
            int off = (s * k.nz() + j) * nc;
            for (int i = 0; i < nc; i++) {
                profileBulk[b][off + i] = single[j * k.cs() + i];
            }
            eq.averageBound(single, j, profileBound[b], off);
        }
        nextProfile[b]++;
    }

    private List<SimulationResult> results(double[][] content0, double wall) {
        double[] y = new double[BatchBuffers.size(Buf.Y, k, nd)];
        device.read(Buf.Y, y);
        List<SimulationResult> out = new ArrayList<>(nd);
        double[] single = new double[n];
        double[] content1 = new double[nc];
        for (int b = 0; b < nd; b++) {
            for (int l = 0; l < n; l++) {
                single[l] = y[l * nd + b];
            }
            equations.get(b).content(single, content1);
            double[] in = Arrays.copyOfRange(injected, b * nc, (b + 1) * nc);
            double[] el = Arrays.copyOfRange(eluted, b * nc, (b + 1) * nc);
            double[] retained = new double[nc];
            double relError = 0.0;
            for (int i = 0; i < nc; i++) {
                retained[i] = content1[i] - content0[b][i];
                double scale = Math.max(Math.max(Math.abs(in[i]), Math.abs(content0[b][i])), Double.MIN_NORMAL);
                relError = Math.max(relError, Math.abs(in[i] - el[i] - retained[i]) / scale);
            }
            double[] profileTimes = designs.get(b).output().profileTimes();
            Profiles profiles = null;
            if (profileTimes.length > 0) {
                double[] z = new double[k.nz()];
                for (int j = 0; j < k.nz(); j++) {
                    z[j] = (j + 0.5) * equations.get(b).cellWidth();
                }
                profiles = new Profiles(profileTimes, z, profileBulk[b], profileBound[b]);
            }
            out.add(new SimulationResult(outTimes[b], outlet[b], nc, new MassBalance(in, el, retained, relError), profiles,
                    new SolverStats(steps[b], rejected[b], newtonIterations[b], factorizations[b], wall)));
        }
        return out;
    }
}
