package org.sorb.cli;

import java.util.List;
import org.sorb.backend.Backend;

/** One kind of backend: tells whether it can run here, lists its devices, and opens it. */
public interface BackendProvider {
    /** The name used with {@code --backend} and written to result files, e.g. {@code java}. */
    String name();

    /** Null when this backend can run here, otherwise a one-line reason why not. */
    String unavailableReason();

    /**
     * Null when {@code auto} should use this (available) backend for a run of {@code designs} designs, otherwise
     * a one-line reason to pass it over for the next one (e.g. a batch too small to pay off).
     */
    default String passOverReason(int designs) {
        return null;
    }

    /**
     * Null, or a reason {@code auto} passes this backend over for a run of {@code designs} designs whether or not it
     * can run here, so that deciding touches nothing (OpenCL: a single design, decided without loading the driver).
     */
    default String passOverWithoutProbing(int designs) {
        return null;
    }

    /** Null, or a one-line caution the user should read whenever this backend is opened (e.g. an unsafe JVM set-up). */
    default String caution() {
        return null;
    }

    /** One line per usable device (empty when unavailable). */
    List<String> devices();

    /**
     * Opens the backend with {@code options}; the caller closes it.
     *
     * @throws BackendUnavailableException when it cannot run here after all (e.g. the device cannot be opened)
     * @throws IllegalArgumentException    when an option names nothing that exists (e.g. no such device)
     */
    Backend open(BackendOptions options) throws BackendUnavailableException;
}
