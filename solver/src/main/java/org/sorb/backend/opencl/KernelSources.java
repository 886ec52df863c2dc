package org.sorb.backend.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads kernel sources from the classpath only (e.g. {@code /kernels/column_common.cl} inside {@code sorb.jar}). */
final class KernelSources {
    private KernelSources() {
    }

    static String load(String resource) {
        try (InputStream in = OpenClContext.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new OpenClException("OpenCL source " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OpenClException("cannot read OpenCL source " + resource + ": " + e.getMessage(), e);
        }
    }
}
