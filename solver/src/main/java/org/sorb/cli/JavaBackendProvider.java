package org.sorb.cli;

import java.util.List;
import org.sorb.backend.Backend;
import org.sorb.backend.JavaBackend;

/** The plain-Java reference path, available wherever Sorb runs. */
final class JavaBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "java";
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public List<String> devices() {
        return List.of("CPU, " + Runtime.getRuntime().availableProcessors() + " cores (Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.arch") + ")");
    }

    @Override
    public Backend open(BackendOptions options) {
        return new JavaBackend(options.threads());
    }
}
