package org.sorb.numerics.batch;

import java.util.EnumMap;
import java.util.Map;

/**
 * A {@link BatchDevice} in Java arrays running the kernels' twins from {@link ColumnKernels}: the reference the
 * OpenCL device is held equal to. It allocates small scratch arrays per call, like the kernels' private memory;
 * it is a test reference, not the fast Java path (that is the thread pool of {@code ColumnSimulator}s).
 */
public final class JavaBatchDevice implements BatchDevice {
    private final ColumnKernels kernels;
    private final KernelConstants k;
    private final int nd;
    private final Map<Buf, double[]> buffers = new EnumMap<>(Buf.class);
    private final Map<IntBuf, int[]> intBuffers = new EnumMap<>(IntBuf.class);

    /** The twins of a batch of {@code designs}; blockInverse as the OpenCL device's of the same name. */
    public JavaBatchDevice(KernelConstants k, int designs, boolean blockInverse) {
        this.k = k;
        this.nd = designs;
        this.kernels = new ColumnKernels(k, blockInverse);
        for (Buf b : Buf.values()) {
            buffers.put(b, new double[BatchBuffers.size(b, k, designs)]);
        }
        for (IntBuf b : IntBuf.values()) {
            intBuffers.put(b, new int[BatchBuffers.size(b, k, designs)]);
        }
    }

    private double[] d(Buf b) {
        return buffers.get(b);
    }

    private int[] i(IntBuf b) {
        return intBuffers.get(b);
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
        System.arraycopy(data, 0, i(buffer), 0, data.length);
    }

    @Override
    public void read(IntBuf buffer, int[] data) {
        System.arraycopy(i(buffer), 0, data, 0, data.length);
    }

    @Override
    public void residual(Buf y, Buf f) {
        for (int b = 0; b < nd; b++) {
            for (int j = 0; j < k.nz(); j++) {
                kernels.residual(j, b, d(y), d(Buf.CIN), d(Buf.PAR), i(IntBuf.ACTIVE), d(f), nd);
            }
        }
    }

    @Override
    public void stageRhs(Buf ys) {
        for (int b = 0; b < nd; b++) {
            for (int j = 0; j < k.nz(); j++) {
                kernels.stage_rhs(j, b, d(ys), d(Buf.Y), d(Buf.SUM), d(Buf.HG), d(Buf.CIN), d(Buf.PAR),
                        i(IntBuf.ACTIVE), d(Buf.RHS), nd);
            }
        }
    }

    @Override
    public void factor(Buf y) {
        for (int b = 0; b < nd; b++) {
            kernels.factor_design(b, d(y), d(Buf.PAR), d(Buf.HG), i(IntBuf.ACTIVE), d(Buf.BLOCKS), i(IntBuf.PIV),
                    d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT), d(Buf.CMAT), d(Buf.BAND), i(IntBuf.BAND_PIV), i(IntBuf.OK),
                    nd);
        }
    }

    @Override
    public void solve(Buf x) {
        for (int b = 0; b < nd; b++) {
            kernels.solve_design(b, d(Buf.BLOCKS), i(IntBuf.PIV), d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT), d(Buf.CMAT),
                    d(Buf.BAND), i(IntBuf.BAND_PIV), i(IntBuf.ACTIVE), d(x), d(Buf.BULK_RHS), nd);
        }
    }

    @Override
    public void newtonIteration(Buf ys) {
        for (int b = 0; b < nd; b++) {
            kernels.newton_iteration(b, d(ys), d(Buf.Y), d(Buf.SUM), d(Buf.HG), d(Buf.CIN), d(Buf.PAR), d(Buf.WEIGHT),
                    i(IntBuf.ACTIVE), d(Buf.BLOCKS), i(IntBuf.PIV), d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT),
                    d(Buf.CMAT), d(Buf.BAND), i(IntBuf.BAND_PIV), d(Buf.RHS), d(Buf.BULK_RHS), d(Buf.NORM), nd);
        }
    }

    @Override
    public void attempt() {
        for (int b = 0; b < nd; b++) {
            kernels.attempt_design(b, d(Buf.Y), d(Buf.PREV), d(Buf.F1), d(Buf.S1), d(Buf.S2), d(Buf.S3), d(Buf.FS1),
                    d(Buf.FS2), d(Buf.FS3), d(Buf.SUM), d(Buf.RHS), d(Buf.ERR), d(Buf.BULK_RHS), d(Buf.CIN),
                    d(Buf.PAR), d(Buf.TOL), d(Buf.WEIGHT), d(Buf.HG), d(Buf.TABLEAU), d(Buf.STEP), d(Buf.ETA),
                    d(Buf.RESULT), d(Buf.BLOCKS), i(IntBuf.PIV), d(Buf.LOWER), d(Buf.UPPER), d(Buf.BMAT),
                    d(Buf.CMAT), d(Buf.BAND), i(IntBuf.BAND_PIV), i(IntBuf.ACTIVE), nd);
        }
    }

    @Override
    public void newtonWeights() {
        for (int b = 0; b < nd; b++) {
            kernels.newton_weights(b, d(Buf.Y), d(Buf.TOL), i(IntBuf.ACTIVE), d(Buf.WEIGHT), nd);
        }
    }

    @Override
    public void copyActive(Buf src, Buf dst) {
        int n = k.unknowns();
        for (int b = 0; b < nd; b++) {
            for (int l = 0; l < n; l++) {
                kernels.copy_active(l, b, d(src), i(IntBuf.ACTIVE), d(dst), nd);
            }
        }
    }

    @Override
    public void gatherStageOutlets() {
        for (int b = 0; b < nd; b++) {
            kernels.gather_stage_outlets(b, d(Buf.Y), d(Buf.S1), d(Buf.S2), d(Buf.S3), d(Buf.OUTLET), nd);
        }
    }

    @Override
    public void close() {
        buffers.clear();
        intBuffers.clear();
    }
}
