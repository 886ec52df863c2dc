package org.sorb.cli;

/** The requested backend cannot run on this machine; the message says why. */
public final class BackendUnavailableException extends Exception {
    public BackendUnavailableException(String message) {
        super(message);
    }
}
