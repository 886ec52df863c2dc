package org.sorb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongToDoubleFunction;
import org.jocl.cl_kernel;
import org.jocl.cl_program;
import org.sorb.backend.opencl.DeviceBuffer;
import org.sorb.backend.opencl.OpenClContext;

/**
 * The machine's ceilings that bound any column kernel: memory bandwidth (a large double copy, counted as bytes
 * read plus bytes written, as STREAM's copy), cache bandwidth of a CPU device (copies of slices that stay in a
 * core's cache) and double-precision FMA throughput (independent FMA chains, two
 * flops per FMA), in Java and on an OpenCL device (kernels in {@code /kernels/ceilings.cl}).
 */
public final class Ceilings {
    /** Kernel source of the OpenCL ceilings. */
    public static final String KERNELS = "/kernels/ceilings.cl";
    private static final int CHAINS = 8;
    private static final double MIN_SECONDS = 0.2;

    private Ceilings() {
    }

    /**
     * One measured ceiling.
     *
     * @param value  best of the repeats, GB/s or GFLOP/s
     * @param detail how it was measured
     */
    public record Ceiling(double value, String detail) {
    }

    /**
     * The count (iterations, rounds) at which one run takes at least {@link #MIN_SECONDS}: from {@code start}, grown
     * by the ratio still missing (at least 2x, 16x after a run too short to time), at most {@code max}.
     */
    static long calibrate(long start, long max, LongToDoubleFunction secondsFor) {
        long count = start;
        while (true) {
            double seconds = secondsFor.applyAsDouble(count);
            if (seconds >= MIN_SECONDS || count >= max) {
                return count;
            }
            count = Math.min(max, count * (seconds <= 0 ? 16 : Math.max(2, (long) Math.ceil(MIN_SECONDS / seconds))));
        }
    }

