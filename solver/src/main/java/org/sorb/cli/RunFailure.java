package org.sorb.cli;

/** A failure while running valid input (solver, device, file system): exit status 1. */
final class RunFailure extends Exception {
    RunFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
