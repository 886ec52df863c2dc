package org.sorb.io;

import static org.sorb.io.ResultNames.*;

import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.util.ArrayList;
import java.util.List;
import org.sorb.metrics.MetricsReport;

/**
 * Writes a {@link MetricsReport}: {@code /metrics} and {@code /metrics_grid_error} [n_metric] for a single run,
 * {@code /sweep/metrics} and {@code /sweep/metrics_grid_error} [n_design, n_metric] for a sweep, each with the
 * attributes {@code names} and {@code units}; the grid errors also with {@code tolerance} and {@code method}.
 */
final class MetricsWriter {
    private MetricsWriter() {
    }

    /** The single-run datasets under {@code root} (design 0 of the report), with its notes as an attribute. */
    static void single(WritableGroup root, MetricsReport report) {
        WritableDataset values = root.putDataset(METRICS, report.values()[0]);
        describe(values, report);
        List<String> notes = new ArrayList<>(report.notes().get(0));
        if (!notes.isEmpty()) {
            values.putAttribute(NOTES, notes.toArray(new String[0]));
        }
        gridError(root.putDataset(METRICS_GRID_ERROR, report.gridError()[0]), report);
    }

    /** The sweep datasets in the {@code /sweep} group. */
    static void sweep(WritableGroup sweep, MetricsReport report) {
        describe(sweep.putDataset(leaf(SWEEP_METRICS), report.values()), report);
        gridError(sweep.putDataset(leaf(SWEEP_METRICS_GRID_ERROR), report.gridError()), report);
    }

    private static void describe(WritableDataset d, MetricsReport report) {
        d.putAttribute(NAMES, report.names().toArray(new String[0]));
        d.putAttribute(UNITS, report.units().toArray(new String[0]));
    }

    private static void gridError(WritableDataset d, MetricsReport report) {
        describe(d, report);
        d.putAttribute(TOLERANCE, report.tolerance());
        d.putAttribute(METHOD, report.method());
    }

    private static String leaf(String path) {
        return ResultWriter.leaf(path);
    }
}
