package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The OpenCL test policy: tests that need a device skip when this machine has no OpenCL platform with a
 * double-precision device, except where {@code SORB_REQUIRE_OPENCL} is set (environment or system property;
 * {@code ./run-tests} sets it in CI), where they fail instead. A JVM without signal chaining counts as no platform:
 * PoCL would crash it now and then ({@link SignalChaining}); Surefire's configuration preloads the library.
 */
public final class OpenClTestSupport {
    private OpenClTestSupport() {
    }

    /** Skips (or, when OpenCL is required, fails) unless a platform with an fp64 device exists. */
    public static void requirePlatform() {
        // Before the probe: initialising PoCL is what replaces the JVM's signal handlers.
        String problem = SignalChaining.problem();
        if (problem == null) {
            OpenClProbe probe = OpenClDevices.probe();
            problem = probe.problem() != null ? probe.problem()
                    : probe.hasFp64Device() ? null : "no OpenCL device does double precision";
        }
        if (problem == null) {
            return;
        }
        if (required()) {
            fail("OpenCL is required here (SORB_REQUIRE_OPENCL is set) but " + problem);
        }
        Assumptions.abort("no usable OpenCL platform: " + problem);
    }

    /** True when OpenCL tests must run rather than skip. */
    public static boolean required() {
        return System.getenv("SORB_REQUIRE_OPENCL") != null || System.getProperty("SORB_REQUIRE_OPENCL") != null;
    }
}
