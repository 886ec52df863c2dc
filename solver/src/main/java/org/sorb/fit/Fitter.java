package org.sorb.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.ValueAndJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.sorb.cases.CaseException;
import org.sorb.cases.ParameterizedCase;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;

/**
 * Fits key paths of a case to measured curves: Levenberg-Marquardt (Commons Math) on theta (ln p for positive
 * parameters), minimising sum_i w_i (y_model,i - y_measured,i)^2 over all experiments, with the Jacobian of each
 * iteration from one batch of perturbed designs ({@link FitModel}).
 */
public final class Fitter {
    private Fitter() {
    }

    /**
     * Fits {@code keys} of {@code caseFile} (with {@code overrides}) to {@code experiments}.
     *
     * @param bounds lower and upper bound (SI) per key, for keys that have them
     * @throws CaseException when the input does not fit together (unknown key, data outside the simulated range,
     *                       a parameter without effect on the data)
     * @throws FitFailure    when a simulation fails or the optimum's Jacobian is singular
     */
    public static FitResult fit(Path caseFile, List<String> overrides, List<Experiment> experiments,
                                List<String> keys, Map<String, double[]> bounds, DesignRunner runner,
                                FitSettings settings) throws CaseException, IOException {
        return fit(caseFile, overrides, experiments, keys, bounds, runner, settings, FitListener.NONE);
    }

