package org.sorb.backend.opencl;

/** A program that did not compile; the message holds the sources, options and the full build log. */
public final class OpenClBuildException extends OpenClException {
    private final String buildLog;

    public OpenClBuildException(String message, String buildLog) {
        super(message);
        this.buildLog = buildLog;
    }

    /** The compiler's log as the device reported it. */
    public String buildLog() {
        return buildLog;
    }
}
