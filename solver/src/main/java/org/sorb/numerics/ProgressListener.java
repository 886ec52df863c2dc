package org.sorb.numerics;

/** Receives progress of a long computation; the library reports, the CLI decides how to show it. */
@FunctionalInterface
public interface ProgressListener {
    /** No-op listener. */
    ProgressListener NONE = (fraction, message) -> { };

    /**
     * @param fraction done fraction in [0, 1]
     * @param message  short status, e.g. the simulated time
     */
    void progress(double fraction, String message);
}
