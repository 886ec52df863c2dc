package org.sorb.model;

/**
 * Spatial resolution.
 *
 * @param axialCells    finite-volume cells along the column N_z
 * @param particleCells shells per particle N_r (general rate model only)
 * @param particleGrid  placement of the shells
 * @param convection    reconstruction of the convective face values
 */
public record Discretization(int axialCells, int particleCells, ParticleGrid particleGrid,
                             ConvectionScheme convection) {
    public Discretization {
        if (axialCells < 3) {
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
}
