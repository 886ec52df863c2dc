package org.sorb.numerics;

/**
 * View of an accepted step [t, t + h] of a column integrator, valid only during the observer call.
 * Stage j approximates the state at t + C_j h ({@link Esdirk32#C}); the last stage is the new state.
 */
public final class AcceptedStep {
    private final ColumnEquations equations;
    private final ColumnSystem system;
    private EsdirkStepper stepper;
    private double start;
    private double size;

    AcceptedStep(ColumnEquations equations, ColumnSystem system) {
        this.equations = equations;
        this.system = system;
    }

    void set(EsdirkStepper stepper, double start, double size) {
        this.stepper = stepper;
        this.start = start;
        this.size = size;
    }

    /** Step start t (s). */
    public double start() {
        return start;
    }

    /** Step size h (s). */
    public double size() {
        return size;
    }

    /** Outlet concentration of component i at stage j. */
    public double stageOutlet(int j, int i) {
        return equations.outlet(stepper.stage(j), i);
    }

    /** Inlet concentration of component i at stage j's time. */
    public double stageInlet(int j, int i) {
        return system.inlet(i, start + Esdirk32.C[j] * size);
    }

    /** Stage value j (read only). */
    public double[] stage(int j) {
        return stepper.stage(j);
    }

    /**
     * Integral over the step of the outlet flux of component i, eps u c_out, by the method's weights
     * (concentration x m): h sum_j b_j eps u c_out(Y_j).
     */
    public double elutedAmount(int i) {
        double s = 0.0;
        for (int j = 0; j < Esdirk32.STAGES; j++) {
            s += Esdirk32.B[j] * stageOutlet(j, i);
        }
        return size * s * equations.bulkFraction() * equations.velocity();
    }

    /** Integral over the step of the inlet flux of component i, eps u c_in (concentration x m). */
    public double injectedAmount(int i) {
        double s = 0.0;
        for (int j = 0; j < Esdirk32.STAGES; j++) {
            s += Esdirk32.B[j] * stageInlet(j, i);
        }
        return size * s * equations.bulkFraction() * equations.velocity();
    }

    /** Outlet of component i at relative time theta in [0, 1]: cubic interpolation through the stage values. */
    public double outletAt(double theta, int i) {
        return Esdirk32.interpolate(theta, stageOutlet(0, i), stageOutlet(1, i), stageOutlet(2, i), stageOutlet(3, i));
    }
}
