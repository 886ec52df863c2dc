package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the test classes that run kernels on the default OpenCL device: one guarded context per class
 * ({@link OpenClContext#openGuarded}), and after every test a check that no kernel wrote outside its buffers.
 */
abstract class OnOpenClDevice {
    /** The context of the running test class. */
    static OpenClContext context;

    @BeforeAll
    static void openContext() {
        OpenClTestSupport.requirePlatform();
        context = OpenClContext.openGuarded(null);
    }

    @AfterEach
    void noKernelWroteOutsideItsBuffers() {
        assertEquals(List.of(), context.guardDamage(), "guard bands overwritten");
    }

    @AfterAll
    static void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
