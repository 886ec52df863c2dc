package org.sorb.backend.opencl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Device time per kernel name, summed from OpenCL profiling events (CL_PROFILING_COMMAND_END - START) of the
 * launches made through {@link OpenClContext#enqueue} on a context opened with profiling.
 */
public final class KernelTimes {
    /**
     * One kernel's total.
     *
     * @param kernel   kernel function name
     * @param launches number of launches
     * @param seconds  summed device time, s
     */
    public record Entry(String kernel, long launches, double seconds) {
    }

    private final Map<String, long[]> byKernel = new LinkedHashMap<>();

    synchronized void add(String kernel, long nanos) {
        long[] t = byKernel.computeIfAbsent(kernel, k -> new long[2]);
        t[0]++;
        t[1] += nanos;
    }

    /** Every kernel launched since the last {@link #clear}, largest device time first. */
    public synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        byKernel.forEach((k, t) -> out.add(new Entry(k, t[0], t[1] * 1e-9)));
        out.sort(Comparator.comparingDouble(Entry::seconds).reversed());
        return out;
    }

    /** Summed device time of every kernel, s. */
    public synchronized double totalSeconds() {
        return byKernel.values().stream().mapToLong(t -> t[1]).sum() * 1e-9;
    }

    /** Forgets every launch recorded so far. */
    public synchronized void clear() {
        byKernel.clear();
    }
}
