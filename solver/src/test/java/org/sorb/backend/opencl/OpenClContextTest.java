package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jocl.cl_kernel;
import org.jocl.cl_program;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenClContextTest {
    @BeforeEach
    void needsOpenCl() {
        OpenClTestSupport.requirePlatform();
    }

    @Test
    void theCopyKernelRoundTripsDoublesAndProgramsAreCached() {
        try (OpenClContext ctx = OpenClContext.open(null)) {
            assertTrue(ctx.device().fp64());
            cl_program program = ctx.build("-cl-std=CL1.2", "/kernels/ceilings.cl");
            assertSame(program, ctx.build("-cl-std=CL1.2", "kernels/ceilings.cl"), "cached per sources and options");
            cl_program other = ctx.build("-cl-std=CL1.2 -D UNUSED=1", "/kernels/ceilings.cl");
            assertNotSame(program, other);
            assertEquals(2, ctx.builds().size());
            assertTrue(ctx.buildMillis(program) > 0.0);
            assertTrue(ctx.totalBuildMillis() >= ctx.buildMillis(program));

            cl_kernel copy = ctx.kernel(program, "copy_f64");
            assertSame(copy, ctx.kernel(program, "copy_f64"));
            int n = 1000;
            double[] in = new double[n];
            for (int i = 0; i < n; i++) {
                in[i] = Math.sqrt(i) - 1e-300 * i;
            }
            try (DeviceBuffer src = ctx.doubles(n); DeviceBuffer dst = ctx.doubles(n)) {
                src.write(in);
                ctx.setArgs(copy, src, dst);
                ctx.run(copy, n, 0);
                ctx.finish();
                double[] out = new double[n];
                dst.read(out);
                assertArrayEquals(in, out, 0.0);
                double[] part = new double[5];
                dst.read(10, part, 1, 3);
                assertArrayEquals(new double[] {0, in[10], in[11], in[12], 0}, part, 0.0);
                assertThrows(IndexOutOfBoundsException.class, () -> dst.read(n - 1, part, 0, 2));
            }
        }
    }

    /** The scalar and the double8 FMA ceiling kernels; the vector one sums its 8 equal lanes (exactly 8x). */
    @ParameterizedTest
    @CsvSource({"fma_f64, 1", "fma_f64x8, 8"})
    void theFmaKernelsComputeTheChainsInDoublePrecision(String name, int lanes) {
        try (OpenClContext ctx = OpenClContext.open(null)) {
            cl_program program = ctx.build("", "/kernels/ceilings.cl");
            cl_kernel fma = ctx.kernel(program, name);
            int items = 64;
            int iterations = 100;
            try (DeviceBuffer out = ctx.doubles(items)) {
                ctx.setArgs(fma, out, iterations);
                ctx.run(fma, items, 0);
                ctx.finish();
                double[] got = new double[items];
                out.read(got);
                for (int gid : new int[] {0, 1, 63}) {
                    double x = 1.0e-9 * (gid & 1023);
                    double y = 0.999999999;
                    double[] a = {x, x + 0.1, x + 0.2, x + 0.3, x + 0.4, x + 0.5, x + 0.6, x + 0.7};
                    for (int k = 0; k < iterations; k++) {
                        for (int c = 0; c < 8; c++) {
                            a[c] = Math.fma(a[c], y, x);
                        }
                    }
                    double sum = lanes * (((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7])));
                    assertEquals(sum, got[gid], 1e-13 * Math.abs(sum), "work-item " + gid);
                }
            }
        }
    }

    @Test
    void aProfilingContextRecordsTheDeviceTimeOfEachLaunchByKernelName() {
        try (OpenClContext plain = OpenClContext.open(null)) {
            assertNull(plain.kernelTimes());
        }
        try (OpenClContext ctx = OpenClContext.open(null, true)) {
            cl_kernel copy = ctx.kernel(ctx.build("", "/kernels/ceilings.cl"), "copy_f64");
            int n = 1 << 16;
            try (DeviceBuffer src = ctx.doubles(n); DeviceBuffer dst = ctx.doubles(n)) {
                ctx.setArgs(copy, src, dst);
                for (int r = 0; r < 3; r++) {
                    ctx.enqueue("copy_f64", copy, new long[] {n}, null);
                }
                ctx.enqueue("copy_again", copy, new long[] {n}, new long[] {1});
            }
            List<KernelTimes.Entry> entries = ctx.kernelTimes().entries();
            assertEquals(2, entries.size());
            KernelTimes.Entry first = entries.stream().filter(e -> e.kernel().equals("copy_f64")).findFirst()
                    .orElseThrow();
            assertEquals(3, first.launches());
            assertTrue(first.seconds() > 0 && first.seconds() < 60, "device time " + first.seconds());
            assertTrue(entries.get(0).seconds() >= entries.get(1).seconds(), "largest first");
            assertEquals(entries.get(0).seconds() + entries.get(1).seconds(), ctx.kernelTimes().totalSeconds(),
                    1e-12);
            ctx.kernelTimes().clear();
            assertTrue(ctx.kernelTimes().entries().isEmpty());
        }
    }

    @Test
    void theCacheCopyKernelMovesEachSliceThereAndBack() {
        try (OpenClContext ctx = OpenClContext.open(null)) {
            cl_kernel copy = ctx.kernel(ctx.build("", "/kernels/ceilings.cl"), "copy_slice_f64");
            int items = 3;
            int n = 64;
            double[] in = new double[items * n];
            for (int i = 0; i < in.length; i++) {
                in[i] = 0.5 * i - 7;
            }
            try (DeviceBuffer a = ctx.doubles(in.length); DeviceBuffer b = ctx.doubles(in.length)) {
                a.write(in);
                ctx.setArgs(copy, a, b, n, 5);
                ctx.run(copy, items, 1);
                ctx.finish();
                double[] outA = new double[in.length];
                double[] outB = new double[in.length];
                a.read(outA);
                b.read(outB);
                assertArrayEquals(in, outA, 0.0);
                assertArrayEquals(in, outB, 0.0);
            }
        }
    }

    @Test
    void aStridedReadTakesEveryStrideThElementFromAnyStart() {
        try (OpenClContext ctx = OpenClContext.open(null); DeviceBuffer buf = ctx.doubles(40)) {
            double[] in = new double[40];
            for (int i = 0; i < in.length; i++) {
                in[i] = i;
            }
            buf.write(in);
            double[] column = new double[4];
            buf.readColumn(13, 8, column);
            assertArrayEquals(new double[] {13, 21, 29, 37}, column, 0.0);
            assertThrows(IndexOutOfBoundsException.class, () -> buf.readColumn(17, 8, new double[4]));
        }
    }

    @Test
    void aBuildErrorCarriesTheFullBuildLog() throws Exception {
        // in a child JVM, whose stderr (the compiler's "1 error generated.") stays out of the test log
        ChildJvm.Result child = ChildJvm.run(BrokenBuild.class, List.of("-Xmx256m"), Map.of());
        assertEquals(0, child.exit(), child.output());
        assertTrue(child.output().contains("build errors checked"), child.output());
    }

    @Test
    void devicesAreSelectedByIndexOrNameAndBadSelectorsAreRefused() {
        OpenClDeviceInfo first = OpenClDevices.list().stream().filter(OpenClDeviceInfo::fp64).findFirst()
                .orElseThrow();
        try (OpenClContext byIndex = OpenClContext.open(Integer.toString(first.index()))) {
            assertEquals(first, byIndex.device());
        }
        String part = first.name().substring(0, Math.min(6, first.name().length())).toUpperCase();
        try (OpenClContext byName = OpenClContext.open(part)) {
            assertTrue(byName.device().name().toUpperCase().contains(part));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenClContext.open("999"));
        assertTrue(e.getMessage().contains("no OpenCL device with that index"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpenClContext.open("no-such-device-name-xyz"));
    }

    @Test
    void closeReleasesEverythingAndIsIdempotent() {
        OpenClContext ctx = OpenClContext.open(null);
        DeviceBuffer b = ctx.doubles(16);
        ctx.kernel(ctx.build("", "/kernels/ceilings.cl"), "copy_f64");
        ctx.close();
        assertTrue(b.released());
        b.close();
        ctx.close();
        assertThrows(IllegalStateException.class, () -> ctx.doubles(1));
        assertThrows(IllegalStateException.class, () -> b.read(new double[1]));
    }
}
