package org.sorb.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sorb.cases.CaseException;
import org.sorb.cases.ParameterizedCase;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;

/**
 * One experiment of a fit: its curve, its case with the fitted keys open, and how the model is sampled at the
 * curve's x values (linear interpolation of the simulated outlet between its output samples).
 */
final class ExperimentModel {
    private final Experiment experiment;
    private final ParameterizedCase pcase;
    private final int[] componentIndex;
    private final double area;

    private ExperimentModel(Experiment experiment, ParameterizedCase pcase, int[] componentIndex, double area) {
        this.experiment = experiment;
        this.pcase = pcase;
        this.componentIndex = componentIndex;
        this.area = area;
    }

    /**
     * The experiment on {@code caseFile} with {@code overrides} then the experiment's own settings; checks that every
     * x of the curve lies within the simulated outlet.
     *
     * @throws CaseException when the case, a key or the curve does not fit together
     */
    static ExperimentModel create(Path caseFile, List<String> overrides, List<String> keys, Experiment experiment)
            throws CaseException, IOException {
        List<String> all = new ArrayList<>(overrides);
        all.addAll(experiment.overrides());
        ParameterizedCase pcase = ParameterizedCase.load(caseFile, all, keys);
        for (String k : experiment.scales().keySet()) {
            if (!keys.contains(k)) {
                throw new CaseException("experiment " + experiment.name() + ": scale." + k, "a key that is not "
                        + "fitted", "one of the fitted keys " + keys);
            }
        }
        ColumnCase model = pcase.base().model();
        MeasuredCurve curve = experiment.curve();
        int[] index = new int[curve.components().size()];
        for (int j = 0; j < index.length; j++) {
            index[j] = model.components().indexOf(curve.components().get(j));
        }
        double diameter = pcase.baseValue("column.diameter");
        if (curve.axis() == XAxis.VOLUME && !(diameter > 0)) {
            throw new CaseException(CurveCsvReader.where(curve.source(), curve.lines()[0], 0, curve.axis().key()),
                    "volume on the x axis", "time or column_volumes, or a case with column.diameter (the volume "
                    + "needs the cross-section)");
        }
        ExperimentModel em = new ExperimentModel(experiment, pcase, index, Math.PI * diameter * diameter / 4.0);
        em.checkRange(model);
        return em;
    }

    Experiment experiment() {
        return experiment;
    }

    ParameterizedCase parameterizedCase() {
        return pcase;
    }

    /** This experiment's values of the fitted keys: the fitted {@code values} times its scales. */
    double[] scaled(double[] values, List<String> keys) {
        double[] out = values.clone();
        for (int q = 0; q < out.length; q++) {
            out[q] *= experiment.scale(keys.get(q));
        }
        return out;
    }

    /** Number of measured values (rows x measured components). */
    int size() {
        return experiment.curve().size() * componentIndex.length;
    }

    /** Outlet time (s) of each row of the curve for the design {@code model}. */
    double[] times(ColumnCase model) {
        MeasuredCurve curve = experiment.curve();
        double[] x = curve.x();
        double[] t = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            t[k] = curve.axis().toTime(x[k], model.column(), area);
        }
        return t;
    }

    private void checkRange(ColumnCase model) throws CaseException {
        double[] t = times(model);
        double end = model.inlet().endTime();
        MeasuredCurve curve = experiment.curve();
        for (int k = 0; k < t.length; k++) {
            if (t[k] > end * (1 + 1e-12)) {
                throw new CaseException(CurveCsvReader.where(curve.source(), curve.lines()[k], 0, curve.axis().key()),
                        curve.x()[k] + " " + curve.axis().siUnit() + " (outlet time " + t[k] + " s)",
                        "x within the simulated range, 0 to " + end + " s (the end of the case's last inlet section)");
            }
        }
    }

    /**
     * The model at the curve's rows, row-major [n][m]: the outlet of {@code result} interpolated linearly in time.
     *
     * @throws FitFailure when a row's time falls outside the simulated outlet (a fitted key moved it)
     */
    double[] sample(SimulationResult result, ColumnCase model) {
        double[] t = times(model);
        double[] grid = result.time();
        int m = componentIndex.length;
        double[] out = new double[t.length * m];
        int seg = 0;
        for (int k = 0; k < t.length; k++) {
            if (t[k] < grid[0] || t[k] > grid[grid.length - 1] * (1 + 1e-12)) {
                throw new FitFailure("experiment " + experiment.name() + ": row " + experiment.curve().lines()[k]
                        + " at outlet time " + t[k] + " s lies outside the simulated outlet, " + grid[0] + " to "
                        + grid[grid.length - 1] + " s, at these parameter values");
            }
            while (seg < grid.length - 2 && grid[seg + 1] < t[k]) {
                seg++;
            }
            int hi = Math.min(seg + 1, grid.length - 1);
            double span = grid[hi] - grid[seg];
            double f = span > 0 ? Math.min(1.0, Math.max(0.0, (t[k] - grid[seg]) / span)) : 0.0;
            for (int j = 0; j < m; j++) {
                int i = componentIndex[j];
                out[k * m + j] = (1 - f) * result.outlet(seg, i) + f * result.outlet(hi, i);
            }
        }
        return out;
    }
}
