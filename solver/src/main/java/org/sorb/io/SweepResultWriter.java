package org.sorb.io;

import static org.sorb.io.ResultNames.*;

import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sorb.cases.LoadedSweep;
import org.sorb.metrics.MetricsReport;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;
import org.sorb.numerics.ColumnSimulator;

/**
 * Writes the results of a sweep as one HDF5 file, all or nothing (temporary file, checked, renamed): the shared
 * {@code /outlet/time}, the design matrix {@code /sweep/parameters} (attributes {@code names}, {@code units}),
 * every design's outlet in {@code /sweep/outlet/concentration} [n_design, n_t, n_comp], its mass-balance error and
 * solver work, which
 * designs failed and why ({@code /sweep/failed}, {@code /sweep/failure_reason}; a failed design's rows are NaN),
 * and the root attributes of {@link ResultWriter} ({@code case} is the base case). jhdf's limits are respected as
 * there: no group is left empty, long texts go to datasets, no dataset is empty.
 */
public final class SweepResultWriter {
    private SweepResultWriter() {
    }

    /**
     * Writes {@code outcomes} (one per design, in order; failed ones included) of {@code sweep} to {@code out},
     * replacing any file there.
     *
     * @throws IOException              when the file cannot be written or renamed into place
     * @throws IllegalArgumentException when the results do not match the sweep or have different outlet times
     */
    public static void write(Path out, LoadedSweep sweep, List<DesignOutcome> results, String backendName,
                             String backendDescription) throws IOException {
        write(out, sweep, results, SweepShare.whole(sweep), backendName, backendDescription, null);
    }

    /**
     * As {@link #write(Path, LoadedSweep, List, String, String)} for a part of a sweep, with every design's metrics
     * ({@code /sweep/metrics}, {@code /sweep/metrics_grid_error}; {@code metrics} may be null): {@code sweep} holds
     * the part's designs and {@code share} says which designs of which sweep they are.
     */
    public static void write(Path out, LoadedSweep sweep, List<DesignOutcome> results, SweepShare share,
                             String backendName, String backendDescription, MetricsReport metrics) throws IOException {
        if (share.size() != sweep.size()) {
            throw new IllegalArgumentException(share.size() + " design indices for " + sweep.size() + " designs");
        }
        int nComp = sweep.base().model().nComp();
        double[] time = checkResults(sweep, results, nComp);
        ResultWriter.publish(out, file -> {
            ResultWriter.writeRoot(file, sweep.base(), backendName, backendDescription);
            WritableGroup outlet = file.putGroup(OUTLET);
            outlet.putAttribute(COMPONENTS, sweep.base().model().components().toArray(new String[0]));
            ResultWriter.dataset(outlet, OUTLET_TIME, time, "s");
            WritableGroup group = writeSweep(file, sweep, results, share, time.length, nComp);
            if (metrics != null) {
                MetricsWriter.sweep(group, metrics);
            }
        });
    }

