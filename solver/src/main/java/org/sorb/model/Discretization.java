package org.sorb.model;

/**
 * Spatial resolution: finite volumes (default) or discontinuous Galerkin spectral elements.
 *
 * <p>For spectral elements, {@code axialCells} and {@code particleCells} are the node counts of {@code dg}
 * (the points the state vector holds); the finite-volume fields {@code particleGrid} and {@code convection} are
 * then unused.
 *
 * @param axialCells    finite-volume cells along the column N_z, or the axial DG nodes
 * @param particleCells shells per particle N_r (general rate model only), or the particle DG nodes
 * @param particleGrid  placement of the shells
 * @param convection    reconstruction of the convective face values
 * @param dg            the spectral-element grid, or null for finite volumes
 */
public record Discretization(int axialCells, int particleCells, ParticleGrid particleGrid,
                             ConvectionScheme convection, SpectralElements dg) {
    public Discretization {
        if (dg != null) {
            axialCells = dg.axialPoints();
            particleCells = dg.particlePoints();
        }
        if (dg == null && axialCells < 3) {
            throw new InvalidModelException("discretization.axial_cells", Integer.toString(axialCells),
                    "an integer >= 3");
        }
        if (particleCells < 1) {
            throw new InvalidModelException("discretization.particle_cells", Integer.toString(particleCells),
                    "an integer >= 1");
        }
        Checks.notNull("discretization.particle_grid", particleGrid);
        Checks.notNull("discretization.convection", convection);
    }

    /** Finite volumes. */
    public Discretization(int axialCells, int particleCells, ParticleGrid particleGrid, ConvectionScheme convection) {
        this(axialCells, particleCells, particleGrid, convection, null);
    }

    /** Spectral elements. */
    public static Discretization galerkin(SpectralElements dg) {
        return new Discretization(0, 0, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3, dg);
    }

    /** True for discontinuous Galerkin spectral elements. */
    public boolean isGalerkin() {
        return dg != null;
    }

    /** The grid as a short label: {@code 64x8} (cells) or {@code dg:P3x8:P4x1} (degree x elements). */
    public String label() {
        return dg == null ? axialCells + "x" + particleCells
                : "dg:P" + dg.degree() + "x" + dg.axialElements() + ":P" + dg.particleDegree() + "x"
                        + dg.particleElements() + (dg.exactIntegration() ? ":exact" : "");
    }
}
