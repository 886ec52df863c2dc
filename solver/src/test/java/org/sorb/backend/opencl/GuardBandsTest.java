package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jocl.cl_kernel;
import org.jocl.cl_program;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard bands of {@link OpenClContext#openGuarded} see writes just outside a buffer and nothing else. */
class GuardBandsTest {
    private static final int N = 100;

    @BeforeEach
    void platform() {
        OpenClTestSupport.requirePlatform();
    }

    @Test
    void aGuardedBufferReadsAndWritesLikeAnyOther() {
        double[] data = new double[N];
        for (int i = 0; i < N; i++) {
            data[i] = i * 0.5;
        }
        try (OpenClContext ctx = OpenClContext.openGuarded(null); DeviceBuffer b = ctx.doubles(N)) {
            b.write(data);
            double[] back = new double[N];
            b.read(back);
            assertArrayEquals(data, back);
            double[] column = new double[10];
            b.readColumn(3, 10, column);
            assertEquals(data[13], column[1]);
            write(ctx, b, N - 1);
            write(ctx, b, 0);
            assertNull(b.guardDamage());
        }
    }

    @Test
    void writesJustPastTheEndOrBeforeTheStartAreReported() {
        try (OpenClContext ctx = OpenClContext.openGuarded(null)) {
            DeviceBuffer past = ctx.doubles(N);
            write(ctx, past, N);
            String damage = past.guardDamage();
            assertTrue(damage != null && damage.contains("8 bytes after its end overwritten (up to 8 bytes past"),
                    String.valueOf(damage));
            past.close();
            assertEquals(List.of(damage), ctx.guardDamage(), "recorded when released");
            DeviceBuffer before = ctx.doubles(N);
            write(ctx, before, -3);
            damage = before.guardDamage();
            assertTrue(damage != null && damage.contains("8 bytes before its start overwritten (up to 24 bytes before"),
                    String.valueOf(damage));
        }
    }

    private static void write(OpenClContext ctx, DeviceBuffer b, long at) {
        cl_program program = ctx.build("-cl-std=CL1.2", "/kernels-test/overrun.cl");
        cl_kernel k = ctx.kernel(program, "write_at");
        ctx.setArgs(k, b, at);
        ctx.run(k, 1, 0);
        ctx.finish();
    }
}