    /** The shortest of {@code repeats} runs at {@code count}, s. */
    static double best(int repeats, long count, LongToDoubleFunction secondsFor) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            best = Math.min(best, secondsFor.applyAsDouble(count));
        }
        return best;
    }

    /** Copies a {@code bytes}-byte double array with {@code System.arraycopy}, split over {@code threads} threads. */
    public static Ceiling javaCopy(long bytes, int threads, int repeats) {
        int n = (int) Math.min(Integer.MAX_VALUE - 8, bytes / 8);
        double[] src = new double[n];
        double[] dst = new double[n];
        for (int i = 0; i < n; i++) {
            src[i] = i;
        }
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        try {
            double best = Double.MAX_VALUE;
            for (int r = 0; r <= repeats; r++) {
                long t0 = System.nanoTime();
                if (pool == null) {
                    System.arraycopy(src, 0, dst, 0, n);
                } else {
                    List<Future<?>> parts = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int from = (int) ((long) n * t / threads);
                        int to = (int) ((long) n * (t + 1) / threads);
                        parts.add(pool.submit(() -> System.arraycopy(src, from, dst, from, to - from)));
                    }
                    for (Future<?> f : parts) {
                        f.get();
                    }
                }
                double s = (System.nanoTime() - t0) * 1e-9;
                if (r > 0) {
                    best = Math.min(best, s);
                }
            }
            if (dst[n - 1] != n - 1) {
                throw new IllegalStateException("copy check failed");
            }
            return new Ceiling(2.0 * 8 * n / best / 1e9, String.format(java.util.Locale.ROOT,
                    "System.arraycopy of %d MiB, %d thread%s, best of %d", 8L * n >> 20, threads,
                    threads == 1 ? "" : "s", repeats));
        } catch (Exception e) {
            throw new IllegalStateException("Java copy failed: " + e.getMessage(), e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Eight independent {@code Math.fma} chains per thread on {@code threads} threads. */
    public static Ceiling javaFma(int threads, int repeats) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            LongToDoubleFunction run = count -> timeFma(pool, threads, count);
            long iterations = calibrate(1 << 16, 1L << 40, run);
            double best = best(repeats, iterations, run);
            double flops = 2.0 * CHAINS * iterations * threads;
            return new Ceiling(flops / best / 1e9, String.format(java.util.Locale.ROOT,
                    "%d Math.fma chains x %d iterations per thread, %d thread%s, best of %d", CHAINS, iterations,
                    threads, threads == 1 ? "" : "s", repeats));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double timeFma(ExecutorService pool, int threads, long iterations) {
        try {
            List<Future<Double>> parts = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                final double seed = 1e-9 * t;
                parts.add(pool.submit(() -> fmaChains(seed, iterations)));
            }
            double sink = 0;
            for (Future<Double> f : parts) {
                sink += f.get();
            }
            double s = (System.nanoTime() - t0) * 1e-9;
            if (Double.isNaN(sink)) {
                throw new IllegalStateException("FMA check failed");
            }
            return s;
        } catch (Exception e) {
            throw new IllegalStateException("Java FMA failed: " + e.getMessage(), e);
        }
    }

    /** Eight independent FMA chains, {@code iterations} rounds; the sum keeps the JIT from dropping the loop. */
    static double fmaChains(double x, long iterations) {
        final double y = 0.999999999;
        double a0 = x, a1 = x + 0.1, a2 = x + 0.2, a3 = x + 0.3, a4 = x + 0.4, a5 = x + 0.5, a6 = x + 0.6,
                a7 = x + 0.7;
        for (long k = 0; k < iterations; k++) {
            a0 = Math.fma(a0, y, x);
            a1 = Math.fma(a1, y, x);
            a2 = Math.fma(a2, y, x);
            a3 = Math.fma(a3, y, x);
            a4 = Math.fma(a4, y, x);
            a5 = Math.fma(a5, y, x);
            a6 = Math.fma(a6, y, x);
            a7 = Math.fma(a7, y, x);
        }
        return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
    }

    /** Copies a {@code bytes}-byte buffer on the device with the {@code copy_f64} kernel. */
    public static Ceiling openClCopy(OpenClContext ctx, long bytes, int repeats) {
        long maxAlloc = ctx.device().maxAllocationBytes();
        long size = Math.min(bytes, maxAlloc > 0 ? maxAlloc : bytes) / 8 * 8;
        long n = size / 8;
        cl_program program = ctx.build("", KERNELS);
        cl_kernel copy = ctx.kernel(program, "copy_f64");
        try (DeviceBuffer src = ctx.doubles(n); DeviceBuffer dst = ctx.doubles(n)) {
            double[] chunk = new double[1 << 20];
            for (long at = 0; at < n; at += chunk.length) {
                int count = (int) Math.min(chunk.length, n - at);
                for (int i = 0; i < count; i++) {
                    chunk[i] = at + i;
                }
                src.write(chunk, 0, at, count);
            }
            long global = n;
            LongToDoubleFunction run = once -> timeLaunch(ctx, copy, global, 0, src, dst);
            run.applyAsDouble(1);
            double best = best(repeats, 1, run);
            double[] last = new double[1];
            dst.read(n - 1, last, 0, 1);
            if (last[0] != n - 1) {
                throw new IllegalStateException("OpenCL copy check failed: " + last[0]);
            }
            return new Ceiling(2.0 * size / best / 1e9, String.format(java.util.Locale.ROOT,
                    "copy_f64 kernel over %d MiB, %d work-items, best of %d", size >> 20, global, repeats));
        }
    }

    /**
     * Cache bandwidth of a CPU device: one work-item per compute unit (each its own work-group) copies its own two
     * slices of {@code sliceBytes} back and forth with the {@code copy_slice_f64} kernel, counted as bytes read
     * plus bytes written.
     */
    public static Ceiling openClCacheCopy(OpenClContext ctx, long sliceBytes, int repeats) {
        int n = (int) (sliceBytes / 64 * 8);
        long global = Math.max(1, ctx.device().computeUnits());
        cl_program program = ctx.build("", KERNELS);
        cl_kernel copy = ctx.kernel(program, "copy_slice_f64");
        try (DeviceBuffer a = ctx.doubles(global * n); DeviceBuffer b = ctx.doubles(global * n)) {
            double[] init = new double[(int) (global * n)];
            for (int i = 0; i < init.length; i++) {
                init[i] = i;
            }
            a.write(init);
            LongToDoubleFunction run = count -> timeLaunch(ctx, copy, global, 1, a, b, n, (int) count);
            long rounds = calibrate(16, 1 << 24, run);
            double best = best(repeats, rounds, run);
            double[] last = new double[1];
            a.read(global * n - 1, last, 0, 1);
            if (last[0] != global * n - 1) {
                throw new IllegalStateException("OpenCL cache copy check failed: " + last[0]);
            }
            double bytes = 2.0 * 2.0 * rounds * global * n * 8.0;
            return new Ceiling(bytes / best / 1e9, String.format(java.util.Locale.ROOT,
                    "copy_slice_f64 kernel, %d work-items x 2 slices of %d KiB x %d round trips, best of %d", global,
                    sliceBytes >> 10, rounds, repeats));
        }
    }

    /**
     * The device's fp64 FMA rate: the better of eight independent scalar FMA chains per work-item ({@code fma_f64})
     * and eight chains of {@code double8} vectors ({@code fma_f64x8}), which a CPU device needs to use its SIMD units.
     */
    public static Ceiling openClFma(OpenClContext ctx, int repeats) {
        Ceiling scalar = openClFma(ctx, "fma_f64", 1, repeats);
        Ceiling vector = openClFma(ctx, "fma_f64x8", 8, repeats);
        return vector.value() > scalar.value() ? vector : scalar;
    }

    /** Eight independent chains of {@code lanes}-wide FMAs per work-item with kernel {@code name}. */
    private static Ceiling openClFma(OpenClContext ctx, String name, int lanes, int repeats) {
        cl_program program = ctx.build("", KERNELS);
        cl_kernel fma = ctx.kernel(program, name);
        long global = (long) Math.max(1, ctx.device().computeUnits()) * Math.max(64, ctx.device().maxWorkGroupSize())
                * 4;
        try (DeviceBuffer out = ctx.doubles(global)) {
            LongToDoubleFunction run = count -> timeLaunch(ctx, fma, global, 0, out, (int) count);
            run.applyAsDouble(1);
            long iterations = calibrate(64, 1 << 26, run);
            double best = best(repeats, iterations, run);
            double[] check = new double[1];
            out.read(0, check, 0, 1);
            if (Double.isNaN(check[0])) {
                throw new IllegalStateException("OpenCL FMA check failed");
            }
            double flops = 2.0 * CHAINS * lanes * iterations * global;
            return new Ceiling(flops / best / 1e9, String.format(java.util.Locale.ROOT,
                    "%s kernel, %d work-items x %d chains%s x %d iterations, best of %d (the better of scalar and "
                            + "double8 chains)", name, global, CHAINS, lanes > 1 ? " of double" + lanes : "",
                    iterations, repeats));
        }
    }

    /** Wall time of one launch of {@code kernel} with {@code args} ({@code local} 0: the driver's choice), s. */
    private static double timeLaunch(OpenClContext ctx, cl_kernel kernel, long global, long local, Object... args) {
        ctx.setArgs(kernel, args);
        long t0 = System.nanoTime();
        ctx.run(kernel, global, local);
        ctx.finish();
        return (System.nanoTime() - t0) * 1e-9;
    }
}
