package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Test policy for OpenCL: tests skip when no platform with an fp64 device exists, except where the environment
 * sets SORB_REQUIRE_OPENCL (CI, which installs PoCL): there a missing platform fails the test.
 */
public final class OpenClTestSupport {
    private OpenClTestSupport() {
    }

    /** Skips (or, with SORB_REQUIRE_OPENCL, fails) unless an fp64 OpenCL device is usable. */
    public static void requirePlatform() {
        OpenClProbe probe = OpenClDevices.probe();
        if (probe.hasFp64Device()) {
            return;
        }
        String why = "no OpenCL platform with an fp64 device: " + probe.problem();
        if (System.getenv("SORB_REQUIRE_OPENCL") != null) {
            fail(why + " (SORB_REQUIRE_OPENCL is set)");
        }
        Assumptions.assumeTrue(false, why);
    }
}
