package org.sorb.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.sorb.backend.opencl.OpenClContext;
import org.sorb.backend.opencl.OpenClDeviceInfo;
import org.sorb.backend.opencl.OpenClProbe;

/** OpenCL providers for CLI tests, independent of the machine's OpenCL. */
final class OpenClHooks {
    private OpenClHooks() {
    }

    /** Cores of the fake host beside the fake devices. */
    static final int CORES = 16;

    /** A fake double-precision GPU. */
    static final OpenClDeviceInfo GPU = new OpenClDeviceInfo(0, 0, "NVIDIA CUDA", "OpenCL 3.0 CUDA", 0,
            "NVIDIA H100 80GB HBM3", "NVIDIA Corporation", "GPU", true, 132, 85L << 30, 20L << 30, 1024, 1980, 1);

    /** A fake double-precision CPU with 2 compute units and 8 double lanes, as PoCL reports an AVX-512 core. */
    static final OpenClDeviceInfo CPU = new OpenClDeviceInfo(0, 0, "Portable Computing Language", "OpenCL 3.0 PoCL",
            0, "cpu-skylake-avx512", "GenuineIntel", "CPU", true, 2, 4L << 30, 1L << 30, 4096, 2000, 8);

    /** A provider that sees only {@link #CPU} and opens with {@code opener}. */
    static OpenClBackendProvider cpu(Function<String, OpenClContext> opener) {
        return new OpenClBackendProvider(() -> new OpenClProbe(List.of(CPU), null), () -> true, opener, CORES);
    }

    /** An OpenCL provider that finds no platform for {@code reason}. */
    static OpenClBackendProvider none(String reason) {
        return new OpenClBackendProvider(() -> OpenClProbe.none(reason), () -> true, s -> {
            throw new AssertionError("must not open");
        }, CORES);
    }

    /** A provider that sees {@link #GPU} and opens with {@code opener}; {@code probes} counts the probes. */
    static OpenClBackendProvider gpu(boolean columns, Function<String, OpenClContext> opener, AtomicInteger probes) {
        return new OpenClBackendProvider(() -> {
            probes.incrementAndGet();
            return new OpenClProbe(List.of(GPU), null);
        }, () -> columns, opener, CORES);
    }

    /** The hooked OpenCL provider first, the real Java path last. */
    static Backends with(OpenClBackendProvider openCl) {
        return new Backends(List.of(openCl, new JavaBackendProvider()));
    }
}
