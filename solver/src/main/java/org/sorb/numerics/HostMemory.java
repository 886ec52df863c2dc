package org.sorb.numerics;

import java.util.Locale;

/** What this JVM can still allocate, and how an estimate is set against it. */
public final class HostMemory {
    /**
     * Factor on an estimate before it is compared with the memory available: covers what the estimates leave out
     * (object headers, arrays of O(cells) or O(components), the garbage collector's need for slack).
     */
    public static final double MARGIN = 1.25;
    /** Memory left for everything no estimate counts: the JVM itself, YAML and HDF5 libraries, the CLI. */
    public static final long HEADROOM_BYTES = 64L << 20;
    /** How a user gives the JVM more memory, for messages. */
    public static final String MORE_MEMORY = "or more memory: -Xmx in JAVA_OPTS or SORB_JAVA_OPTS";
    /** Bytes in a GiB. */
    public static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private HostMemory() {
    }

    /**
     * Bytes this JVM can still allocate: Runtime.maxMemory() - (totalMemory() - freeMemory()) - HEADROOM_BYTES, at
     * least 0 (garbage not yet collected counts as used, so this errs low).
     */
    public static long available() {
        Runtime r = Runtime.getRuntime();
        long used = r.totalMemory() - r.freeMemory();
        return Math.max(0L, r.maxMemory() - used - HEADROOM_BYTES);
    }

    /**
     * What this JVM can use for {@code needed} bytes: {@link #available()}, and when that is less, available() after a
     * garbage collection (garbage not yet collected counts as used), so that only a true shortage refuses.
     */
    public static long availableFor(long needed) {
        long quick = available();
        if (needed <= quick) {
            return quick;
        }
        System.gc();
        return available();
    }

    /** An estimate with its margin: ceil(MARGIN x bytes), saturating at Long.MAX_VALUE. */
    public static long needed(long bytes) {
        double d = Math.ceil(MARGIN * bytes);
        return d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) d;
    }

    /**
     * Bytes in GiB for messages: one decimal ({@code 61.2 GiB}), three significant digits when tiny or huge, and
     * {@code more than ...} for a saturated count (Long.MAX_VALUE).
     */
    public static String gib(long bytes) {
        double g = bytes / GIB;
        String text = String.format(Locale.ROOT, g >= 0.1 && g < 1e6 ? "%.1f GiB" : "%.3g GiB", g);
        return bytes == Long.MAX_VALUE ? "more than " + text : text;
    }
}
