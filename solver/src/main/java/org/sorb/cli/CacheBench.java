package org.sorb.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.sorb.backend.opencl.OpenClContext;
import org.sorb.bench.Ceilings;

/**
 * {@code sorb bench cache}: the OpenCL device's copy bandwidth against the footprint per compute unit, so that a
 * kernel's traffic can be set against the level of the memory hierarchy its working set lives in (the batch
 * benchmark's cache ceiling uses one footprint, 256 KiB).
 */
final class CacheBench {
    private final PrintWriter out;
    private final List<Integer> slicesKiB;
    private final String device;

    CacheBench(PrintWriter out, List<Integer> slicesKiB, String device) throws UsageException {
        for (int s : slicesKiB) {
            if (s < 1 || s > (1 << 20)) {
                throw new UsageException("--slices " + s + ": expected KiB per slice from 1 to 1048576");
            }
        }
        this.out = out;
        this.slicesKiB = slicesKiB;
        this.device = device;
    }

    int run() {
        try (OpenClContext ctx = OpenClContext.open(device)) {
            out.printf(Locale.ROOT, "Copy bandwidth on %s (%d compute units): each work-item copies its own two "
                    + "slices back and forth (copy_slice_f64), bytes read plus written, best of 3%n%n",
                    ctx.device().name(), ctx.device().computeUnits());
            out.println("| slice (KiB) | footprint per work-item (KiB) | GB/s | how |");
            out.println("|---|---|---|---|");
            for (int kib : slicesKiB) {
                Ceilings.Ceiling c = Ceilings.openClCacheCopy(ctx, (long) kib << 10, 3);
                out.printf(Locale.ROOT, "| %d | %d | %.1f | %s |%n", kib, 2 * kib, c.value(), c.detail());
                out.flush();
            }
        }
        return 0;
    }
}
