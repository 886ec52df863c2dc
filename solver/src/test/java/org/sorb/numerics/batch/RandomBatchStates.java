package org.sorb.numerics.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.Discretization;
import org.sorb.model.SpectralElements;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.StagePredictor;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;

/**
 * The designs and random states on which devices are compared phase by phase ({@link PhaseAgreement}): every
 * device of a comparison gets the same values, from a fixed seed.
 */
public final class RandomBatchStates {
    /** Values of h gamma of the single phases, by design (b mod 3): a mild, a moderate and a stiff iteration matrix. */
    static final double[] PHASE_HG = {0.3, 1.7, 12.0};
    /** h gamma of the step attempt, times (1, 2, 5) by design: small enough for Newton to converge from these states. */
    static final double ATTEMPT_HG = 0.01;

    private RandomBatchStates() {
    }

    /**
     * {@code count} designs of CADET's benchmark column (two components) with model, binding model (a
     * {@link BindingFixtures} key) and kinetic setting, on nz x nr cells, rates and load time varying by design.
     * The equivalence tests' designs, so that their kernel programs are shared.
     */
    public static List<ColumnCase> designs(ColumnModel model, String binding, boolean kinetic, int count, int nz,
                                           int nr) {
        List<ColumnCase> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            out.add(BindingFixtures.column(model, binding, kinetic, 1.0 + 0.2 * d, nz, nr, 60.0 + 10 * (d % 8), 150.0));
        }
        return out;
    }

    /** {@link #designs} on spectral-element grid {@code dg} instead of finite volumes. */
    public static List<ColumnCase> designs(ColumnModel model, String binding, boolean kinetic, int count,
                                           SpectralElements dg) {
        Discretization d = Discretization.galerkin(dg);
        return designs(model, binding, kinetic, count, 7, 3).stream().map(c -> c.withDiscretization(d)).toList();
    }

    /** Why the column kernels do not take design {@code c} (its binding model has no kernel yet), or null. */
    public static String notOnKernels(ColumnCase c) {
        try {
            KernelConstants.of(c);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Every design active. */
    public static int[] allActive(int nd) {
        int[] a = new int[nd];
        Arrays.fill(a, 1);
        return a;
    }

    /** Every third design and the last half vector of {@code lanes} inactive: vectors of active and inactive lanes. */
    public static int[] mixedActive(int nd, int lanes) {
        int[] a = new int[nd];
        for (int b = 0; b < nd; b++) {
            a[b] = b % 3 == 1 || b >= nd - lanes / 2 ? 0 : 1;
        }
        return a;
    }

    /**
     * Writes the same random states (every element of Y, S1, F1, FS1..FS3, SUM, PREV, WEIGHT, PREV_S2 in
     * 0.05 .. 1.05), inlets, h gamma (by {@link #PHASE_HG}), tolerances (1e-8 absolute, 1e-6 relative), coefficients,
     * predictor weights, step information and contraction estimates to every device, with the designs' parameters
     * and the tableau.
     */
    public static void fill(List<BatchDevice> devices, List<ColumnCase> designs, int[] active) {
        KernelConstants k = devices.get(0).constants();
        int nd = designs.size();
        List<ColumnEquations> eqs = designs.stream().map(ColumnEquations::new).toList();
        Random rnd = new Random(7);
        write(devices, Buf.PAR, BatchParameters.pack(designs, eqs, k));
        for (Buf b : new Buf[] {Buf.Y, Buf.S1, Buf.F1, Buf.FS1, Buf.FS2, Buf.FS3, Buf.SUM, Buf.PREV, Buf.WEIGHT}) {
            write(devices, b, draw(rnd, BatchBuffers.size(b, k, nd)));
        }
        // from a draw of its own, so that the other buffers keep the states they had before PREV_S2 was added
        write(devices, Buf.PREV_S2, draw(new Random(8), BatchBuffers.size(Buf.PREV_S2, k, nd)));
        double[] cin = new double[k.nc() * nd];
        double[] hg = new double[nd];
        double[] tol = new double[2 * nd];
        double[] step = new double[BatchBuffers.size(Buf.STEP, k, nd)];
        double[] eta = new double[nd];
        double[] predictor = new double[StagePredictor.WEIGHTS];
        for (int b = 0; b < nd; b++) {
            for (int c = 0; c < k.nc(); c++) {
                cin[c * nd + b] = 0.1 + rnd.nextDouble();
                step[(KernelLayout.Step.INLET_VALUE.offset(k.nc()) + c) * nd + b] = cin[c * nd + b];
                double slope = 1e-3 * rnd.nextDouble();
                step[KernelLayout.Step.INLET_SLOPE.at(k.nc(), nd, b, c)] = slope;
                // quadratic and cubic terms from the same draw, so the other draws stay as they were
                step[KernelLayout.Step.INLET_QUADRATIC.at(k.nc(), nd, b, c)] = 1e-2 * slope;
                step[KernelLayout.Step.INLET_CUBIC.at(k.nc(), nd, b, c)] = -1e-4 * slope;
            }
            hg[b] = PHASE_HG[b % PHASE_HG.length];
            tol[KernelLayout.Tol.ABS.at(nd, b)] = 1e-8;
            tol[KernelLayout.Tol.REL.at(nd, b)] = 1e-6;
            double t = 10.0 * rnd.nextDouble();
            step[KernelLayout.Step.T.offset(k.nc()) * nd + b] = t;
            step[KernelLayout.Step.H.offset(k.nc()) * nd + b] = hg[b] / Esdirk32.GAMMA;
            // predictor weights of a step 0.5 to 2 times the previous one (the draw the old ratio field took)
            StagePredictor.weights(1.0, 0.5 + 1.5 * rnd.nextDouble(), predictor);
            for (int w = 0; w < StagePredictor.WEIGHTS; w++) {
                step[KernelLayout.Step.PREDICTOR.at(k.nc(), nd, b, w)] = predictor[w];
            }
            step[KernelLayout.Step.INLET_START.offset(k.nc()) * nd + b] = 0.5 * t;
            eta[b] = 0.01 + 0.5 * rnd.nextDouble();
        }
        write(devices, Buf.CIN, cin);
        write(devices, Buf.HG, hg);
        write(devices, Buf.TOL, tol);
        write(devices, Buf.STEP, step);
        write(devices, Buf.ETA, eta);
        write(devices, Buf.TABLEAU, KernelLayout.Tableau.contents());
        for (BatchDevice d : devices) {
            d.write(IntBuf.ACTIVE, active);
            d.write(IntBuf.OK, allActive(nd));
        }
    }

    /** {@code length} values in 0.05 .. 1.05. */
    private static double[] draw(Random rnd, int length) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = 0.05 + rnd.nextDouble();
        }
        return v;
    }

    /** Sets h gamma to {@link #ATTEMPT_HG} x (1, 2, 5) by design and STEP's h to match, on every device. */
    public static void attemptStep(List<BatchDevice> devices) {
        BatchDevice first = devices.get(0);
        int nd = first.designs();
        double[] hg = new double[nd];
        double[] step = new double[BatchBuffers.size(Buf.STEP, first.constants(), nd)];
        first.read(Buf.STEP, step);
        double[] factors = {1.0, 2.0, 5.0};
        for (int b = 0; b < nd; b++) {
            hg[b] = ATTEMPT_HG * factors[b % factors.length];
            step[KernelLayout.Step.H.offset(first.constants().nc()) * nd + b] = hg[b] / Esdirk32.GAMMA;
        }
        write(devices, Buf.HG, hg);
        write(devices, Buf.STEP, step);
    }

    private static void write(List<BatchDevice> devices, Buf buf, double[] data) {
        for (BatchDevice d : devices) {
            d.write(buf, data);
        }
    }
}
