package org.sorb.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sorb.io.CadetReference;
import org.sorb.model.ColumnCase;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * Time to solution against a CADET reference: for each grid and tolerance, the median wall time of
 * repeated runs (after warm-up runs) and the max abs outlet error.
 */
public final class ReferenceBenchmark {
    /** One measured configuration. */
    public record Measurement(int axialCells, int particleCells, double relTol, double absTol, double maxError,
                              double medianSeconds, double minSeconds, long steps) {
    }

    private ReferenceBenchmark() {
    }

    /** Runs every grid "NZxNR@RELTOL" with {@code warmup} unmeasured and {@code repeats} measured runs. */
    public static List<Measurement> run(CadetReference ref, List<String> configurations, int warmup, int repeats) {
        List<Measurement> out = new ArrayList<>();
        for (String config : configurations) {
            String[] gridTol = config.split("@");
            String[] grid = gridTol[0].split("x");
            int nz = Integer.parseInt(grid[0]);
            int nr = Integer.parseInt(grid[1]);
            double rel = Double.parseDouble(gridTol[1]);
            double abs = rel * 1e-4;
            ColumnCase c = ref.toCase(nz, nr, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3, abs, rel);
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
            out.add(new Measurement(nz, nr, rel, abs, ref.maxError(last.outletOf(0)), times[repeats / 2], times[0],
                    last.stats().steps()));
        }
        return out;
    }
}
