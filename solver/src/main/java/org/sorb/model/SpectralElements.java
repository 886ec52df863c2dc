package org.sorb.model;

/**
 * A discontinuous Galerkin spectral-element grid: nodal elements of polynomial degree P on LGL nodes along the
 * column and in the particle.
 *
 * @param axialElements     elements along the column N_e (>= 1)
 * @param degree            axial polynomial degree P (1 .. {@link #MAX_DEGREE})
 * @param particleElements  elements per particle radius (>= 1; general rate model)
 * @param particleDegree    particle polynomial degree (1 .. {@link #MAX_DEGREE}), or 0: {@code particleElements}
 *                          equidistant finite-volume shells (DG of degree 0 is the finite-volume method)
 * @param exactIntegration  exact axial mass matrix (true) or LGL-collocated, diagonal mass (false)
 */
public record SpectralElements(int axialElements, int degree, int particleElements, int particleDegree,
                               boolean exactIntegration) {
    /** Highest polynomial degree accepted. */
    public static final int MAX_DEGREE = 8;

    public SpectralElements {
        if (axialElements < 1) {
            throw new InvalidModelException("discretization.axial_elements", Integer.toString(axialElements),
                    "an integer >= 1");
        }
        checkDegree("discretization.polynomial_degree", degree);
        if (particleElements < 1) {
            throw new InvalidModelException("discretization.particle_elements", Integer.toString(particleElements),
                    "an integer >= 1");
        }
        if (particleDegree < 0 || particleDegree > MAX_DEGREE) {
            throw new InvalidModelException("discretization.particle_polynomial_degree", Integer.toString(particleDegree),
                    "an integer from 0 (finite-volume shells) to " + MAX_DEGREE);
        }
    }

    private static void checkDegree(String key, int p) {
        if (p < 1 || p > MAX_DEGREE) {
            throw new InvalidModelException(key, Integer.toString(p), "an integer from 1 to " + MAX_DEGREE);
        }
    }

    /** Axial nodes N_e (P + 1). */
    public int axialPoints() {
        return Math.multiplyExact(axialElements, degree + 1);
    }

    /** Particle nodes N_e,p (P_p + 1). */
    public int particlePoints() {
        return Math.multiplyExact(particleElements, particleDegree + 1);
    }
}
