package org.sorb.numerics;

import org.sorb.model.TimeIntegration;

/**
 * A column advanced in time by the adaptive {@link EsdirkStepper}, resumable: the caller sets a linear inlet
 * segment, advances to a time (landing on it exactly), observes every accepted step, and may continue with
 * another segment. {@link ColumnSimulator} drives it section by section; a treatment simulation drives it
 * interval by interval with the patient's plasma as inlet.
 */
public final class ColumnIntegrator {
    /** Step-size controller safety factor. */
    static final double SAFETY = 0.9;
    /** Largest and smallest step growth factor per step. */
    static final double MAX_GROWTH = 5.0;
    static final double MIN_GROWTH = 0.2;
    /** Step shrink factor after a Newton failure. */
    public static final double NEWTON_FAILURE_SHRINK = 0.25;
    /** Smallest step allowed, relative to max(1 s, t). */
    public static final double MIN_RELATIVE_STEP = 1e-14;

    private final ColumnEquations equations;
    private final ColumnSystem system;
    private final EsdirkStepper stepper;
    private final AcceptedStep view;
    private final TimeIntegration tolerances;
    private final double[] y;
    private final double[] f1;
    private double t;
    private double h;
    private long steps;
    private long rejected;

    /**
     * @param equations  the discretized column
     * @param tolerances error control
     * @param y0         initial state (copied), consistent with algebraic constraints
     * @param t0         initial time (s)
     */
    public ColumnIntegrator(ColumnEquations equations, TimeIntegration tolerances, double[] y0, double t0) {
        this.equations = equations;
        this.system = new ColumnSystem(equations);
        this.stepper = new EsdirkStepper(system, tolerances.absTol(), tolerances.relTol());
        this.view = new AcceptedStep(equations, system);
        this.tolerances = tolerances;
        this.y = y0.clone();
        this.f1 = new double[y0.length];
        this.t = t0;
        this.h = tolerances.initialStep();
        double[] zero = new double[equations.components()];
        system.inlet(t0, zero, zero);
        system.residual(t, y, f1);
    }

    /** Adds what an integrator of {@code layout} allocates: y and f1, its stepper and its iteration matrix. */
    public static void footprint(StateLayout layout, Footprint f) {
        f.doubles(Footprint.Part.GRID, 2, layout.unknowns());
        EsdirkStepper.footprint(layout.unknowns(), f);
        IterationMatrix.footprint(layout, f);
    }

    public ColumnEquations equations() {
        return equations;
    }

    /** Current time (s). */
    public double time() {
        return t;
    }

    /** Copy of the current state. */
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
        stepper.forgetHistory();
        system.residual(t, y, f1);
    }

    /**
     * Sets the inlet from now on: c_in,i(t) = value_i + slope_i (t - now).
     *
     * @param discontinuous true when the inlet jumps here (the step size restarts small)
     */
    public void inlet(double[] value, double[] slope, boolean discontinuous) {
        system.inlet(t, value, slope);
        system.residual(t, y, f1);
        if (discontinuous) {
            stepper.forgetHistory();
            h = Math.min(h, tolerances.initialStep());
        }
    }

    /**
     * Advances to {@code end}, landing on it exactly.
     *
     * @param observer sees every accepted step, or null
     * @throws SolverException when the step size underflows or the step budget is spent
     */
    public void advance(double end, StepObserver observer) {
        double minStep = MIN_RELATIVE_STEP * Math.max(1.0, Math.abs(end));
        while (t < end) {
            if (steps + rejected >= tolerances.maxSteps()) {
                throw new SolverException("step budget of " + tolerances.maxSteps() + " exhausted at t = " + t + " s");
            }
            double hTry = Math.min(h, end - t);
            boolean landing = false;
            if (t + hTry >= end - 1e-12 * Math.max(1.0, Math.abs(end))) {
                hTry = end - t;
                landing = true;
            }
            EsdirkStepper.Status status = stepper.attempt(t, hTry, y, f1);
            if (status != EsdirkStepper.Status.ACCEPTABLE) {
                rejected++;
                h = hTry * NEWTON_FAILURE_SHRINK;
                if (h < minStep) {
                    throw new SolverException("step size underflow at t = " + t + " s (" + status + ")");
                }
                continue;
            }
            double err = stepper.errorNorm();
            double growth = stepGrowth(err);
            if (err > 1.0) {
                rejected++;
                h = hTry * Math.min(1.0, growth);
                if (h < minStep) {
                    throw new SolverException("step size underflow at t = " + t + " s (error test)");
                }
                continue;
            }
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

    /**
     * Step-size factor from the error norm: min(MAX_GROWTH, max(MIN_GROWTH, SAFETY err^(-1/3))), MAX_GROWTH for a
     * zero error. Shared with the batched integrator, so both take the same steps.
     */
    public static double stepGrowth(double err) {
        return err == 0.0 ? MAX_GROWTH
                : Math.min(MAX_GROWTH, Math.max(MIN_GROWTH, SAFETY * Math.pow(err, -1.0 / Esdirk32.ERROR_ORDER)));
    }

    public long steps() {
        return steps;
    }

    public long rejectedSteps() {
        return rejected;
    }

    public long newtonIterations() {
        return stepper.newtonIterations();
    }

    public long factorizations() {
        return stepper.factorizations();
    }
}
