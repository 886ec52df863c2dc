package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.batch.BatchBuffers;
import org.sorb.numerics.batch.BatchDevice;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;
import org.sorb.numerics.batch.BatchIntegrator;
import org.sorb.numerics.batch.BatchParameters;
import org.sorb.numerics.batch.JavaBatchDevice;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.verification.TestCases;

/**
 * The OpenCL kernels against their Java twins on the same random states (residual, Jacobian blocks, local
 * elimination, band factors, solves, vector kernels: 1e-12 relative), and whole batched simulations on OpenCL
 * against single-column Java runs (1e-9 relative), for every model, binding model, and kinetic or equilibrium.
 */
class ColumnKernelEquivalenceTest {
    static final double KERNEL_RELATIVE = 1e-12;
    static final double WHOLE_RUN_RELATIVE = 1e-9;
    private static OpenClContext context;

    @BeforeAll
    static void open() {
        OpenClTestSupport.requirePlatform();
        context = OpenClContext.open(null);
    }

    @AfterAll
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    static Stream<Arguments> configurations() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (ColumnModel m : ColumnModel.values()) {
            for (String binding : new String[] {"linear", "langmuir", "bi_langmuir"}) {
                for (boolean kinetic : new boolean[] {true, false}) {
                    b.add(Arguments.of(m, binding, kinetic));
                }
            }
        }
        return b.build();
    }

    static List<ColumnCase> designs(ColumnModel model, String binding, boolean kinetic, int count, int nz, int nr) {
        List<ColumnCase> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            out.add(TestCases.benchmarkColumn(model, TestCases.binding(binding, 2, kinetic, 1.0 + 0.2 * d), nz, nr,
                    new double[] {1.0, 0.5}, 60.0 + 10 * d, 150.0, 2.0, 1e-8, 1e-6));
        }
        return out;
    }

    private static void fill(BatchDevice a, BatchDevice b, Buf buf, double[] data) {
        a.write(buf, data);
        b.write(buf, data);
    }

    private static void fill(BatchDevice a, BatchDevice b, IntBuf buf, int[] data) {
        a.write(buf, data);
        b.write(buf, data);
    }

    private static void assertSame(BatchDevice java, BatchDevice cl, Buf buf, KernelConstants k, int nd, String what) {
        double[] x = new double[BatchBuffers.size(buf, k, nd)];
        double[] y = new double[x.length];
        java.read(buf, x);
        cl.read(buf, y);
        double scale = 0.0;
        double diff = 0.0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
            diff = Math.max(diff, Math.abs(x[i] - y[i]));
        }
        assertTrue(diff <= KERNEL_RELATIVE * Math.max(scale, Double.MIN_NORMAL),
                what + ": max difference " + diff + " at scale " + scale);
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2}")
    @MethodSource("configurations")
    void kernelsEqualTheirJavaTwinsOnRandomStates(ColumnModel model, String binding, boolean kinetic) {
        List<ColumnCase> designs = designs(model, binding, kinetic, 3, 7, 3);
        KernelConstants k = KernelConstants.of(designs.get(0));
        int nd = designs.size();
        List<ColumnEquations> eqs = designs.stream().map(ColumnEquations::new).toList();
        Random rnd = new Random(7);
        try (JavaBatchDevice java = new JavaBatchDevice(k, nd);
             OpenClBatchDevice cl = new OpenClBatchDevice(context, k, nd)) {
            fill(java, cl, Buf.PAR, BatchParameters.pack(designs, eqs, k));
            for (Buf b : new Buf[] {Buf.Y, Buf.S1, Buf.F1, Buf.FS1, Buf.FS2, Buf.FS3, Buf.SUM, Buf.PREV}) {
                double[] v = new double[BatchBuffers.size(b, k, nd)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = 0.05 + rnd.nextDouble();
                }
                fill(java, cl, b, v);
            }
            fill(java, cl, Buf.CIN, new double[] {0.7, 0.8, 0.9, 0.3, 0.2, 0.1});
            fill(java, cl, Buf.HG, new double[] {0.3, 1.7, 12.0});
            fill(java, cl, Buf.TOL, new double[] {1e-8, 1e-8, 1e-8, 1e-6, 1e-6, 1e-6});
            fill(java, cl, Buf.COEF, new double[] {0.1, 0.2, 0.3, -0.4, 0.5, 0.6, 0.7, 0.8, -0.9, 1.0, 1.1, 1.2});
            fill(java, cl, Buf.RATIO, new double[] {0.5, -1.5, 2.0});
            fill(java, cl, IntBuf.ACTIVE, new int[] {1, 1, 1});
            fill(java, cl, IntBuf.OK, new int[] {1, 1, 1});

            java.residual(Buf.Y, Buf.F1);
            cl.residual(Buf.Y, Buf.F1);
            assertSame(java, cl, Buf.F1, k, nd, "residual");
            java.stageRhs(Buf.S1);
            cl.stageRhs(Buf.S1);
            assertSame(java, cl, Buf.RHS, k, nd, "stage_rhs");
            java.stageDerivative(Buf.S1, Buf.FS1);
            cl.stageDerivative(Buf.S1, Buf.FS1);
            assertSame(java, cl, Buf.FS1, k, nd, "stage_derivative");
            java.factor(Buf.Y);
            cl.factor(Buf.Y);
            for (Buf b : new Buf[] {Buf.BLOCKS, Buf.LOWER, Buf.UPPER, Buf.BMAT, Buf.CMAT, Buf.BAND}) {
                assertSame(java, cl, b, k, nd, "assemble_eliminate/band_factor " + b);
            }
            int[] okJava = new int[nd];
            int[] okCl = new int[nd];
            java.read(IntBuf.OK, okJava);
            cl.read(IntBuf.OK, okCl);
            assertArrayEquals(okJava, okCl, "ok flags");
            java.solve(Buf.RHS);
            cl.solve(Buf.RHS);
            assertSame(java, cl, Buf.RHS, k, nd, "solve");
            java.combine(Buf.ERR);
            cl.combine(Buf.ERR);
            assertSame(java, cl, Buf.ERR, k, nd, "combine");
            java.predict(Buf.PREV, Buf.S2);
            cl.predict(Buf.PREV, Buf.S2);
            assertSame(java, cl, Buf.S2, k, nd, "predict");
            java.newtonUpdate(Buf.S2, Buf.RHS);
            cl.newtonUpdate(Buf.S2, Buf.RHS);
            assertSame(java, cl, Buf.NORM, k, nd, "newton_update norm");
            assertSame(java, cl, Buf.S2, k, nd, "newton_update state");
            java.newtonIteration(Buf.S3);
            cl.newtonIteration(Buf.S3);
            assertSame(java, cl, Buf.NORM, k, nd, "newton_iteration norm");
            assertSame(java, cl, Buf.S3, k, nd, "newton_iteration state");
            java.errorNorm(Buf.ERR, Buf.S2);
            cl.errorNorm(Buf.ERR, Buf.S2);
            assertSame(java, cl, Buf.NORM, k, nd, "error_norm");
            java.gatherOutlet(Buf.S2);
            cl.gatherOutlet(Buf.S2);
            assertSame(java, cl, Buf.OUTLET, k, nd, "gather_outlet");
        }
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2}")
    @MethodSource("configurations")
    void batchedSimulationEqualsSingleJavaRuns(ColumnModel model, String binding, boolean kinetic) {
        List<ColumnCase> designs = designs(model, binding, kinetic, 3, 10, 4);
        List<SimulationResult> batch;
        try (OpenClBatchDevice cl = new OpenClBatchDevice(context, KernelConstants.of(designs.get(0)), designs.size())) {
            batch = new BatchIntegrator(designs, cl).run(ProgressListener.NONE);
        }
        for (int d = 0; d < designs.size(); d++) {
            SimulationResult single = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
            double[] x = single.outlet();
            double[] y = batch.get(d).outlet();
            double scale = 0.0;
            double diff = 0.0;
            for (int i = 0; i < x.length; i++) {
                scale = Math.max(scale, Math.abs(x[i]));
                diff = Math.max(diff, Math.abs(x[i] - y[i]));
            }
            assertTrue(diff <= WHOLE_RUN_RELATIVE * scale, "design " + d + ": relative outlet difference "
                    + diff / scale);
        }
    }
}
