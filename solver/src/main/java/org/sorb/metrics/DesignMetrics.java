package org.sorb.metrics;

import java.util.ArrayList;
import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;

/**
 * The design metrics of a case, in a fixed order set by the base case of a run or sweep: residence_time (s),
 * column_volumes (loaded volume / bed volume), pressure_drop (Pa), then per bound component
 * {@code dbc_<p>pct:<c>} for each breakthrough level, {@code equilibrium_capacity:<c>},
 * {@code capacity_utilisation:<c>} (DBC_10 / EBC) and, for a load-wash-elute cycle, {@code productivity:<c>}.
 * Capacities are per volume of packed bed in the case's concentration unit.
 */
public final class DesignMetrics {
    public static final String RESIDENCE_TIME = "residence_time";
    public static final String COLUMN_VOLUMES = "column_volumes";
    public static final String PRESSURE_DROP = "pressure_drop";
    private static final int FLOW_METRICS = 3;

    private final List<String> names = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private final double[] percent;
    private final int[] components;
    private final boolean productivity;

    /** The metric layout of {@code base} (its bound components, levels and whether it is a cycle). */
    public DesignMetrics(ColumnCase base, MetricsSpec spec, String concentrationUnit) {
        percent = spec.breakthroughPercent();
        productivity = !Double.isNaN(Productivity.elutionStart(base));
        boolean[] bound = LoadSection.boundComponents(base.binding());
        int count = 0;
        for (boolean b : bound) {
            count += b ? 1 : 0;
        }
        components = new int[count];
        add(RESIDENCE_TIME, "s");
        add(COLUMN_VOLUMES, "1");
        add(PRESSURE_DROP, "Pa");
        for (int i = 0, j = 0; i < bound.length; i++) {
            if (!bound[i]) {
                continue;
            }
            components[j++] = i;
            String c = ":" + base.components().get(i);
            for (double p : percent) {
                add(dbcName(p) + c, concentrationUnit);
            }
            add("equilibrium_capacity" + c, concentrationUnit);
            add("capacity_utilisation" + c, "1");
            if (productivity) {
                add("productivity" + c, concentrationUnit + "/s");
            }
        }
    }

    /** {@code dbc_10pct}, {@code dbc_12.5pct}: the metric name of the DBC at p % breakthrough. */
    public static String dbcName(double p) {
        return "dbc_" + number(p) + "pct";
    }

    /** {@code v} without a fraction when it is a whole number, for names and notes. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private void add(String name, String unit) {
        names.add(name);
        units.add(unit);
    }

    /** Metric names, in order. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** Unit of each metric. */
    public List<String> units() {
        return List.copyOf(units);
    }

    /**
     * The metrics of one finished simulation.
     *
     * @param values one per name; NaN where a metric does not exist for this design (see notes)
     * @param notes  why a metric is NaN, one line each
     */
    public record Evaluation(double[] values, List<String> notes) {
    }

    /** Evaluates design {@code c} (with its own {@code spec}'s viscosity) from its result {@code r}. */
    public Evaluation evaluate(ColumnCase c, MetricsSpec spec, SimulationResult r) {
        double[] v = new double[names.size()];
        List<String> notes = new ArrayList<>();
        LoadSection load = LoadSection.of(c);
        double us = c.column().superficialVelocity();
        double length = c.column().length();
        v[0] = c.column().residenceTime();
        v[1] = load == null ? Double.NaN : FlowMetrics.columnVolumes(c.column(), load.duration());
        v[2] = PressureDrop.blakeKozeny(spec.viscosity(), us, length, c.column().bedPorosity(),
                2.0 * c.particle().radius());
        if (Double.isNaN(v[2])) {
            notes.add(PRESSURE_DROP + ": no particle radius (lumped rate model without particle); NaN");
        }
        double[] ebc = equilibrium(c, load, notes);
        double[] time = r.time();
        int at = FLOW_METRICS;
        for (int i : components) {
            String name = c.components().get(i);
            double feed = load == null ? 0.0 : load.feed(i);
            double dbc10 = Double.NaN;
            double[] outlet = r.outletOf(i);
            for (double p : percent) {
                double dbc = Double.NaN;
                if (feed > 0.0) {
                    double t = Breakthrough.crossing(time, outlet, feed * p / 100.0, load.start(), load.end());
                    dbc = Breakthrough.capacity(feed, us, length, load.start(), t);
                    if (Double.isNaN(t)) {
                        notes.add(dbcName(p) + ":" + name + ": the outlet never reaches " + number(p) + " % of the "
                                + "feed during the load (" + number(load.start()) + " to " + number(load.end())
                                + " s); NaN");
                    }
                } else {
                    notes.add(dbcName(p) + ":" + name + ": no load section feeds " + name + "; NaN");
                }
                dbc10 = p == MetricsSpec.STANDARD_PERCENT ? dbc : dbc10;
                v[at++] = dbc;
            }
            v[at++] = ebc[i];
            v[at++] = dbc10 / ebc[i];
            if (productivity) {
                v[at++] = Productivity.of(c, time, outlet);
            }
        }
        if (load == null) {
            notes.add(COLUMN_VOLUMES + ": no load section (constant positive feed of a bound component); NaN");
        }
        return new Evaluation(v, List.copyOf(notes));
    }

    private static double[] equilibrium(ColumnCase c, LoadSection load, List<String> notes) {
        double[] nan = new double[c.nComp()];
        java.util.Arrays.fill(nan, Double.NaN);
        if (load == null) {
            return nan;
        }
        try {
            return EquilibriumCapacity.perBedVolume(c, load.feed());
        } catch (RuntimeException e) {
            notes.add("equilibrium_capacity: " + e.getMessage() + "; NaN");
            return nan;
        }
    }
}
