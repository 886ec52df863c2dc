package org.sorb.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sorb.backend.opencl.KernelTimes;
import org.sorb.backend.opencl.OpenClBackend;
import org.sorb.backend.opencl.OpenClBatchDevice;
import org.sorb.backend.opencl.OpenClContext;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.batch.BatchBuffers;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;
import org.sorb.numerics.batch.BatchParameters;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.numerics.batch.KernelLayout;

/**
 * The parts of a Newton iteration timed apart: the stand-alone kernels {@code newton_iteration} (right-hand side,
 * direct solve, update), {@code solve_design} (the direct solve alone), {@code stage_rhs} and {@code factor_design},
 * each launched {@code repeats} times on the designs' parameters and a fixed random state (values in [0.05, 1.05],
 * h gamma 0.5 s), on a profiling context; with a work-group per design (a GPU) their {@code _group} versions. The
 * step-attempt kernel runs the same functions, so their shares carry over.
 */
public final class KernelBreakdown {
    private KernelBreakdown() {
    }

    /**
     * Device time per kernel over {@code repeats} launches each, largest first, in the lanes and work-group layout
     * {@code backend} would run the designs in; its context must profile.
     */
    public static List<KernelTimes.Entry> measure(OpenClBackend backend, List<ColumnCase> designs, int repeats) {
        OpenClContext ctx = backend.context();
        if (ctx.kernelTimes() == null) {
            throw new IllegalArgumentException("the kernel breakdown needs a context opened with profiling");
        }
        KernelConstants k = KernelConstants.of(designs.get(0));
        int lanes = OpenClBackend.lanesFor(ctx.device(), designs.size());
        List<ColumnCase> padded = OpenClBackend.padToLanes(designs, lanes);
        int nd = padded.size();
        int group = backend.workGroupSize(k, lanes);
        try (OpenClBatchDevice dev = new OpenClBatchDevice(ctx, k, nd, lanes, group, backend.tileFor(lanes, group))) {
            dev.write(Buf.PAR, BatchParameters.pack(padded, padded.stream().map(ColumnEquations::new).toList(), k));
            Random rnd = new Random(1);
            for (Buf b : new Buf[] {Buf.Y, Buf.S1, Buf.SUM}) {
                double[] v = new double[BatchBuffers.size(b, k, nd)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = 0.05 + rnd.nextDouble();
                }
                dev.write(b, v);
            }
            double[] hg = new double[nd];
            Arrays.fill(hg, 0.5);
            dev.write(Buf.HG, hg);
            double[] tol = new double[BatchBuffers.size(Buf.TOL, k, nd)];
            for (int b = 0; b < nd; b++) {
                tol[KernelLayout.Tol.ABS.at(nd, b)] = 1e-8;
                tol[KernelLayout.Tol.REL.at(nd, b)] = 1e-6;
            }
            dev.write(Buf.TOL, tol);
            int[] on = new int[nd];
            Arrays.fill(on, 1);
            dev.write(IntBuf.ACTIVE, on);
            dev.write(IntBuf.OK, on);
            dev.newtonWeights();
            dev.factor(Buf.Y);
            ctx.kernelTimes().clear();
            for (int r = 0; r < repeats; r++) {
                dev.factor(Buf.Y);
                dev.stageRhs(Buf.S1);
                dev.solve(Buf.RHS);
                dev.newtonIteration(Buf.S1);
            }
            List<KernelTimes.Entry> out = ctx.kernelTimes().entries();
            ctx.kernelTimes().clear();
            return out;
        }
    }
}
