package org.sorb.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sorb.backend.Backend;
import org.sorb.backend.opencl.OpenClBackend;
import org.sorb.backend.opencl.OpenClContext;
import org.sorb.backend.opencl.OpenClDeviceInfo;
import org.sorb.backend.opencl.OpenClDevices;
import org.sorb.backend.opencl.OpenClException;
import org.sorb.backend.opencl.OpenClProbe;
import org.sorb.backend.opencl.SignalChaining;

/**
 * The OpenCL backend (JOCL): available when a platform has a double-precision device and this build's OpenCL
 * backend simulates columns ({@link OpenClBackend#supportsColumns()}). Nothing here touches OpenCL until a method
 * is called, so choosing {@code --backend java} never loads JOCL's native library.
 */
final class OpenClBackendProvider implements BackendProvider {
    private final Supplier<OpenClProbe> probe;
    private final BooleanSupplier columns;
    private final Function<String, OpenClContext> opener;
    private final int hostCores;

    /** The real OpenCL of this machine. */
    OpenClBackendProvider() {
        this(OpenClDevices::probe, OpenClBackend::supportsColumns, OpenClContext::open,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Test hook: a provider that sees what {@code probe} says.
     *
     * @param probe   the devices, or why there are none
     * @param columns whether the OpenCL backend simulates columns
     * @param opener    opens a context for a device selector
     * @param hostCores the cores the Java path's thread pool would use
     */
    OpenClBackendProvider(Supplier<OpenClProbe> probe, BooleanSupplier columns, Function<String, OpenClContext> opener,
                          int hostCores) {
        this.probe = probe;
        this.columns = columns;
        this.opener = opener;
        this.hostCores = hostCores;
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String unavailableReason() {
        OpenClProbe p = probe.get();
        if (p.problem() != null) {
            return p.problem();
        }
        if (!p.hasFp64Device()) {
            return "no OpenCL device does double precision (cl_khr_fp64), which Sorb's kernels need";
        }
        if (!columns.getAsBoolean()) {
            return "the OpenCL column kernels are not in this build yet (platform and devices work; see docs/opencl.md)";
        }
        return null;
    }

    /**
     * {@code auto} keeps OpenCL for batches of more designs than the host has cores on a GPU or accelerator, and
     * for batches that fill every core's vector lanes on a CPU device (PoCL). One design cannot fill a device; a
     * GPU advances a design about as fast as one Java thread, so up to one design per core the thread pool is as
     * fast (an H200 beside 16 cores: 16 designs in 3.9 s, one Java thread 3.6 s per design; BENCHMARKS.md).
     */
    @Override
    public String passOverReason(int designs) {
        if (designs < 2) {
            return passOverWithoutProbing(designs);
        }
        int fill = Integer.MAX_VALUE;
        boolean gpu = false;
        for (OpenClDeviceInfo d : probe.get().devices()) {
            String type = d.type().toUpperCase(Locale.ROOT);
            if (d.fp64() && (type.contains("GPU") || type.contains("ACCELERATOR"))) {
                if (designs > hostCores) {
                    return null;
                }
                gpu = true;
                continue;
            }
            if (d.fp64()) {
                int lanes = OpenClBackend.lanesFor(d, designs);
                fill = Math.min(fill, lanes > 1 ? lanes * Math.max(1, d.computeUnits()) : Integer.MAX_VALUE);
                if (designs >= fill) {
                    return null;
                }
            }
        }
        if (gpu) {
            return designs + " designs are no more than the " + hostCores + " cores of the Java thread pool, which "
                    + "advance them as fast as a GPU";
        }
        return fill == Integer.MAX_VALUE ? "its only double-precision devices are CPUs without vector lanes"
                : "its only double-precision devices are CPUs, which need at least " + fill + " designs (vector lanes "
                + "x compute units) to beat the Java thread pool";
    }

    /** One design, on whatever device: decided without probing, so a single run never loads the driver. */
    @Override
    public String passOverWithoutProbing(int designs) {
        return designs < 2 ? "a single design cannot fill an OpenCL device" : null;
    }

    /** Without signal chaining an LLVM-based driver can crash the JVM ({@link SignalChaining}). */
    @Override
    public String caution() {
        return SignalChaining.problem();
    }

    /** The devices, then whether the JVM's signal handlers are safe from the driver's. */
    @Override
    public List<String> devices() {
        List<String> lines = new ArrayList<>();
        for (OpenClDeviceInfo d : probe.get().devices()) {
            lines.add(line(d));
        }
        if (!lines.isEmpty() && SignalChaining.applies()) {
            String problem = SignalChaining.problem();
            lines.add(problem == null ? "signal chaining: active (" + SignalChaining.LIBRARY + ")"
                    : "signal chaining: NOT active: " + problem);
        }
        return lines;
    }

    /** One device as {@code sorb devices} prints it. */
    static String line(OpenClDeviceInfo d) {
        return String.format(Locale.ROOT, "[%d] %s / %s  %s  fp64: %s  CUs: %d  memory: %.1f GiB", d.index(),
                d.platformShortName(), d.name(), d.type(), d.fp64() ? "yes" : "no", d.computeUnits(),
                d.globalMemoryBytes() / (double) (1L << 30));
    }

    @Override
    public Backend open(BackendOptions options) throws BackendUnavailableException {
        String reason = unavailableReason();
        if (reason != null) {
            throw new BackendUnavailableException("opencl backend not available: " + reason);
        }
        try {
            return new OpenClBackend(opener.apply(options.device()));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (OpenClException e) {
            throw new BackendUnavailableException(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException("cannot open an OpenCL device: " + e);
        }
    }
}
