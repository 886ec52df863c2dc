package org.sorb.numerics.batch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnSystem;
import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.EsdirkStepper;
import org.sorb.numerics.InletSegment;
import org.sorb.numerics.StagePredictor;

/**
 * A {@link BatchDevice} whose designs are each the single-column reference path: one {@link ColumnEquations},
 * {@link ColumnSystem} (with its {@link org.sorb.numerics.IterationMatrix}) and {@link EsdirkStepper} per design.
 * Every kernel unpacks a design's slice of the batch buffers (element l of design b at [l * nd + b]), calls the
 * reference classes, and packs the result back, so the physics, the Jacobian and its structured solve, the stage
 * equation and the step attempt are the ones {@code ColumnSimulator} runs, written once. The vector kernels are the
 * plain loops of {@link BatchVectors}. It is the oracle the OpenCL kernels are tested against, not a fast path.
 *
 * <p>What it reads and writes differs from the kernels in three ways, all of them device internals:
 * <ul>
 *   <li>the coefficients come from each design's {@link ColumnCase} (given at construction), not from PAR, and the
 *       tableau and the Newton tolerance from {@link Esdirk32} and {@link EsdirkStepper}, not from TABLEAU: those
 *       buffers are stored but not read, so a test must vary states, not hand-made parameters;</li>
 *   <li>the factorization lives in each design's iteration matrix: BLOCKS, LOWER, UPPER, BMAT, CMAT, BAND, PIV,
 *       BAND_PIV and BULK_RHS are never filled, and {@code solve} and {@code attempt} use the matrix of the last
 *       {@code factor} of that design;</li>
 *   <li>{@code attempt} leaves CIN, SUM and RHS, the kernels' scratch, as they were (it writes ERR, as they do).</li>
 * </ul>
 * Designs whose ACTIVE flag is 0 are not touched, as on the kernels.
 */
public final class ReferenceBatchDevice implements BatchDevice {
    private final KernelConstants k;
    private final int nd;
    private final int n;
    private final int nc;
    private final List<ColumnEquations> equations = new ArrayList<>();
    private final List<ColumnSystem> systems = new ArrayList<>();
    /** Per design, made for the tolerances in TOL when first needed (remade when TOL changes). */
    private final EsdirkStepper[] steppers;
    private final double[][] stepperTolerances;
    private final Map<Buf, double[]> buffers = new EnumMap<>(Buf.class);
    private final Map<IntBuf, int[]> intBuffers = new EnumMap<>(IntBuf.class);
    // one design's slices, reused
    private final double[] state;
    private final double[] start;
    private final double[] start2;
    private final double[] predictor = new double[StagePredictor.WEIGHTS];
    private final double[] sum;
    private final double[] out;
    private final double[] work;
    private final double[] mass;
    private final double[] cin;
    private final double[][] inletTerms;
    private final double[] zero;

    /**
     * @param designs designs of equal structure ({@link KernelConstants#of} equal for all), in batch order
     * @throws IllegalArgumentException when a design's structure differs from the first's
     */
    public ReferenceBatchDevice(List<ColumnCase> designs) {
        this.nd = designs.size();
        if (nd == 0) {
            throw new IllegalArgumentException("a batch needs a design");
        }
        this.k = KernelConstants.of(designs.get(0));
        for (int b = 0; b < nd; b++) {
            ColumnCase c = designs.get(b);
            if (!KernelConstants.of(c).equals(k)) {
                throw new IllegalArgumentException("design " + b + " differs in structure from the batch: "
                        + KernelConstants.of(c) + " vs " + k);
            }
            ColumnEquations eq = new ColumnEquations(c);
            equations.add(eq);
            systems.add(new ColumnSystem(eq));
        }
        this.n = k.unknowns();
        this.nc = k.nc();
        this.steppers = new EsdirkStepper[nd];
        this.stepperTolerances = new double[nd][];
        for (Buf b : Buf.values()) {
            buffers.put(b, new double[BatchBuffers.size(b, k, nd)]);
        }
        for (IntBuf b : IntBuf.values()) {
            intBuffers.put(b, new int[BatchBuffers.size(b, k, nd)]);
        }
        state = new double[n];
        start = new double[n];
        start2 = new double[n];
        sum = new double[n];
        out = new double[n];
        work = new double[n];
        mass = new double[n];
        cin = new double[nc];
        inletTerms = new double[InletSegment.TERMS][nc];
        zero = new double[nc];
    }

