package org.sorb.backend.opencl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the test classes that run on the default OpenCL device: one context per class, opened after
 * {@link OpenClTestSupport#requirePlatform()} and closed when the class is done.
 */
abstract class OnOpenClDevice {
    /** The context of the running test class. */
    static OpenClContext context;

    @BeforeAll
    static void openContext() {
        OpenClTestSupport.requirePlatform();
        context = OpenClContext.open(null);
    }

    @AfterAll
    static void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
