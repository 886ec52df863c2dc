package org.sorb.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sorb.cases.CaseException;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;

/**
 * The weighted residuals of all experiments as a function of the internal parameters theta, and their Jacobian by
 * forward differences: r_i(theta) = sqrt(w_i) (y_model,i - y_measured,i) in the case's concentration unit,
 * J_ip = (r_i(theta + h e_p) - r_i(theta)) / h. The p perturbed designs of every experiment are simulated as one
 * batch; where the runner simulates that many designs in about the time of one ({@link #speculative}), every
 * evaluated point comes with its perturbed designs.
 */
public final class FitModel {
    /**
     * Forward-difference step in theta (a relative step of 0.1 % for log parameters). The adaptive integrator's
     * outlet carries an error of about its rel_tol (1e-6 by default) that does not vary smoothly with the parameters,
     * so a difference quotient has an error near eps/h from it plus h |r''|/2 from truncation; h = sqrt(eps) = 1e-3
     * balances the two, leaving derivatives good to about 0.1 %.
     */
    public static final double FD_STEP = 1e-3;

    private final List<ExperimentModel> experiments;
    private final List<FitParameter> parameters;
    private final DesignRunner runner;
    private final int size;
    private double[] centreTheta;
    private double[] centreResiduals;
    private double[] jacobianTheta;
    private double[][] jacobian;
    private double bestCost = Double.POSITIVE_INFINITY;
    private double[] bestTheta;
    private long simulations;
    private long batches;
    private int evaluations;

    FitModel(List<ExperimentModel> experiments, List<FitParameter> parameters, DesignRunner runner) {
        this.experiments = List.copyOf(experiments);
        this.parameters = List.copyOf(parameters);
        this.runner = runner;
        int n = 0;
        for (ExperimentModel e : experiments) {
            n += e.size();
        }
        this.size = n;
    }

    /**
     * True when a point's Jacobian designs are simulated speculatively with it: when the runner advances all
     * e (p + 1) designs of such a batch in about the time of one, so that the Jacobian of an accepted
     * Levenberg-Marquardt step comes free and a rejected one costs nothing extra. On 2 Java threads it does not pay
     * (measured: 137 simulations instead of 68 and 1.4x the time for 3 parameters); on PoCL it does (0.7x).
     */
    boolean speculative() {
        return runner.concurrentDesigns() >= experiments.size() * (parameters.size() + 1);
    }

    /** Number of residuals (all measured values of all experiments). */
    public int size() {
        return size;
    }

    /** The parameter values p of {@code theta}. */
    public double[] values(double[] theta) {
        double[] p = new double[theta.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = parameters.get(i).toValue(theta[i]);
        }
        return p;
    }

    /** Weighted residuals at {@code theta} (one batch of one design per experiment). */
    public double[] residuals(double[] theta) {
        if (centreTheta != null && Arrays.equals(centreTheta, theta)) {
            return centreResiduals.clone();
        }
        if (speculative()) {
            jacobian(theta); // the point and its perturbed designs in one batch; remembers the point's residuals
            evaluations++;
            return centreResiduals.clone();
        }
        List<ColumnCase> designs = new ArrayList<>();
        for (ExperimentModel e : experiments) {
            designs.add(design(e, theta));
        }
        List<SimulationResult> results = run(designs);
        evaluations++;
        double[] r = new double[size];
        int offset = 0;
        for (int e = 0; e < experiments.size(); e++) {
            offset = residualsInto(experiments.get(e), results.get(e), designs.get(e), r, offset);
        }
        remember(theta, r);
        return r.clone();
    }