    private double[] d(Buf b) {
        return buffers.get(b);
    }

    private boolean active(int b) {
        return intBuffers.get(IntBuf.ACTIVE)[b] != 0;
    }

    /** Design b's first into.length elements of a buffer. */
    private void unpack(Buf buffer, int b, double[] into) {
        readDesign(buffer, b, into);
    }

    /** Writes from[0 .. n) as design b's elements of a state-sized buffer. */
    private void pack(double[] from, Buf buffer, int b) {
        double[] dst = d(buffer);
        for (int l = 0; l < n; l++) {
            dst[l * nd + b] = from[l];
        }
    }

    /** Design b's system with the constant inlet CIN (at time 0). */
    private ColumnSystem withInletBuffer(int b) {
        unpack(Buf.CIN, b, cin);
        ColumnSystem system = systems.get(b);
        system.inlet(0.0, cin, zero, zero, zero);
        return system;
    }

    @Override
    public KernelConstants constants() {
        return k;
    }

    @Override
    public int designs() {
        return nd;
    }

    @Override
    public void write(Buf buffer, double[] data) {
        System.arraycopy(data, 0, d(buffer), 0, data.length);
    }

    @Override
    public void read(Buf buffer, double[] data) {
        System.arraycopy(d(buffer), 0, data, 0, data.length);
    }

    @Override
    public void readDesign(Buf buffer, int b, double[] into) {
        double[] src = d(buffer);
        for (int l = 0; l < into.length; l++) {
            into[l] = src[l * nd + b];
        }
    }

    @Override
    public void write(IntBuf buffer, int[] data) {
        System.arraycopy(data, 0, intBuffers.get(buffer), 0, data.length);
    }

    @Override
    public void read(IntBuf buffer, int[] data) {
        System.arraycopy(intBuffers.get(buffer), 0, data, 0, data.length);
    }

    @Override
    public void residual(Buf y, Buf f) {
        for (int b = 0; b < nd; b++) {
            if (active(b)) {
                unpack(y, b, state);
                unpack(Buf.CIN, b, cin);
                equations.get(b).residual(state, cin, out);
                pack(out, f, b);
            }
        }
    }

    @Override
    public void stageRhs(Buf ys) {
        for (int b = 0; b < nd; b++) {
            if (active(b)) {
                stageRhsOf(b, ys);
                pack(out, Buf.RHS, b);
            }
        }
    }

    /** out = -(M (ys - Y) - SUM - HG F(ys)) of design b with inlet CIN. */
    private void stageRhsOf(int b, Buf ys) {
        unpack(ys, b, state);
        unpack(Buf.Y, b, start);
        unpack(Buf.SUM, b, sum);
        EsdirkStepper.stageRhs(withInletBuffer(b), 0.0, state, start, sum, d(Buf.HG)[b], out, work, mass);
    }


    @Override
    public void factor(Buf y) {
        int[] ok = intBuffers.get(IntBuf.OK);
        for (int b = 0; b < nd; b++) {
            if (active(b)) {
                unpack(y, b, state);
                if (!systems.get(b).factor(0.0, state, d(Buf.HG)[b])) {
                    ok[b] = 0;
                }
            }
        }
    }

    @Override
    public void solve(Buf x) {
        for (int b = 0; b < nd; b++) {
            if (active(b)) {
                unpack(x, b, out);
                systems.get(b).solve(out);
                pack(out, x, b);
            }
        }
    }

    @Override
    public void newtonIteration(Buf ys) {
        for (int b = 0; b < nd; b++) {
            if (active(b)) {
                stageRhsOf(b, ys);
                systems.get(b).solve(out);
                pack(out, Buf.RHS, b);
                BatchVectors.newtonUpdate(n, nd, b, d(ys), d(Buf.RHS), d(Buf.WEIGHT), d(Buf.NORM));
            }
        }
    }

