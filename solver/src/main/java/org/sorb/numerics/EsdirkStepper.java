package org.sorb.numerics;

/**
 * One step attempt of {@link Esdirk32} on M dy/dt = F(t, y), with a simplified Newton iteration per stage
 * (N = M - h gamma J factored once per attempt at the step start) and a filtered local error estimate
 * err = N^-1 h sum_j (b_j - b_hat_j) F_j, measured in the weighted RMS norm
 * ||e|| = sqrt(mean((e_l / (absTol + relTol max(|y_n,l|, |y_n+1,l|)))^2)).
 *
 * <p>Stage i solves G(Y) = M (Y - y_n) - h sum_{j<i} a_ij F_j - h gamma F(t_n + c_i h, Y) = 0; afterwards
 * F_i is taken from the stage equation, F_i = (M (Y_i - y_n) - h sum_{j<i} a_ij F_j) / (h gamma), so that
 * algebraic rows stay exactly on their constraint. All work arrays are allocated once.
 */
public final class EsdirkStepper {
    /** The Newton iteration's settings and test (shared with the batch kernels). */
    public static final NewtonSettings NEWTON = NewtonSettings.DEFAULT;

    /** Outcome of an attempt. */
    public enum Status { ACCEPTABLE, NEWTON_FAILED, SINGULAR }

    private final ImplicitSystem system;
    private final int n;
    private final double absTol;
    private final double relTol;
    private final double[][] stage;
    private final double[][] stageF;
    private final double[] sum;
    private final double[] work;
    private final double[] delta;
    private final double[] weight;
    private final double[] massWork;
    private double errorNorm;
    /** Stage the last attempt stopped at: 0 singular, 1..3 Newton failed there, STAGES complete. */
    private int reached;
    private final double[] previousStart;
    /** Stage 2 of the last accepted step (for the stage-1 predictor, {@link StagePredictor}). */
    private final double[] previousStage2;
    private final double[] predictor = new double[StagePredictor.WEIGHTS];
    private double previousStepSize;
    private double previousEnd;
    private double currentStart;
    private double currentSize;
    /** Last observed Newton contraction measure eta = theta / (1 - theta), carried across stages and steps. */
    private double eta = 1.0;
    private long newtonIterations;
    private long factorizations;

    /**
     * Vectors of n doubles a stepper holds: the stages and their derivatives (2 x STAGES), then sum, work, delta,
     * weight, mass work, the previous step's start and its stage 2 (7).
     */
    static final int VECTORS = 2 * Esdirk32.STAGES + 7;

    /** Adds what a stepper for {@code n} unknowns allocates: {@link #VECTORS} vectors of n doubles. */
    public static void footprint(long n, Footprint f) {
        f.doubles(Footprint.Part.GRID, VECTORS, n);
    }

    public EsdirkStepper(ImplicitSystem system, double absTol, double relTol) {
        this.system = system;
        this.n = system.size();
        this.absTol = absTol;
        this.relTol = relTol;
        this.stage = new double[Esdirk32.STAGES][n];
        this.stageF = new double[Esdirk32.STAGES][n];
        this.sum = new double[n];
        this.work = new double[n];
        this.delta = new double[n];
        this.weight = new double[n];
        this.massWork = new double[n];
        this.previousStart = new double[n];
        this.previousStage2 = new double[n];
    }

    /**
     * Records that the last attempt, started from yStart, was accepted (its start and its stage 2 feed the next
     * step's predictor).
     */
    public void accepted(double[] yStart) {
        System.arraycopy(yStart, 0, previousStart, 0, n);
        System.arraycopy(stage[2], 0, previousStage2, 0, n);
        previousStepSize = currentSize;
        previousEnd = currentStart + currentSize;
    }

    /** Forgets the step history, e.g. after a discontinuity of the inlet or a replaced state. */
    public void forgetHistory() {
        previousStepSize = 0.0;
    }

    /**
     * Attempts a step from (t, y) of size h, with f1 = F(t, y) (the derivative carried from the last step).
     * The stage values and stage derivatives are then in {@link #stage(int)} and {@link #stageF(int)};
     * stage 3 is the new solution and its stageF the next step's f1.
     */
    public Status attempt(double t, double h, double[] y, double[] f1) {
        double hg = h * Esdirk32.GAMMA;
        currentStart = t;
        currentSize = h;
        factorizations++;
        reached = 0;
        if (!system.factor(t, y, hg)) {
            return Status.SINGULAR;
        }
        StagePredictor.weights(h, StagePredictor.previousStep(previousStepSize, previousEnd, t), predictor);
        return stages(t, h, hg, y, f1, previousStart, previousStage2, predictor);
    }

    /**
     * A step attempt on the iteration matrix the caller has factored at (t, y, hg = h gamma), with the previous
     * step's start and stage 2 and the predictor weights ({@link StagePredictor}) and the Newton contraction measure
     * {@code eta} carried in: the step attempt of the batch kernels ({@code attempt_design}), which get them from the
     * host. The step history of {@link #accepted} is neither read nor changed; {@link #eta()} is the measure carried
     * out.
     */
    public Status attemptFactored(double t, double h, double hg, double[] y, double[] f1, double[] previous,
                                  double[] previous2, double[] weights, double etaIn) {
        currentStart = t;
        currentSize = h;
        reached = 0;
        eta = etaIn;
        return stages(t, h, hg, y, f1, previous, previous2, weights);
    }

