package org.sorb.numerics;

import org.sorb.model.ParticleGrid;

/**
 * Finite-volume shells of a spherical particle of radius r_p, ordered from the surface (k = 0) inwards.
 *
 * <p>Shell k spans [inner_k, outer_k] with centre (inner_k + outer_k)/2 and volume factor
 * V_k = (outer_k^3 - inner_k^3) / 3 (the 4 pi cancels against the face areas r^2).
 */
public final class ParticleGeometry {
    private final double radius;
    private final double[] outer;
    private final double[] inner;
    private final double[] centre;
    private final double[] volume;

    public ParticleGeometry(double radius, int shells, ParticleGrid grid) {
        this.radius = radius;
        this.outer = new double[shells];
        this.inner = new double[shells];
        this.centre = new double[shells];
        this.volume = new double[shells];
        for (int k = 0; k < shells; k++) {
            outer[k] = boundary(radius, shells, k, grid);
            inner[k] = boundary(radius, shells, k + 1, grid);
            centre[k] = 0.5 * (outer[k] + inner[k]);
            volume[k] = (cube(outer[k]) - cube(inner[k])) / 3.0;
        }
    }

    /** Radius of the k-th boundary counted from the surface (k = 0 is r_p, k = n is the centre). */
    private static double boundary(double radius, int shells, int k, ParticleGrid grid) {
        if (k == shells) {
            return 0.0;
        }
        double fraction = (double) (shells - k) / shells;
        return switch (grid) {
            case EQUIDISTANT -> radius * fraction;
            case EQUAL_VOLUME -> radius * Math.cbrt(fraction);
        };
    }

    private static double cube(double x) {
        return x * x * x;
    }

    public int shells() {
        return outer.length;
    }

    public double radius() {
        return radius;
    }

    public double outer(int k) {
        return outer[k];
    }

    public double inner(int k) {
        return inner[k];
    }

    public double centre(int k) {
        return centre[k];
    }

    /** Shell volume divided by 4 pi (m^3). */
    public double volume(int k) {
        return volume[k];
    }

    /** Fraction of the particle volume in shell k. */
    public double volumeFraction(int k) {
        return volume[k] * 3.0 / cube(radius);
    }

    /**
     * Diffusive conductance per unit D_p between the centres of shells k and k + 1, divided by 4 pi (m):
     * G = r_f^2 / (centre_k - centre_{k+1}) with r_f the shared face.
     */
    public double faceConductance(int k) {
        return outer[k + 1] * outer[k + 1] / (centre[k] - centre[k + 1]);
    }

    /** Distance from the outer shell's centre to the particle surface (m). */
    public double outerHalfWidth() {
        return radius - centre[0];
    }
}
