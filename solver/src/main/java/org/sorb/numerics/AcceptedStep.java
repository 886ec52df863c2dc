package org.sorb.numerics;

/**
 * View of an accepted step [t, t + h] of a column integrator, valid only during the observer call.
 * Stage j approximates the state at t + C_j h ({@link Esdirk32#C}); the last stage is the new state. The amounts
 * are the same on every path that advances a column: the outlet by the method's quadrature of the stage outlets, the
 * inlet by the exact integral of the inlet segment's cubic.
 */
public interface AcceptedStep {
    /** Step start t (s). */
    double start();

    /** Step size h (s). */
    double size();

    /** Outlet concentration of component i at stage j. */
    double stageOutlet(int j, int i);

    /** Exact integral over the step of component i's inlet concentration (concentration x s). */
    double inletIntegral(int i);

    /** The column's bulk porosity eps. */
    double bulkFraction();

    /** The column's interstitial velocity u (m/s). */
    double velocity();

    /**
     * Integral over the step of the outlet flux of component i, eps u c_out, by the method's weights
     * (concentration x m): h sum_j b_j eps u c_out(Y_j).
     */
    default double elutedAmount(int i) {
        double s = 0.0;
        for (int j = 0; j < Esdirk32.STAGES; j++) {
            s += Esdirk32.B[j] * stageOutlet(j, i);
        }
        return size() * s * bulkFraction() * velocity();
    }

    /** Integral over the step of the inlet flux of component i, eps u c_in (concentration x m). */
    default double injectedAmount(int i) {
        return inletIntegral(i) * bulkFraction() * velocity();
    }

    /** Outlet of component i at relative time theta in [0, 1]: cubic interpolation through the stage values. */
    default double outletAt(double theta, int i) {
        return Esdirk32.interpolate(theta, stageOutlet(0, i), stageOutlet(1, i), stageOutlet(2, i), stageOutlet(3, i));
    }
}