    /** The stages and the error estimate of an attempt on the factored matrix. */
    private Status stages(double t, double h, double hg, double[] y, double[] f1, double[] previous,
                          double[] previous2, double[] weights) {
        System.arraycopy(y, 0, stage[0], 0, n);
        System.arraycopy(f1, 0, stageF[0], 0, n);
        for (int l = 0; l < n; l++) {
            weight[l] = 1.0 / (absTol + relTol * Math.abs(y[l]));
        }
        for (int i = 1; i < Esdirk32.STAGES; i++) {
            double ti = t + Esdirk32.C[i] * h;
            java.util.Arrays.fill(sum, 0.0);
            for (int j = 0; j < i; j++) {
                double a = h * Esdirk32.a(i, j);
                if (a != 0.0) {
                    double[] fj = stageF[j];
                    for (int l = 0; l < n; l++) {
                        sum[l] += a * fj[l];
                    }
                }
            }
            double[] yi = stage[i];
            reached = i;
            double[] a = i < Esdirk32.STAGES - 1 ? previous : stage[1];
            StagePredictor.predict(i, weights, y, a, i == 1 ? previous2 : stage[i - 1], yi);

            if (!newton(ti, hg, y, yi)) {
                return Status.NEWTON_FAILED;
            }
            stageDerivative(system, yi, y, sum, hg, stageF[i], work, delta);
        }
        // filtered error estimate
        for (int l = 0; l < n; l++) {
            double e = 0.0;
            for (int j = 0; j < Esdirk32.STAGES; j++) {
                e += (Esdirk32.B[j] - Esdirk32.B_HAT[j]) * stageF[j][l];
            }
            work[l] = h * e;
        }
        system.solve(work);
        double[] yNew = stage[Esdirk32.STAGES - 1];
        double s = 0.0;
        for (int l = 0; l < n; l++) {
            double w = 1.0 / (absTol + relTol * Math.max(Math.abs(y[l]), Math.abs(yNew[l])));
            double e = work[l] * w;
            s += e * e;
        }
        errorNorm = Math.sqrt(s / n);
        reached = Esdirk32.STAGES;
        return Status.ACCEPTABLE;
    }

    /**
     * Simplified Newton for stage value yi (initial guess in place). Converged when eta ||delta|| <= tolerance,
     * eta = theta / (1 - theta) from the observed contraction theta, or, in the first iteration, from the last
     * stage's eta (Hairer and Wanner, Solving ODEs II, IV.8): a linear problem then needs one iteration.
     */
    private boolean newton(double ti, double hg, double[] y, double[] yi) {
        double previous = 0.0;
        double etaHere = NEWTON.firstEta(eta);
        for (int k = 0; k < NEWTON.maxIterations(); k++) {
            newtonIterations++;
            stageRhs(system, ti, yi, y, sum, hg, delta, work, massWork);
            system.solve(delta);
            double s = 0.0;
            for (int l = 0; l < n; l++) {
                yi[l] += delta[l];
                double e = delta[l] * weight[l];
                s += e * e;
            }
            double norm = Math.sqrt(s / n);
            if (!Double.isFinite(norm)) {
                eta = 1.0;
                return false;
            }
            if (k > 0) {
                double rate = norm / previous;
                if (NEWTON.diverges(rate)) {
                    eta = 1.0;
                    return false;
                }
                etaHere = NewtonSettings.etaOf(rate);
            }
            if (NEWTON.converged(etaHere, norm)) {
                eta = etaHere;
                return true;
            }
            previous = norm;
        }
        eta = 1.0;
        return false;
    }

    /**
     * The Newton right-hand side of a stage, the residual of the stage equation at yi:
     * out = -(M (yi - y) - sum - hg F(ti, yi)); work and mass are scratch of the system's size.
     */
    public static void stageRhs(ImplicitSystem system, double ti, double[] yi, double[] y, double[] sum, double hg,
                                double[] out, double[] work, double[] mass) {
        int n = system.size();
        system.residual(ti, yi, out);
        for (int l = 0; l < n; l++) {
            work[l] = yi[l] - y[l];
        }
        system.applyMass(work, mass);
        for (int l = 0; l < n; l++) {
            out[l] = -(mass[l] - sum[l] - hg * out[l]);
        }
    }

    /**
     * The stage derivative from the stage equation, out = (M (yi - y) - sum) / hg, so that algebraic rows stay on
     * their constraint; work and mass are scratch of the system's size.
     */
    public static void stageDerivative(ImplicitSystem system, double[] yi, double[] y, double[] sum, double hg,
                                       double[] out, double[] work, double[] mass) {
        int n = system.size();
        for (int l = 0; l < n; l++) {
            work[l] = yi[l] - y[l];
        }
        system.applyMass(work, mass);
        for (int l = 0; l < n; l++) {
            out[l] = (mass[l] - sum[l]) / hg;
        }
    }

    /** The Newton contraction measure the last attempt carried out (1 after a Newton failure). */
    public double eta() {
        return eta;
    }

    /** Weighted RMS norm of the last attempt's error estimate (accept when <= 1). */
    public double errorNorm() {
        return errorNorm;
    }

    /**
     * Where the last attempt stopped: 0 when the matrix was singular (no stage computed), i in 1..3 when stage i's
     * Newton iteration failed (its last iterate is {@link #stage(int)} i), {@link Esdirk32#STAGES} when complete.
     */
    public int reachedStage() {
        return reached;
    }

    /** The filtered local error estimate of the last complete attempt (read only). */
    public double[] errorEstimate() {
        return work;
    }

    /** Stage value Y_i of the last attempt. */
    public double[] stage(int i) {
        return stage[i];
    }

    /** Stage derivative F_i of the last attempt. */
    public double[] stageF(int i) {
        return stageF[i];
    }

    public long newtonIterations() {
        return newtonIterations;
    }

    public long factorizations() {
        return factorizations;
    }
}