    /**
     * The Jacobian dr/dtheta at {@code theta}, [n_residual][n_param]: all perturbed designs of all experiments (and
     * the unperturbed ones unless just evaluated) in one batch.
     */
    public double[][] jacobian(double[] theta) {
        if (jacobianTheta != null && Arrays.equals(jacobianTheta, theta)) {
            return copy(jacobian);
        }
        boolean haveCentre = centreTheta != null && Arrays.equals(centreTheta, theta);
        int p = parameters.size();
        int perExperiment = p + (haveCentre ? 0 : 1);
        List<ColumnCase> designs = new ArrayList<>();
        for (ExperimentModel e : experiments) {
            for (int q = 0; q < p; q++) {
                double[] shifted = theta.clone();
                shifted[q] += FD_STEP;
                designs.add(design(e, shifted));
            }
            if (!haveCentre) {
                designs.add(design(e, theta));
            }
        }
        List<SimulationResult> results = run(designs);
        double[] centre = new double[size];
        double[][] shiftedResiduals = new double[p][size];
        int offset = 0;
        for (int e = 0; e < experiments.size(); e++) {
            ExperimentModel em = experiments.get(e);
            int base = e * perExperiment;
            int next = haveCentre ? offset + em.size()
                    : residualsInto(em, results.get(base + p), designs.get(base + p), centre, offset);
            for (int q = 0; q < p; q++) {
                residualsInto(em, results.get(base + q), designs.get(base + q), shiftedResiduals[q], offset);
            }
            offset = next;
        }
        if (haveCentre) {
            centre = centreResiduals.clone();
        } else {
            remember(theta, centre);
        }
        double[][] j = new double[size][p];
        for (int q = 0; q < p; q++) {
            for (int i = 0; i < size; i++) {
                j[i][q] = (shiftedResiduals[q][i] - centre[i]) / FD_STEP;
            }
        }
        jacobianTheta = theta.clone();
        jacobian = j;
        return copy(j);
    }

    /** The simulated outlet of every experiment at {@code theta}, with its design. */
    List<SimulationResult> outlets(double[] theta, List<ColumnCase> designsOut) {
        for (ExperimentModel e : experiments) {
            designsOut.add(design(e, theta));
        }
        return run(designsOut);
    }

    /** The model sampled at experiment {@code e}'s rows for {@code result} of {@code design}. */
    double[] sample(int e, SimulationResult result, ColumnCase design) {
        return experiments.get(e).sample(result, design);
    }

    /** Lowest sum of squared residuals seen so far, or +infinity. */
    public double bestCost() {
        return bestCost;
    }

    /** theta of {@link #bestCost}, or null before the first evaluation. */
    public double[] bestTheta() {
        return bestTheta == null ? null : bestTheta.clone();
    }

    /** Designs simulated so far. */
    public long simulations() {
        return simulations;
    }

    /** Residual evaluations that simulated (the Jacobians' unperturbed designs not counted). */
    public int evaluations() {
        return evaluations;
    }

    /** Batches run so far. */
    public long batches() {
        return batches;
    }

    List<ExperimentModel> experiments() {
        return experiments;
    }

    List<FitParameter> parameters() {
        return parameters;
    }

    private ColumnCase design(ExperimentModel e, double[] theta) {
        double[] p = e.scaled(values(theta), e.parameterizedCase().keys());
        try {
            return e.parameterizedCase().at(p).model();
        } catch (CaseException ex) {
            throw new FitFailure("experiment " + e.experiment().name() + ": the case is not valid at "
                    + describe(p) + ": " + ex.getMessage(), ex);
        }
    }

    /** {@code key = value, ...} of {@code values}. */
    String describe(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(parameters.get(i).key()).append(" = ")
                    .append(String.format(java.util.Locale.ROOT, "%.6g", values[i]));
        }
        return sb.toString();
    }

    private List<SimulationResult> run(List<ColumnCase> designs) {
        List<SimulationResult> results = runner.run(designs);
        if (results.size() != designs.size()) {
            throw new FitFailure(runner.description() + " returned " + results.size() + " results for "
                    + designs.size() + " designs");
        }
        simulations += designs.size();
        batches++;
        return results;
    }

    private static int residualsInto(ExperimentModel e, SimulationResult result, ColumnCase design, double[] r,
                                     int offset) {
        double[] model = e.sample(result, design);
        MeasuredCurve curve = e.experiment().curve();
        int m = curve.components().size();
        double scale = e.experiment().weight();
        for (int k = 0; k < curve.size(); k++) {
            for (int j = 0; j < m; j++) {
                double w = Math.sqrt(scale * curve.weight(k, j));
                r[offset + k * m + j] = w * (model[k * m + j] - curve.value(k, j));
            }
        }
        return offset + curve.size() * m;
    }

    private void remember(double[] theta, double[] r) {
        centreTheta = theta.clone();
        centreResiduals = r.clone();
        double cost = Fitter.sumOfSquares(r);
        if (!Double.isFinite(cost)) {
            throw new FitFailure("non-finite model values at " + describe(values(theta)));
        }
        if (cost < bestCost) {
            bestCost = cost;
            bestTheta = theta.clone();
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
