package org.sorb.cli;

/** Bad input noticed by the CLI itself (a missing file, a malformed option value): exit status 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
