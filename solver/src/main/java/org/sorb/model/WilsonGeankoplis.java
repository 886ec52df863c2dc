package org.sorb.model;

/**
 * Wilson and Geankoplis (1966), liquids in packed beds of spheres at low Reynolds number: eps_c j_D = 1.09 Re^(-2/3),
 * i.e. Sh = k_f d_p / D_m = (1.09 / eps_c) (Re Sc)^(1/3), so k_f = (1.09 / eps_c) (D_m / d_p) Pe^(1/3) with
 * Pe = u_s d_p / D_m; the viscosity and density cancel in Re Sc.
 *
 * <p>E. J. Wilson, C. J. Geankoplis, Liquid mass transfer at very low Reynolds numbers in packed beds, Ind. Eng.
 * Chem. Fundam. 5 (1966) 9-14; measured for 0.0016 &lt; Re &lt; 55 and 950 &lt; Sc &lt; 70,600, hence
 * {@link #MIN_PECLET} &lt; Pe &lt; {@link #MAX_PECLET}.
 */
public final class WilsonGeankoplis implements FilmCorrelation {
    /** The correlation's constant. */
    static final double CONSTANT = 1.09;
    /** Lowest Re Sc of the measurements, 0.0016 x 950. */
    public static final double MIN_PECLET = 0.0016 * 950;
    /** Highest Re Sc of the measurements, 55 x 70,600. */
    public static final double MAX_PECLET = 55.0 * 70_600;

    @Override
    public double coefficient(double bedPorosity, double superficialVelocity, double particleDiameter,
                              double molecularDiffusion) {
        double pe = FilmCorrelation.peclet(superficialVelocity, particleDiameter, molecularDiffusion);
        return CONSTANT / bedPorosity * molecularDiffusion / particleDiameter * Math.cbrt(pe);
    }
}