    @Override
    public void attempt() {
        double[] step = d(Buf.STEP);
        double[] result = d(Buf.RESULT);
        for (int b = 0; b < nd; b++) {
            if (!active(b)) {
                continue;
            }
            double t = step[KernelLayout.Step.T.offset(nc) * nd + b];
            double h = step[KernelLayout.Step.H.offset(nc) * nd + b];
            for (int p = 0; p < InletSegment.TERMS; p++) {
                for (int c = 0; c < nc; c++) {
                    inletTerms[p][c] = step[KernelLayout.Step.inletTerm(p).at(nc, nd, b, c)];
                }
            }
            systems.get(b).inlet(step[KernelLayout.Step.INLET_START.at(nc, nd, b, 0)], inletTerms[0], inletTerms[1],
                    inletTerms[2], inletTerms[3]);
            unpack(Buf.Y, b, state);
            unpack(Buf.PREV, b, start);
            unpack(Buf.PREV_S2, b, start2);
            unpack(Buf.F1, b, out);
            for (int w = 0; w < StagePredictor.WEIGHTS; w++) {
                predictor[w] = step[KernelLayout.Step.PREDICTOR.at(nc, nd, b, w)];
            }
            EsdirkStepper stepper = stepper(b);
            long before = stepper.newtonIterations();
            EsdirkStepper.Status status = stepper.attemptFactored(t, h, d(Buf.HG)[b], state, out, start, start2,
                    predictor, d(Buf.ETA)[b]);
            BatchVectors.newtonWeights(n, nd, b, d(Buf.Y), d(Buf.TOL), d(Buf.WEIGHT));
            int reached = stepper.reachedStage();
            Buf[] stages = {Buf.S1, Buf.S2, Buf.S3};
            Buf[] rates = {Buf.FS1, Buf.FS2, Buf.FS3};
            for (int i = 1; i < Esdirk32.STAGES; i++) {
                if (i <= reached) {
                    pack(stepper.stage(i), stages[i - 1], b);
                }
                if (i < reached) {
                    pack(stepper.stageF(i), rates[i - 1], b);
                }
            }
            boolean failed = status != EsdirkStepper.Status.ACCEPTABLE;
            if (!failed) {
                pack(stepper.errorEstimate(), Buf.ERR, b);
            }
            d(Buf.ETA)[b] = stepper.eta();
            result[KernelLayout.Result.FAILED.at(nd, b)] = failed ? 1.0 : 0.0;
            result[KernelLayout.Result.ITERATIONS.at(nd, b)] = stepper.newtonIterations() - before;
            double norm = stepper.errorNorm();
            result[KernelLayout.Result.ERROR_NORM.at(nd, b)] = failed ? 0.0 : norm * norm * n;
        }
    }

    /** Design b's stepper for the tolerances in TOL. */
    private EsdirkStepper stepper(int b) {
        double[] tol = {d(Buf.TOL)[KernelLayout.Tol.ABS.at(nd, b)], d(Buf.TOL)[KernelLayout.Tol.REL.at(nd, b)]};
        if (steppers[b] == null || !java.util.Arrays.equals(tol, stepperTolerances[b])) {
            steppers[b] = new EsdirkStepper(systems.get(b), tol[0], tol[1]);
            stepperTolerances[b] = tol;
        }
        return steppers[b];
    }



    @Override
    public void newtonWeights() {
        for (int b = 0; b < nd; b++) {
            if (active(b)) {
                BatchVectors.newtonWeights(n, nd, b, d(Buf.Y), d(Buf.TOL), d(Buf.WEIGHT));
            }
        }
    }



    @Override
    public void copyActive(Buf src, Buf dst) {
        BatchVectors.copyActive(n, nd, intBuffers.get(IntBuf.ACTIVE), d(src), d(dst));
    }

    /** Every design's outlets (active or not, as the kernel), by {@link ColumnEquations#outlet}. */
    @Override
    public void gatherStageOutlets() {
        Buf[] stages = {Buf.Y, Buf.S1, Buf.S2, Buf.S3};
        double[] outlet = d(Buf.OUTLET);
        for (int b = 0; b < nd; b++) {
            for (int j = 0; j < stages.length; j++) {
                unpack(stages[j], b, state);
                for (int i = 0; i < nc; i++) {
                    outlet[(j * nc + i) * nd + b] = equations.get(b).outlet(state, i);
                }
            }
        }
    }

    @Override
    public void close() {
        buffers.clear();
        intBuffers.clear();
    }
}
