package org.sorb.cli;

import java.io.PrintWriter;
import org.sorb.backend.Backend;
import picocli.CommandLine.Option;

/**
 * The {@code --backend}, {@code --device} and {@code --threads} options of the commands that simulate ({@code run},
 * {@code fit}, {@code treat}), and the backend they open.
 */
final class BackendChoice {
    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.AUTO,
            description = "auto (best available), java or opencl (default: ${DEFAULT-VALUE}).")
    private String backend;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "OpenCL device: its index as 'sorb devices' lists it, or part of its name "
                    + "(default: the first double-precision GPU, else the first double-precision device).")
    private String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads for batches on the Java path (default: 0 = one per core).")
    private int threads;

    /** The {@code --backend} value as given. */
    String name() {
        return backend;
    }

    /** True when {@code --device} names a device. */
    boolean deviceNamed() {
        return device != null;
    }

    /** {@code --threads}: 0 for one per core. */
    int threads() {
        return threads;
    }

    /** Refuses an unknown backend or a negative thread count, before any work. */
    void check(Backends backends) throws UsageException {
        backends.requireChoice(backend);
        if (threads < 0) {
            throw new UsageException("--threads " + threads + ": expected 0 (one per core) or more");
        }
    }

    /**
     * Opens the chosen backend for a batch of {@code designs}, printing auto's notice on {@code err}; a
     * {@code --device} that names nothing is bad input.
     */
    Backend open(Backends backends, PrintWriter err, int designs) throws Exception {
        check(backends);
        Backends.Selection selection;
        try {
            selection = backends.select(backend, new BackendOptions(device, threads), designs);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (selection.notice() != null) {
            err.println(selection.notice());
            err.flush();
        }
        return selection.backend();
    }
}