    private static WritableGroup writeSweep(WritableHdfFile file, LoadedSweep sweep, List<DesignOutcome> results,
                                            SweepShare share, int nT, int nComp) {
        int n = results.size();
        String unit = sweep.base().concentrationUnit();
        WritableGroup group = file.putGroup(SWEEP);
        group.putAttribute(MODE, sweep.mode());
        group.putAttribute(DESIGNS, (long) n);
        String definition = sweep.definition();
        if (definition.getBytes(StandardCharsets.UTF_8).length <= ResultWriter.MAX_ATTRIBUTE_BYTES) {
            group.putAttribute(DEFINITION, definition);
        } else {
            group.putDataset(DEFINITION, definition);
            group.putAttribute(DEFINITION, "in dataset /" + SWEEP + "/" + DEFINITION);
        }
        WritableDataset parameters = group.putDataset(ResultWriter.leaf(SWEEP_PARAMETERS), sweep.parameters());
        parameters.putAttribute(NAMES, sweep.names().toArray(new String[0]));
        parameters.putAttribute(UNITS, sweep.units().toArray(new String[0]));
        double[][][] outlet = new double[n][][];
        double[] errors = new double[n];
        double[][] stats = new double[n][];
        byte[] failed = new byte[n];
        String[] reasons = new String[n];
        long failures = 0;
        for (int d = 0; d < n; d++) {
            DesignOutcome o = results.get(d);
            reasons[d] = o.failed() ? o.failure() : "";
            if (o.failed()) {
                failed[d] = 1;
                failures++;
                double[][] rows = new double[nT][nComp];
                for (double[] row : rows) {
                    Arrays.fill(row, Double.NaN);
                }
                outlet[d] = rows;
                errors[d] = Double.NaN;
                stats[d] = new double[SOLVER_STATS_NAMES.size()];
                Arrays.fill(stats[d], Double.NaN);
                continue;
            }
            SimulationResult r = o.result();
            outlet[d] = Reshape.to2d(r.outlet(), nT, nComp);
            errors[d] = r.massBalance().relativeError();
            SolverStats s = r.stats();
            stats[d] = new double[] {s.steps(), s.rejectedSteps(), s.newtonIterations(), s.jacobianEvaluations(),
                    s.wallSeconds()};
        }
        group.putAttribute(FAILED, failures);
        ResultWriter.dataset(group, SWEEP_MASS_BALANCE_ERROR, errors, "1");
        group.putDataset(ResultWriter.leaf(SWEEP_SOLVER_STATS), stats)
                .putAttribute(NAMES, SOLVER_STATS_NAMES.toArray(new String[0]));
        group.putDataset(ResultWriter.leaf(SWEEP_FAILED), failed);
        group.putDataset(ResultWriter.leaf(SWEEP_FAILURE_REASON), reasons);
        WritableGroup outletGroup = group.putGroup(ResultWriter.leaf(SWEEP_OUTLET));
        ResultWriter.dataset(outletGroup, SWEEP_OUTLET_CONCENTRATION, outlet, unit);
        writeShare(group, share);
        return group;
    }

    private static void writeShare(WritableGroup group, SweepShare share) {
        group.putAttribute(SWEEP_ID, share.sweepId());
        group.putAttribute(SHARD, share.shard());
        group.putAttribute(DESIGNS_TOTAL, share.designsTotal());
        group.putDataset(ResultWriter.leaf(SWEEP_DESIGN_INDEX), share.designIndex());
    }

    /**
     * The common outlet times: those of the designs that finished, or, when every design failed, the times design 0
     * would have had; fails when counts, components or times differ.
     */
    private static double[] checkResults(LoadedSweep sweep, List<DesignOutcome> results, int nComp) {
        if (results.size() != sweep.size()) {
            throw new IllegalArgumentException(results.size() + " results for " + sweep.size() + " designs");
        }
        ColumnCase first = sweep.designs().get(0).model();
        double[] time = ColumnSimulator.outputTimes(first.output().interval(), first.inlet().endTime());
        for (DesignOutcome o : results) {
            if (!o.failed()) {
                time = o.result().time();
                break;
            }
        }
        if (time.length == 0) {
            throw new IllegalArgumentException("the results have no outlet samples");
        }
        for (int d = 0; d < results.size(); d++) {
            if (results.get(d).failed()) {
                continue;
            }
            SimulationResult r = results.get(d).result();
            if (r.nComp() != nComp) {
                throw new IllegalArgumentException("design " + d + " has " + r.nComp() + " components, the case "
                        + nComp);
            }
            if (!Arrays.equals(r.time(), time)) {
                throw new IllegalArgumentException("design " + d + " has outlet times other than the first design's");
            }
            if (r.outlet().length != time.length * nComp) {
                throw new IllegalArgumentException("design " + d + " has " + r.outlet().length
                        + " outlet values, expected " + time.length * nComp);
            }
        }
        return time;
    }
}
