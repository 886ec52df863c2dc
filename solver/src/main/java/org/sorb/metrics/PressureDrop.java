package org.sorb.metrics;

/**
 * Pressure drop across a packed bed by the Blake-Kozeny equation (Bird, Stewart and Lightfoot, Transport
 * Phenomena, 2nd ed. 2002, eq. 6.4-9): dP = 150 mu u_s L (1 - eps_c)^2 / (d_p^2 eps_c^3), laminar flow
 * (Re_p / (1 - eps_c) &lt; 10), rigid spheres of diameter d_p = 2 r_p; Pa.
 */
public final class PressureDrop {
    /** The Blake-Kozeny constant (150; Kozeny-Carman's 180 differs by its fit to other beds). */
    public static final double BLAKE_KOZENY = 150.0;

    private PressureDrop() {
    }

    /**
     * dP (Pa) for viscosity mu (Pa s), superficial velocity u_s (m/s), bed length L (m), bed porosity eps_c (-) and
     * particle diameter d_p (m); NaN when d_p is not positive.
     */
    public static double blakeKozeny(double viscosity, double superficialVelocity, double length,
                                     double bedPorosity, double particleDiameter) {
        if (!(particleDiameter > 0.0)) {
            return Double.NaN;
        }
        double solid = 1.0 - bedPorosity;
        return BLAKE_KOZENY * viscosity * superficialVelocity * length * solid * solid
                / (particleDiameter * particleDiameter * bedPorosity * bedPorosity * bedPorosity);
    }
}
