package org.sorb.model;

/**
 * Porous adsorbent particles, in SI units.
 *
 * @param radius        particle radius r_p (m); unused (may be 0) for the lumped rate model
 * @param porosity      particle porosity eps_p (-); 0 allowed only for the lumped rate model
 * @param filmDiffusion film mass-transfer coefficient k_f per component (m/s); empty for the lumped rate model
 * @param poreDiffusion pore diffusion coefficient D_p per component (m^2/s); general rate model only
 */
public record Particle(double radius, double porosity, double[] filmDiffusion, double[] poreDiffusion) {
    public Particle {
        Checks.nonNegative("particle.radius", radius);
        Checks.inRange("particle.porosity", porosity, 0.0, true, 1.0, false);
        filmDiffusion = filmDiffusion == null ? new double[0] : filmDiffusion.clone();
        poreDiffusion = poreDiffusion == null ? new double[0] : poreDiffusion.clone();
        Checks.allPositive("particle.film_diffusion", filmDiffusion);
        Checks.allPositive("particle.pore_diffusion", poreDiffusion);
    }

    @Override
    public double[] filmDiffusion() {
        return filmDiffusion.clone();
    }

    @Override
    public double[] poreDiffusion() {
        return poreDiffusion.clone();
    }

    /** Film coefficient of component i (m/s). */
    public double filmDiffusion(int i) {
        return filmDiffusion[i];
    }

    /** Pore diffusion coefficient of component i (m^2/s). */
    public double poreDiffusion(int i) {
        return poreDiffusion[i];
    }

    /** Ratio of solid skeleton to pore volume, beta = (1 - eps_p) / eps_p. */
    public double solidToPoreRatio() {
        return (1.0 - porosity) / porosity;
    }
}
