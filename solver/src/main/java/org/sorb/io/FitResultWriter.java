package org.sorb.io;

import static org.sorb.io.ResultNames.COMPONENTS;
import static org.sorb.io.ResultNames.NAMES;
import static org.sorb.io.ResultNames.UNITS;

import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sorb.fit.CurveFit;
import org.sorb.fit.FitParameter;
import org.sorb.fit.FitResult;

/**
 * Writes a fit as HDF5, all or nothing (temporary file beside the target, renamed when complete). Layout: root
 * attributes as a run's (the case is the fitted case); {@code /fit/{values, standard_errors, initial, lower, upper}}
 * [p] in SI with attribute {@code names}; {@code /fit/correlation} [p, p]; {@code /fit/rmse} [n_experiment] with
 * {@code names}; attributes of {@code /fit}: {@code converged}, {@code reason}, {@code iterations},
 * {@code evaluations}, {@code simulations}, {@code cost}, {@code wall_seconds}, {@code runner}, {@code transform};
 * per experiment {@code /fit/curves/<name>/{x, time, measured, fitted, outlet_time, outlet}}.
 */
public final class FitResultWriter {
    public static final String FIT = "fit";
    public static final String CURVES = "curves";

    private FitResultWriter() {
    }

    /**
     * Writes {@code fit} to {@code out}, replacing any existing file.
     *
     * @throws IOException when the file cannot be written or renamed into place
     */
    public static void write(Path out, FitResult fit, String backendName, String backendDescription)
            throws IOException {
        ResultWriter.publish(out, file -> {
            ResultWriter.writeRoot(file, fit.fittedCase(), backendName, backendDescription);
            writeFit(file.putGroup(FIT), fit);
        });
    }

    private static void writeFit(WritableGroup g, FitResult fit) {
        List<FitParameter> ps = fit.parameters();
        int p = ps.size();
        double[] initial = new double[p];
        double[] lower = new double[p];
        double[] upper = new double[p];
        String[] transform = new String[p];
        for (int q = 0; q < p; q++) {
            initial[q] = ps.get(q).initial();
            lower[q] = ps.get(q).lower();
            upper[q] = ps.get(q).upper();
            transform[q] = ps.get(q).logarithmic() ? "log" : "linear";
        }
        String[] names = fit.keys().toArray(new String[0]);
        named(g, "values", fit.values(), names);
        named(g, "standard_errors", fit.standardErrors(), names);
        named(g, "initial", initial, names);
        named(g, "lower", lower, names);
        named(g, "upper", upper, names);
        g.putDataset("correlation", fit.correlation()).putAttribute(NAMES, names);
        List<CurveFit> curves = fit.curves();
        double[] rmse = new double[curves.size()];
        String[] experiments = new String[curves.size()];
        for (int e = 0; e < curves.size(); e++) {
            rmse[e] = curves.get(e).rmse();
            experiments[e] = curves.get(e).name();
        }
        String unit = fit.fittedCase().concentrationUnit();
        g.putDataset("rmse", rmse).putAttribute(NAMES, experiments);
        g.putAttribute("converged", fit.converged() ? 1 : 0);
        g.putAttribute("reason", fit.reason());
        g.putAttribute("iterations", fit.iterations());
        g.putAttribute("evaluations", fit.evaluations());
        g.putAttribute("simulations", fit.simulations());
        g.putAttribute("cost", fit.cost());
        g.putAttribute("wall_seconds", fit.wallSeconds());
        g.putAttribute("runner", fit.runner());
        g.putAttribute("transform", transform);
        g.putAttribute(UNITS, "values, standard_errors, initial, lower, upper: SI units of each key; rmse, measured, "
                + "fitted, outlet: " + unit + "; time, outlet_time: s");
        WritableGroup all = g.putGroup(CURVES);
        for (CurveFit c : curves) {
            WritableGroup cg = all.putGroup(c.name());
            int n = c.x().length;
            int m = c.components().size();
            cg.putAttribute(COMPONENTS, c.components().toArray(new String[0]));
            cg.putAttribute("axis", c.axis().key());
            cg.putAttribute("rmse", c.rmse());
            ResultWriter.dataset(cg, "x", c.x(), c.axis().siUnit());
            ResultWriter.dataset(cg, "time", c.time(), "s");
            ResultWriter.dataset(cg, "measured", Reshape.to2d(c.measured(), n, m), unit);
            ResultWriter.dataset(cg, "fitted", Reshape.to2d(c.fitted(), n, m), unit);
            ResultWriter.dataset(cg, "outlet_time", c.outletTime(), "s");
            ResultWriter.dataset(cg, "outlet", Reshape.to2d(c.outlet(), c.outletTime().length, m), unit);
        }
    }

    private static void named(WritableGroup g, String name, double[] data, String[] names) {
        g.putDataset(name, data).putAttribute(NAMES, names);
    }
}
