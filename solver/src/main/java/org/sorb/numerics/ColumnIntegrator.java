package org.sorb.numerics;

import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.TimeIntegration;

/**
 * A column advanced in time by the adaptive {@link EsdirkStepper}, resumable: the caller sets a linear inlet
 * segment, advances to a time (landing on it exactly), observes every accepted step, and may continue with
 * another segment. {@link ColumnSimulator} drives it section by section; a treatment simulation drives it
 * interval by interval with the patient's plasma as inlet.
 *
 * <p>It stops with a {@link SolverException} when the step budget ({@code solver.max_steps} attempts) or the
 * wall-clock {@link RunBudget} is spent, when the step size underflows, and when the state, its rates or the error
 * estimate become NaN or infinite ({@link NonFiniteState}); the message names the simulated time and, for a
 * non-finite value, the component, cell and shell.
 */
public final class ColumnIntegrator implements SteppedColumn {
    /** Smallest step allowed, relative to max(1 s, t). */
    public static final double MIN_RELATIVE_STEP = 1e-14;

    private final ColumnEquations equations;
    private final ColumnSystem system;
    private final EsdirkStepper stepper;
    private final StepSizeControl control = new StepSizeControl();
    private final IntegratorStep view;
    private final TimeIntegration tolerances;
    private final RunBudget budget;
    private final List<String> names;
    private final double[] y;
    private final double[] f1;
    private double t;
    private double h;
    private long steps;
    private long rejected;
    /** Rejected attempts since the last accepted step. */
    private int rejectedInARow;

    /** As below, without a wall-clock budget. */
    public ColumnIntegrator(ColumnEquations equations, TimeIntegration tolerances, double[] y0, double t0) {
        this(equations, tolerances, RunBudget.UNLIMITED, y0, t0);
    }

    /**
     * @param equations  the discretized column
     * @param tolerances error control and step budget
     * @param budget     wall-clock budget, checked once per step attempt
     * @param y0         initial state (copied), consistent with algebraic constraints
     * @param t0         initial time (s)
     * @throws SolverException when y0 holds a NaN or an infinity
     */
    public ColumnIntegrator(ColumnEquations equations, TimeIntegration tolerances, RunBudget budget, double[] y0,
                            double t0) {
        this.equations = equations;
        this.system = new ColumnSystem(equations);
        this.stepper = new EsdirkStepper(system, tolerances.absTol(), tolerances.relTol());
        this.view = new IntegratorStep(equations, system);
        this.tolerances = tolerances;
        this.budget = budget;
        this.names = equations.columnCase().components();
        this.y = y0.clone();
        this.f1 = new double[y0.length];
        this.t = t0;
        this.h = tolerances.initialStep();
        double[] zero = new double[equations.components()];
        system.inlet(t0, zero, zero, zero, zero);
        int bad = equations.layout().firstNonFinite(y);
        if (bad >= 0) {
            throw new SolverException(NonFiniteState.inInitialState(equations.layout(), names, bad, y[bad],
                    budget.simulatedTime(t)));
        }
        system.residual(t, y, f1);
    }

    /** Adds what an integrator of {@code c} allocates: y and f1, its stepper and its iteration matrix. */
    public static void footprint(ColumnCase c, Footprint f) {
        StateLayout layout = StateLayout.of(c);
        f.doubles(Footprint.Part.GRID, 2, layout.unknowns());
        EsdirkStepper.footprint(layout.unknowns(), f);
        ColumnEquations.matrixFootprint(c, f);
    }

    public ColumnEquations equations() {
        return equations;
    }

    /** Current time (s). */
    @Override
    public double time() {
        return t;
    }

    /** Copy of the current state. */
    @Override
    public double[] state() {
        return y.clone();
    }

    /** Read-only view of the current state (do not modify). */
    double[] stateView() {
        return y;
    }

    /** Replaces the state (e.g. a regenerated column); the next step restarts from the initial step size. */
    public void state(double[] newState) {
        System.arraycopy(newState, 0, y, 0, y.length);
        h = tolerances.initialStep();
        rejectedInARow = 0;
        stepper.forgetHistory();
        control.restart();
        rateAtStart();
    }

    /** Evaluates f1 = F(t, y) and stops when a rate is NaN or infinite: no step size can cure that. */
    private void rateAtStart() {
        system.residual(t, y, f1);
        int bad = equations.layout().firstNonFinite(f1);
        if (bad >= 0) {
            throw new SolverException(NonFiniteState.inRate(equations.layout(), names, bad, f1[bad],
                    budget.simulatedTime(t)));
        }
    }

