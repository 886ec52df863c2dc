package org.sorb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sorb.backend.Backend;
import org.sorb.backend.JavaBackend;
import org.sorb.model.BindingDeclaration;
import org.sorb.model.BindingModel;
import org.sorb.model.BindingParameter;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.ProgressListener;

/**
 * Designs per second of a batch of slightly different columns on a backend. The Java path runs the batch in
 * chunks of one design per thread, so that it can stop after a time budget and extrapolate from the designs done.
 */
public final class BatchBenchmark {
    /**
     * One measured configuration.
     *
     * @param configuration   what ran, e.g. {@code java, 1 thread}
     * @param batchSize       designs in the batch
     * @param designsDone     designs completed in the measured run (fewer than the batch when stopped early)
     * @param seconds         wall time of the measured run
     * @param designsPerSecond best rate over the repeats
     * @param extrapolated    true when the run stopped at the time budget and the rate is from the designs done
     */
    public record Measurement(String configuration, int batchSize, int designsDone, double seconds,
                              double designsPerSecond, boolean extrapolated) {
    }

    private BatchBenchmark() {
    }

    /**
     * {@code n} distinct designs from {@code base}: the capacity (qmax, Lambda) or, without one, the adsorption rate
     * (linear) scaled by factors evenly spread over [0.95, 1.05].
     */
    public static List<ColumnCase> designs(ColumnCase base, int n) {
        List<ColumnCase> out = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            double f = 0.95 + 0.1 * d / Math.max(1, n - 1);
            out.add(new ColumnCase(base.name(), base.components(), base.column(), base.particle(),
                    scaled(base.binding(), f), base.inlet(), base.initial(), base.discretization(), base.solver(),
                    base.output()));
        }
        return out;
    }

    /**
     * The model with its capacities (the required concentration parameters: qmax, Lambda) times {@code f}, or its
     * adsorption rates where it declares no capacity (linear).
     */
    static BindingModel scaled(BindingModel b, double f) {
        BindingDeclaration d = b.declaration();
        Map<String, double[]> values = BindingDeclaration.values(b);
        List<String> capacities = new ArrayList<>();
        for (BindingParameter p : d.parameters()) {
            if (p.kind() == BindingParameter.Kind.CONCENTRATION && p.defaultValue() == null) {
                capacities.add(p.key());
            }
        }
        for (String key : capacities.isEmpty() ? List.of("ka") : capacities) {
            values.put(key, times(values.get(key), f));
        }
        return d.create(b.kinetic(), values);
    }

    private static double[] times(double[] v, double f) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f;
        }
        return out;
    }

    /** The Java path on {@code threads} threads, chunk by chunk, stopping after {@code maxSeconds}. */
    public static Measurement java(List<ColumnCase> designs, int threads, int repeats, double maxSeconds) {
        JavaBackend backend = new JavaBackend(threads);
        String label = "java, " + threads + " thread" + (threads == 1 ? "" : "s");
        int n = designs.size();
        Measurement best = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            int done = 0;
            double elapsed = 0;
            while (done < n) {
                int to = Math.min(n, done + threads);
                backend.simulateBatch(designs.subList(done, to), ProgressListener.NONE);
                done = to;
                elapsed = (System.nanoTime() - t0) * 1e-9;
                if (elapsed > maxSeconds && done < n) {
                    break;
                }
            }
            Measurement m = new Measurement(label, n, done, elapsed, done / elapsed, done < n);
            if (best == null || m.designsPerSecond() > best.designsPerSecond()) {
                best = m;
            }
            if (elapsed > maxSeconds) {
                break;
            }
        }
        return best;
    }

    /** Whole batches on {@code backend}; repeats stop once a run has used {@code maxSeconds}. */
    public static Measurement batch(String label, Backend backend, List<ColumnCase> designs, int repeats,
                                    double maxSeconds) {
        Measurement best = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            backend.simulateBatch(designs, ProgressListener.NONE);
            double s = (System.nanoTime() - t0) * 1e-9;
            Measurement m = new Measurement(label, designs.size(), designs.size(), s, designs.size() / s, false);
            if (best == null || m.designsPerSecond() > best.designsPerSecond()) {
                best = m;
            }
            if (s > maxSeconds) {
                break;
            }
        }
        return best;
    }
}
