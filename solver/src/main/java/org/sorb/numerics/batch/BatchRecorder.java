package org.sorb.numerics.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.InletSection;
import org.sorb.model.MassBalance;
import org.sorb.model.Profiles;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.InletSegment;
import org.sorb.numerics.Sizes;

/**
 * What {@link BatchIntegrator} feeds and records per design, as the single-column path does: the inlet segment of
 * its current section, outlet samples interpolated through the stage outlets, the inlet amounts by the exact
 * integral of the inlet cubic and the outlet amounts by the method's quadrature, profile snapshots, and at the end
 * each design's result (or its failure).
 */
final class BatchRecorder {
    private final List<ColumnCase> designs;
    private final List<ColumnEquations> equations;
    private final int nd;
    private final int nz;
    private final int nc;
    private final int cellStride;
    private final InletSegment[] inlets;
    private final double[] injected;
    private final double[] eluted;
    private final double[][] content0;
    private final double[][] outTimes;
    private final double[][] outlet;
    private final int[] nextOut;
    private final int[] nextProfile;
    private final double[][] profileBulk;
    private final double[][] profileBound;

    BatchRecorder(List<ColumnCase> designs, List<ColumnEquations> equations, KernelConstants k) {
        this.designs = designs;
        this.equations = equations;
        this.nd = designs.size();
        this.nz = k.nz();
        this.nc = k.nc();
        this.cellStride = k.cs();
        inlets = new InletSegment[nd];
        for (int b = 0; b < nd; b++) {
            inlets[b] = new InletSegment(nc);
        }
        int perComponent = BatchBuffers.size(BatchDevice.Buf.CIN, k, nd);
        injected = new double[perComponent];
        eluted = new double[perComponent];
        content0 = new double[nd][nc];
        outTimes = new double[nd][];
        outlet = new double[nd][];
        nextOut = new int[nd];
        nextProfile = new int[nd];
        profileBulk = new double[nd][];
        profileBound = new double[nd][];
    }

    /** Records design b's initial state (single-column layout): content, first outlet sample, profiles at t = 0. */
    void start(int b, double[] single) {
        ColumnCase c = designs.get(b);
        ColumnEquations eq = equations.get(b);
        eq.content(single, content0[b]);
        outTimes[b] = ColumnSimulator.outputTimes(c.output().interval(), c.inlet().endTime());
        outlet[b] = new double[Sizes.length(ColumnSimulator.outletElements(c), "outlet samples")];
        for (int i = 0; i < nc; i++) {
            outlet[b][i] = eq.outlet(single, i);
        }
        nextOut[b] = 1;
        int np = c.output().profileTimes().length;
        int snapshots = Sizes.length(ColumnSimulator.profileElements(c), "profile snapshots");
        profileBulk[b] = new double[snapshots];
        profileBound[b] = new double[snapshots];
        while (nextProfileTime(b) == 0.0) {
            profile(b, single);
        }
    }

    /**
     * Starts inlet section {@code s} for design b at time {@code t} (its cubic in t' - t); its inlet values at t go
     * to {@code cin} ([i * nd + b], the CIN buffer).
     */
    void section(int b, double t, InletSection s, double[] cin) {
        inlets[b].set(t, s);
        for (int i = 0; i < nc; i++) {
            cin[i * nd + b] = inlets[b].term(0, i);
        }
    }

    /** Design b's inlet segment (start and terms) into the STEP buffer of attempt_design. */
    void inlet(int b, double[] stepInfo) {
        KernelLayout.Step.putInlet(inlets[b], stepInfo, nc, nd, b);
    }

    /** Design b's next profile time, or positive infinity when none is left. */
    double nextProfileTime(int b) {
        double[] times = designs.get(b).output().profileTimes();
        return nextProfile[b] < times.length ? times[nextProfile[b]] : Double.POSITIVE_INFINITY;
    }

    /** Stores design b's current state (single-column layout) as its next profile snapshot. */
    void profile(int b, double[] single) {
        ColumnEquations eq = equations.get(b);
        int s = nextProfile[b];
        for (int j = 0; j < nz; j++) {
            int off = (s * nz + j) * nc;
            for (int i = 0; i < nc; i++) {
                profileBulk[b][off + i] = single[j * cellStride + i];
            }
            eq.averageBound(single, j, profileBound[b], off);
        }
        nextProfile[b]++;
    }

    /** Index in the OUTLET buffer (gather_stage_outlets) of component i's outlet in stage j of design b. */
    private int stageOutlet(int j, int i, int b) {
        return (j * nc + i) * nd + b;
    }

    /** Inlet and outlet amounts and outlet sampling for design b's accepted step [t0, t0 + step]. */
    void step(int b, double t0, double step, double[] stageOutlets) {
        ColumnEquations eq = equations.get(b);
        double flow = eq.bulkFraction() * eq.velocity();
        for (int i = 0; i < nc; i++) {
            double out = 0.0;
            for (int j = 0; j < Esdirk32.STAGES; j++) {
                out += Esdirk32.B[j] * stageOutlets[stageOutlet(j, i, b)];
            }
            injected[b * nc + i] += inlets[b].integral(i, t0, step) * flow;
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

    /** Rows of the solver-work counts per design ({@code work[row][b]}), in the order of {@link SolverStats}. */
    static final int STEPS = 0;
    static final int REJECTED = 1;
    static final int NEWTON_ITERATIONS = 2;
    static final int FACTORIZATIONS = 3;
    static final int WORK_ROWS = 4;

    /**
     * Every design's outcome: its failure where {@code failure[b]} is set, else its result from the final states
     * {@code y} (all designs, [l * nd + b]) and the solver work ({@link #WORK_ROWS} rows of counts).
     */
    List<DesignOutcome> outcomes(double[] y, String[] failure, long[][] work, double wall) {
        int n = y.length / nd;
        List<DesignOutcome> out = new ArrayList<>(nd);
        double[] single = new double[n];
        double[] content1 = new double[nc];
        for (int b = 0; b < nd; b++) {
            if (failure[b] != null) {
                out.add(DesignOutcome.failed(failure[b]));
                continue;
            }
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
                double[] z = new double[nz];
                for (int j = 0; j < nz; j++) {
                    z[j] = equations.get(b).position(j);
                }
                profiles = new Profiles(profileTimes, z, profileBulk[b], profileBound[b]);
            }
            out.add(DesignOutcome.ok(new SimulationResult(outTimes[b], outlet[b], nc,
                    new MassBalance(in, el, retained, relError), profiles,
                    new SolverStats(work[STEPS][b], work[REJECTED][b], work[NEWTON_ITERATIONS][b],
                            work[FACTORIZATIONS][b], wall))));
        }
        return out;
    }
}