    /**
     * Sets the inlet from now on: c_in,i(t) = value_i + slope_i dt + quadratic_i dt^2 + cubic_i dt^3, dt = t - now.
     *
     * @param discontinuous true when the inlet jumps here (the step size restarts small)
     */
    @Override
    public void inlet(double[] value, double[] slope, double[] quadratic, double[] cubic, boolean discontinuous) {
        system.inlet(t, value, slope, quadratic, cubic);
        rateAtStart();
        if (discontinuous) {
            stepper.forgetHistory();
            control.restart();
            h = Math.min(h, tolerances.initialStep());
        }
    }

    /**
     * Advances to {@code end}, landing on it exactly.
     *
     * @param observer sees every accepted step, or null
     * @throws SolverException when a budget is spent, the step size underflows or a value becomes non-finite
     */
    @Override
    public void advance(double end, StepObserver observer) {
        double minStep = MIN_RELATIVE_STEP * Math.max(1.0, Math.abs(end));
        while (t < end) {
            if (steps + rejected >= tolerances.maxSteps()) {
                throw new SolverException(stepBudgetExhausted(tolerances.maxSteps(), budget.simulatedTime(t)));
            }
            budget.check(t);
            double hTry = Math.min(h, end - t);
            boolean landing = false;
            if (t + hTry >= end - 1e-12 * Math.max(1.0, Math.abs(end))) {
                hTry = end - t;
                landing = true;
            }
            EsdirkStepper.Status status = stepper.attempt(t, hTry, y, f1);
            double err = status == EsdirkStepper.Status.ACCEPTABLE ? stepper.errorNorm() : Double.NaN;
            if (status != EsdirkStepper.Status.ACCEPTABLE || !Double.isFinite(err)) {
                reject(hTry);
                h = hTry * control.failed();
                if (h < minStep) {
                    throw new SolverException("step size underflow at " + budget.simulatedTime(t) + " ("
                            + (status == EsdirkStepper.Status.ACCEPTABLE ? "non-finite error estimate" : status) + ")");
                }
                continue;
            }
            if (err > 1.0) {
                reject(hTry);
                h = hTry * control.rejected(err);
                if (h < minStep) {
                    throw new SolverException("step size underflow at " + budget.simulatedTime(t) + " (error test)");
                }
                continue;
            }
            rejectedInARow = 0;
            double growth = control.accepted(err);
            if (observer != null) {
                view.set(stepper, t, hTry);
                observer.accepted(view);
            }
            stepper.accepted(y);
            System.arraycopy(stepper.stage(Esdirk32.STAGES - 1), 0, y, 0, y.length);
            System.arraycopy(stepper.stageF(Esdirk32.STAGES - 1), 0, f1, 0, y.length);
            t = landing ? end : t + hTry;
            steps++;
            double hNext = hTry * growth;
            h = landing ? Math.max(hNext, h) : hNext;
        }
    }

    /** "step budget of 2 step attempts (solver.max_steps) exhausted at simulated t = 12 s of 480 s". */
    public static String stepBudgetExhausted(long maxSteps, String at) {
        return "step budget of " + maxSteps + " step attempts (solver.max_steps) exhausted at " + at;
    }

    /**
     * Counts a rejected attempt of size hTry; from the {@link NonFiniteState#CHECK_AFTER_REJECTIONS}-th in a row on,
     * stops when the stage where the attempt stopped, or its error estimate, holds a NaN or an infinity.
     */
    private void reject(double hTry) {
        rejected++;
        rejectedInARow++;
        if (rejectedInARow < NonFiniteState.CHECK_AFTER_REJECTIONS || stepper.reachedStage() == 0) {
            return;
        }
        StateLayout layout = equations.layout();
        int stage = Math.min(stepper.reachedStage(), Esdirk32.STAGES - 1);
        double[] values = stepper.stage(stage);
        int bad = layout.firstNonFinite(values);
        String what = "state";
        if (bad < 0 && stepper.reachedStage() == Esdirk32.STAGES) {
            values = stepper.errorEstimate();
            bad = layout.firstNonFinite(values);
            what = "error estimate";
        }
        if (bad >= 0) {
            throw new SolverException(NonFiniteState.inAttempt(what, layout, names, bad, values[bad],
                    budget.simulatedTime(t), hTry, rejectedInARow));
        }
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public long rejectedSteps() {
        return rejected;
    }

    @Override
    public long newtonIterations() {
        return stepper.newtonIterations();
    }

    @Override
    public long factorizations() {
        return stepper.factorizations();
    }
}
