package org.sorb.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sorb.io.CadetReference;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.StateLayout;

/**
 * Time to solution against a CADET reference: for each configuration (finite volumes or spectral elements, and
 * tolerances), the median wall time of repeated in-process runs (after warm-up runs) and the max abs outlet error.
 */
public final class ReferenceBenchmark {
    /**
     * One measured configuration.
     *
     * @param config           grid and tolerances
     * @param unknowns         size of the state vector
     * @param maxError         max abs outlet error against the reference (last measured run)
     * @param medianSeconds    median wall time of the measured runs (solve only: no JVM start, no output)
     * @param minSeconds       fastest measured run
     * @param steps            accepted time steps
     * @param newtonIterations Newton iterations over all stages
     */
    public record Measurement(BenchConfiguration config, long unknowns, double maxError, double medianSeconds,
                              double minSeconds, long steps, long newtonIterations) {
    }

    /**
     * The fastest finite-volume and spectral-element measurements (by median) within one error bound.
     *
     * @param bound the max abs error bound
     * @param fv    fastest finite-volume measurement reaching it, if any
     * @param dg    fastest spectral-element measurement reaching it, if any
     */
    public record Fastest(double bound, Optional<Measurement> fv, Optional<Measurement> dg) {
    }

    private ReferenceBenchmark() {
    }

    /** The reference case on a configuration's grid and tolerances. */
    public static ColumnCase toCase(CadetReference ref, BenchConfiguration config) {
        return ref.toCase(config.grid(), config.absTol(), config.relTol());
    }

    /**
     * Measures one configuration: {@code warmup} unmeasured and {@code repeats} measured runs.
     */
    public static Measurement run(CadetReference ref, BenchConfiguration config, int warmup, int repeats) {
        ColumnCase c = toCase(ref, config);
        for (int w = 0; w < warmup; w++) {
            new ColumnSimulator(c).run(ProgressListener.NONE);
        }
        double[] times = new double[repeats];
        SimulationResult last = null;
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            last = new ColumnSimulator(c).run(ProgressListener.NONE);
            times[k] = (System.nanoTime() - t0) * 1e-9;
        }
        Arrays.sort(times);
        return new Measurement(config, StateLayout.of(c).unknowns(), ref.maxError(last.outletOf(0)),
                times[repeats / 2], times[0], last.stats().steps(), last.stats().newtonIterations());
    }

    /** Measures every configuration in order. */
    public static List<Measurement> run(CadetReference ref, List<BenchConfiguration> configs, int warmup, int repeats) {
        List<Measurement> out = new ArrayList<>();
        for (BenchConfiguration config : configs) {
            out.add(run(ref, config, warmup, repeats));
        }
        return out;
    }

    /**
     * For every decade bound 10^k that some measurement reaches (from the loosest measured error's decade down to
     * the tightest), the fastest finite-volume and spectral-element measurement within it.
     */
    public static List<Fastest> fastestPerDecade(List<Measurement> ms) {
        List<Fastest> out = new ArrayList<>();
        if (ms.isEmpty()) {
            return out;
        }
        double least = ms.stream().mapToDouble(Measurement::maxError).min().orElseThrow();
        double most = ms.stream().mapToDouble(Measurement::maxError).max().orElseThrow();
        if (!(least > 0) || !Double.isFinite(most)) {
            return out;
        }
        int top = (int) Math.ceil(Math.log10(most) - 1e-12);
        int bottom = (int) Math.ceil(Math.log10(least) - 1e-12);
        for (int k = top; k >= bottom; k--) {
            double bound = Math.pow(10, k);
            out.add(new Fastest(bound, fastest(ms, bound, false), fastest(ms, bound, true)));
        }
        return out;
    }

    /** The fastest measurement (by median) of one method within {@code bound}. */
    public static Optional<Measurement> fastest(List<Measurement> ms, double bound, boolean galerkin) {
        return ms.stream().filter(m -> m.config().grid().isGalerkin() == galerkin && m.maxError() <= bound)
                .min(Comparator.comparingDouble(Measurement::medianSeconds));
    }
}
