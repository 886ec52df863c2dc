package org.sorb.cli;

import java.util.List;
import org.sorb.backend.Backend;

/**
 * Placeholder for the OpenCL backend: reports itself unavailable until {@code OpenClBackend} exists, at which point
 * this class probes the platforms (JOCL) for {@link #unavailableReason()} and lists them in {@link #devices()}.
 */
final class OpenClBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String unavailableReason() {
        return "no OpenCL backend in this build of Sorb, so no OpenCL platform can be used";
    }

    @Override
    public List<String> devices() {
        return List.of();
    }

    @Override
    public Backend open() throws BackendUnavailableException {
        throw new BackendUnavailableException("OpenCL backend not available: " + unavailableReason());
    }
}
