package org.sorb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sorb.backend.Backend;
import org.sorb.cases.LoadedCase;
import org.sorb.cases.LoadedSweep;
import org.sorb.metrics.DesignMetrics;
import org.sorb.metrics.GridCompanion;
import org.sorb.metrics.MetricsCollector;
import org.sorb.metrics.MetricsReport;
import org.sorb.metrics.MetricsSpec;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.InvalidModelException;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;

/**
 * The design-metrics part of {@code sorb run}: the grid companions (solved in the same batch as a sweep's designs),
 * the metrics report, its summary on stdout and the grid warning on stderr.
 */
final class MetricsStep {
    /** Designs of a sweep whose grid warning names their worst metric. */
    static final int WORST_LISTED = 3;

    private MetricsStep() {
    }

    /** The companion solve of a single run, or null when the case switched it off or it failed. */
    static SimulationResult companion(Backend b, LoadedCase loaded, RunBudget budget) {
        if (!loaded.metrics().gridCheck()) {
            return null;
        }
        try {
            return b.simulate(GridCompanion.coarser(loaded.model()), budget, ProgressListener.NONE);
        } catch (InvalidModelException e) {
            throw e;
        } catch (RuntimeException e) {
            return null; // the report says the error was not estimated
        }
    }

    /** The metrics of a single run. */
    static MetricsReport single(LoadedCase loaded, SimulationResult result, SimulationResult companion) {
        ColumnCase model = loaded.model();
        MetricsSpec spec = loaded.metrics();
        return MetricsCollector.collect(new DesignMetrics(model, spec, loaded.concentrationUnit()), spec,
                List.of(model), List.of(spec), List.of(result),
                spec.gridCheck() ? Arrays.asList(companion) : null);
    }

    /** The batch a sweep runs: its designs, then (when checked) each design's companion in the same order. */
    static List<ColumnCase> batch(LoadedSweep sweep) {
        List<ColumnCase> all = new ArrayList<>(sweep.models());
        if (sweep.base().metrics().gridCheck()) {
            for (ColumnCase c : sweep.models()) {
                all.add(GridCompanion.coarser(c));
            }
        }
        return all;
    }

    /** The metrics of every design from the outcomes of {@link #batch}. */
    static MetricsReport sweep(LoadedSweep sweep, List<DesignOutcome> all) {
        int n = sweep.size();
        MetricsSpec spec = sweep.base().metrics();
        List<MetricsSpec> specs = new ArrayList<>();
        sweep.designs().forEach(d -> specs.add(d.metrics()));
        List<SimulationResult> fine = results(all.subList(0, n));
        List<SimulationResult> coarse = all.size() > n ? results(all.subList(n, 2 * n)) : null;
        return MetricsCollector.collect(new DesignMetrics(sweep.base().model(), spec,
                sweep.base().concentrationUnit()), spec, sweep.models(), specs, fine, coarse);
    }

    private static List<SimulationResult> results(List<DesignOutcome> outcomes) {
        List<SimulationResult> out = new ArrayList<>();
        outcomes.forEach(o -> out.add(o.failed() ? null : o.result()));
        return out;
    }

    /** The metrics of a single run, one per line, and its notes. */
    static void printSingle(PrintWriter out, MetricsReport r) {
        out.println("metrics (/metrics; grid error estimate in /metrics_grid_error):");
        for (int j = 0; j < r.names().size(); j++) {
            double e = r.gridError()[0][j];
            String grid = Double.isNaN(e) || e == 0.0 ? ""
                    : String.format(Locale.ROOT, "  (grid error %.2g, %.2g %%)", e, 100 * r.relativeError(0, j));
            out.println(String.format(Locale.ROOT, "  %s = %.6g %s%s", r.names().get(j), r.values()[0][j],
                    r.units().get(j), grid));
        }
        for (String note : r.notes().get(0)) {
            out.println("  note: " + note);
        }
    }

    /** The range of each metric over the designs that finished. */
    static void printSweep(PrintWriter out, MetricsReport r) {
        out.println("metrics (/sweep/metrics), range over the designs:");
        for (int j = 0; j < r.names().size(); j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int missing = 0;
            for (double[] row : r.values()) {
                if (Double.isNaN(row[j])) {
                    missing++;
                    continue;
                }
                lo = Math.min(lo, row[j]);
                hi = Math.max(hi, row[j]);
            }
            String range = lo > hi ? "NaN" : String.format(Locale.ROOT, "%.4g .. %.4g %s", lo, hi, r.units().get(j));
            out.println("  " + r.names().get(j) + ": " + range + (missing > 0 ? " (" + missing + " NaN)" : ""));
        }
    }

    /** The grid warning of a single run on stderr, when a metric's relative error estimate exceeds the tolerance. */
    static void warnSingle(PrintWriter err, MetricsReport r, ColumnCase model) {
        if (!r.flagged(0)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < r.names().size(); j++) {
            if (r.relativeError(0, j) > r.tolerance()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s = %.4g +- %.2g %s "
                        + "(%.2g %%)", r.names().get(j), r.values()[0][j], r.gridError()[0][j], r.units().get(j),
                        100 * r.relativeError(0, j)));
            }
        }
        boolean dg = model.discretization().isGalerkin();
        err.println(String.format(Locale.ROOT, "warning: grid not converged to metrics.grid_tolerance %s on %s%s "
                + "(against the %s companion): %s; refine discretization.%s",
                r.tolerance(), GridCompanion.describe(model), dg ? "" : " cells",
                GridCompanion.describe(GridCompanion.coarser(model)), sb,
                dg ? "axial_elements / polynomial_degree / particle_elements / particle_polynomial_degree"
                        : "axial_cells / particle_cells"));
        err.flush();
    }

    /** The grid warning of a sweep: how many designs are not converged, and the worst ones. */
    static void warnSweep(PrintWriter err, MetricsReport r, LoadedSweep sweep) {
        int[] all = new int[r.values().length];
        java.util.Arrays.setAll(all, d -> d);
        warnSweep(err, r, sweep, all);
    }

    /** As {@link #warnSweep(PrintWriter, MetricsReport, LoadedSweep)} for rows that are the designs {@code designs}. */
    static void warnSweep(PrintWriter err, MetricsReport r, LoadedSweep sweep, int[] designs) {
        List<Integer> flagged = new ArrayList<>();
        for (int d = 0; d < r.values().length; d++) {
            if (r.flagged(d)) {
                flagged.add(d);
            }
        }
        if (flagged.isEmpty()) {
            return;
        }
        flagged.sort((a, b) -> Double.compare(r.relativeError(b, r.worst(b)), r.relativeError(a, r.worst(a))));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(WORST_LISTED, flagged.size()); i++) {
            int d = flagged.get(i);
            int j = r.worst(d);
            sb.append(i == 0 ? "" : "; ").append(String.format(Locale.ROOT, "design %d (%s) %s %.2g %%", designs[d],
                    sweep.describe(designs[d]), r.names().get(j), 100 * r.relativeError(d, j)));
        }
        err.println(String.format(Locale.ROOT, "warning: %d of %d designs not converged to metrics.grid_tolerance %s "
                + "(/sweep/metrics_grid_error); worst: %s", flagged.size(), r.values().length, r.tolerance(), sb));
        err.flush();
    }
}
