package org.sorb.model;

/** A correlation for the film mass-transfer coefficient k_f (m/s) of a particle in a packed bed. */
public interface FilmCorrelation {
    /**
     * The film coefficient k_f (m/s).
     *
     * @param bedPorosity         eps_c (-)
     * @param superficialVelocity u_s (m/s)
     * @param particleDiameter    d_p = 2 r_p (m)
     * @param molecularDiffusion  D_m of the component in the mobile phase (m^2/s)
     */
    double coefficient(double bedPorosity, double superficialVelocity, double particleDiameter,
                       double molecularDiffusion);

    /** Particle Peclet number Pe = Re Sc = u_s d_p / D_m (-), on which the correlations act. */
    static double peclet(double superficialVelocity, double particleDiameter, double molecularDiffusion) {
        return superficialVelocity * particleDiameter / molecularDiffusion;
    }
}
