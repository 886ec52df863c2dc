package org.sorb.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;

/** Builds the {@link MetricsReport} of a run or sweep from its fine results and, when checked, their companions. */
public final class MetricsCollector {
    private MetricsCollector() {
    }

    /**
     * The metrics of every design.
     *
     * @param layout    the metric layout of the base case
     * @param baseSpec  the base case's metrics settings (its tolerance and whether the grid is checked)
     * @param designs   each design's model
     * @param specs     each design's metrics settings (viscosity may be swept)
     * @param fine      each design's result, null for a failed design (its row is NaN)
     * @param companion each design's companion result (null entries for failed companions), or null when unchecked
     */
    public static MetricsReport collect(DesignMetrics layout, MetricsSpec baseSpec, List<ColumnCase> designs,
                                        List<MetricsSpec> specs, List<SimulationResult> fine,
                                        List<SimulationResult> companion) {
        int n = designs.size();
        int m = layout.names().size();
        double[][] values = new double[n][];
        double[][] errors = new double[n][];
        List<List<String>> notes = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            errors[d] = nan(m);
            if (fine.get(d) == null) {
                values[d] = nan(m);
                notes.add(List.of());
                continue;
            }
            DesignMetrics.Evaluation e = layout.evaluate(designs.get(d), specs.get(d), fine.get(d));
            values[d] = e.values();
            List<String> designNotes = new ArrayList<>(e.notes());
            SimulationResult coarse = companion == null ? null : companion.get(d);
            if (coarse != null) {
                double[] coarseValues = layout.evaluate(GridCompanion.coarser(designs.get(d)), specs.get(d), coarse)
                        .values();
                errors[d] = GridCompanion.estimate(values[d], coarseValues);
            } else if (companion != null) {
                designNotes.add("grid error: the companion solve failed; not estimated");
            }
            notes.add(designNotes);
        }
        String method = companion == null ? GridCompanion.METHOD_OFF : GridCompanion.METHOD;
        return new MetricsReport(layout.names(), layout.units(), values, errors, baseSpec.gridTolerance(), method,
                notes);
    }

    private static double[] nan(int m) {
        double[] row = new double[m];
        Arrays.fill(row, Double.NaN);
        return row;
    }
}
