package org.sorb.backend.opencl;

/** An OpenCL failure (no usable device, a build error, a failed call); the message says what and where. */
public class OpenClException extends RuntimeException {
    public OpenClException(String message) {
        super(message);
    }

    public OpenClException(String message, Throwable cause) {
        super(message, cause);
    }
}