    /** {@link #fit(Path, List, List, List, Map, DesignRunner, FitSettings)}, telling {@code listener} each iteration. */
    public static FitResult fit(Path caseFile, List<String> overrides, List<Experiment> experiments,
                                List<String> keys, Map<String, double[]> bounds, DesignRunner runner,
                                FitSettings settings, FitListener listener) throws CaseException, IOException {
        long started = System.nanoTime();
        List<ExperimentModel> models = new ArrayList<>();
        for (Experiment e : experiments) {
            models.add(ExperimentModel.create(caseFile, overrides, keys, e));
        }
        ParameterizedCase fitted = ParameterizedCase.load(caseFile, overrides, keys);
        List<FitParameter> parameters = parameters(models.get(0), bounds, settings);
        FitModel model = new FitModel(models, parameters, runner);
        double[] theta0 = new double[parameters.size()];
        for (int q = 0; q < theta0.length; q++) {
            theta0[q] = parameters.get(q).toInternal(parameters.get(q).initial());
        }
        Uncertainty.checkEffect(model.jacobian(theta0), parameters);

        StopReason stop = new StopReason(settings, model, listener);
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(theta0)
                .target(new double[model.size()])
                .model(function(model))
                .lazyEvaluation(true)
                .parameterValidator(point -> clamp(point, parameters))
                .checker(stop::converged)
                .maxIterations(settings.maxIterations())
                .maxEvaluations(settings.maxEvaluations())
                .build();
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-14).withParameterRelativeTolerance(1e-14).withOrthoTolerance(1e-14);
        double[] best;
        boolean converged;
        String reason;
        int iterations;
        try {
            LeastSquaresOptimizer.Optimum optimum = lm.optimize(problem);
            best = optimum.getPoint().toArray();
            converged = true;
            reason = stop.reason() != null ? stop.reason()
                    : "Levenberg-Marquardt's own test (cost reduction, step or orthogonality below 1e-14)";
            iterations = optimum.getIterations();
        } catch (TooManyIterationsException | TooManyEvaluationsException e) {
            best = model.bestTheta();
            converged = false;
            reason = (e instanceof TooManyIterationsException ? "no convergence within " + settings.maxIterations()
                    + " iterations" : "no convergence within " + settings.maxEvaluations() + " evaluations")
                    + " (last relative cost change " + stop.lastCostChange() + ")";
            iterations = stop.iterations();
        } catch (ConvergenceException e) {
            best = model.bestTheta();
            converged = true;
            reason = "at the noise floor of the finite-difference Jacobian: " + e.getMessage();
            iterations = stop.iterations();
        }
        if (model.bestCost() < sumOfSquares(model.residuals(best))) {
            best = model.bestTheta(); // the optimizer's last point is never worse than this, but make sure
        }
        return result(model, fitted, best, converged, reason, iterations, runner, started);
    }

    private static FitResult result(FitModel model, ParameterizedCase fitted, double[] best, boolean converged,
                                    String reason, int iterations, DesignRunner runner,
                                    long started) throws CaseException {
        List<FitParameter> parameters = model.parameters();
        double[] values = model.values(best);
        double rss = sumOfSquares(model.residuals(best));
        Uncertainty.Result u = Uncertainty.at(model.jacobian(best), rss, parameters, values);
        List<ColumnCase> designs = new ArrayList<>();
        List<SimulationResult> outlets = model.outlets(best, designs);
        List<CurveFit> curves = new ArrayList<>();
        for (int e = 0; e < outlets.size(); e++) {
            curves.add(curve(model.experiments().get(e), outlets.get(e), designs.get(e)));
        }
        double wall = (System.nanoTime() - started) * 1e-9;
        return new FitResult(parameters, values, u.standardErrors(), u.correlation(), rss, curves, iterations,
                model.evaluations(), model.simulations(), converged, reason, wall, fitted.at(values),
                runner.description());
    }

    private static CurveFit curve(ExperimentModel em, SimulationResult r, ColumnCase design) {
        MeasuredCurve c = em.experiment().curve();
        double[] fittedValues = em.sample(r, design);
        double[] measured = c.y();
        double sum = 0;
        for (int i = 0; i < measured.length; i++) {
            double d = fittedValues[i] - measured[i];
            sum += d * d;
        }
        int m = c.components().size();
        int nT = r.time().length; // time() copies the array: once here, not once per sample
        double[] outlet = new double[nT * m];
        for (int k = 0; k < nT; k++) {
            for (int j = 0; j < m; j++) {
                outlet[k * m + j] = r.outlet(k, design.components().indexOf(c.components().get(j)));
            }
        }
        return new CurveFit(em.experiment().name(), c.axis(), c.x(), em.times(design), c.components(), measured,
                fittedValues, Math.sqrt(sum / measured.length), r.time(), outlet);
    }

    /** The fitted parameters, starting where the first experiment's case is (divided by its scales). */
    private static List<FitParameter> parameters(ExperimentModel first, Map<String, double[]> bounds,
                                                 FitSettings settings) throws CaseException {
        double[] start = first.parameterizedCase().initialValues();
        List<String> keys = first.parameterizedCase().keys();
        for (int q = 0; q < start.length; q++) {
            start[q] /= first.experiment().scale(keys.get(q));
        }
        for (String k : bounds.keySet()) {
            if (!keys.contains(k)) {
                throw new CaseException("--bounds", k, "one of the fitted keys " + keys);
            }
        }
        List<FitParameter> out = new ArrayList<>();
        for (int q = 0; q < keys.size(); q++) {
            double[] b = bounds.get(keys.get(q));
            double lo;
            double hi;
            if (b != null) {
                lo = b[0];
                hi = b[1];
            } else if (start[q] > 0) {
                lo = start[q] / settings.defaultRange();
                hi = start[q] * settings.defaultRange();
            } else {
                lo = Double.NEGATIVE_INFINITY;
                hi = Double.POSITIVE_INFINITY;
            }
            if (!(lo < hi) || start[q] < lo || start[q] > hi) {
                throw new CaseException("--bounds " + keys.get(q), lo + ":" + hi + " (start value " + start[q] + ")",
                        "LOW < HIGH in SI units with the start value between them (set the start with --set)");
            }
            out.add(new FitParameter(keys.get(q), start[q], lo, hi));
        }
        return out;
    }

    private static ValueAndJacobianFunction function(FitModel model) {
        return new ValueAndJacobianFunction() {
            @Override
            public RealVector computeValue(double[] theta) {
                return new ArrayRealVector(model.residuals(theta), false);
            }

            @Override
            public RealMatrix computeJacobian(double[] theta) {
                return new Array2DRowRealMatrix(model.jacobian(theta), false);
            }

            @Override
            public Pair<RealVector, RealMatrix> value(RealVector point) {
                double[] theta = point.toArray();
                return new Pair<>(computeValue(theta), computeJacobian(theta));
            }
        };
    }

    private static RealVector clamp(RealVector point, List<FitParameter> parameters) {
        double[] theta = point.toArray();
        for (int q = 0; q < theta.length; q++) {
            theta[q] = parameters.get(q).clamp(theta[q]);
        }
        return new ArrayRealVector(theta, false);
    }

    static double sumOfSquares(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }

    /** The convergence test of each iteration, remembering which criterion ended the fit. */
    private static final class StopReason {
        private final FitSettings settings;
        private final FitModel model;
        private final FitListener listener;
        private String reason;
        private int iterations;
        private double lastCostChange = Double.NaN;

        StopReason(FitSettings settings, FitModel model, FitListener listener) {
            this.settings = settings;
            this.model = model;
            this.listener = listener;
        }

        boolean converged(int iteration, LeastSquaresProblem.Evaluation previous,
                          LeastSquaresProblem.Evaluation current) {
            iterations = iteration;
            double before = previous.getCost() * previous.getCost();
            double now = current.getCost() * current.getCost();
            double change = Math.abs(before - now) / Math.max(now, Double.MIN_NORMAL);
            lastCostChange = change;
            double step = current.getPoint().subtract(previous.getPoint()).getLInfNorm();
            listener.iteration(iteration, now, model.values(current.getPoint().toArray()));
            if (change < settings.costTolerance() && now <= before) {
                reason = String.format(Locale.ROOT, "relative change of the sum of squares %.2e < %.0e",
                        change, settings.costTolerance());
                return true;
            }
            if (step < settings.stepTolerance()) {
                reason = String.format(Locale.ROOT, "largest parameter step %.2e < %.0e (in ln p)", step,
                        settings.stepTolerance());
                return true;
            }
            return false;
        }

        String reason() {
            return reason;
        }

        int iterations() {
            return iterations;
        }

        String lastCostChange() {
            return String.format(Locale.ROOT, "%.2e", lastCostChange);
        }
    }
}
