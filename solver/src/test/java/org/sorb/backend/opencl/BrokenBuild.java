package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jocl.cl_program;

/**
 * A child-process program for {@link OpenClContextTest}: builds the deliberately broken kernel and checks what the
 * error carries. It runs apart because PoCL's compiler writes its diagnostics ({@code 1 error generated.}) to the
 * process's stderr, which in the test JVM would stand in the build log like a failure.
 */
public final class BrokenBuild {
    private BrokenBuild() {
    }

    public static void main(String[] args) {
        try (OpenClContext ctx = OpenClContext.open(null)) {
            OpenClBuildException e = assertThrows(OpenClBuildException.class,
                    () -> ctx.build("-cl-std=CL1.2", "/kernels-test/broken.cl"));
            assertTrue(e.getMessage().contains("/kernels-test/broken.cl"), e.getMessage());
            assertTrue(e.getMessage().contains("build log:"), e.getMessage());
            assertTrue(e.buildLog().contains("sorb_undeclared_identifier"), e.buildLog());
            assertTrue(e.getMessage().contains(e.buildLog()), e.getMessage());
            OpenClException missing = assertThrows(OpenClException.class, () -> ctx.build("", "/kernels/nope.cl"));
            assertTrue(missing.getMessage().contains("not on the classpath"), missing.getMessage());
            cl_program program = ctx.build("", "/kernels/ceilings.cl");
            OpenClException noKernel = assertThrows(OpenClException.class, () -> ctx.kernel(program, "nope"));
            assertTrue(noKernel.getMessage().contains("no kernel 'nope'"), noKernel.getMessage());
        }
        System.out.println("build errors checked");
    }
}
