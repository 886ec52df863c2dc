package org.sorb.bench;

import java.util.List;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.ParticleGrid;
import org.sorb.model.StericMassActionBinding;
import org.sorb.model.TimeIntegration;

/**
 * CADET's steric-mass-action load-wash-elute benchmark as a built-in case, the {@code /input} of
 * {@code cadet_GRM_reqSMA_4comp_LWE_FV_Z512parZ64.h5} (Puttmann et al. 2013): a general-rate column, salt and three
 * proteins in rapid equilibrium, a 10 s load at 50 mM salt and 1 mM of each protein, a wash to 90 s and a linear
 * salt gradient from 100 mM at 0.2 mM/s to 1500 s. Concentrations in mM (mol/m^3). The sizes of the case file are
 * left to the caller: the reference is at 512 x 64 cells.
 */
public final class SmaLoadWashElute {
    /** The name {@code sorb bench batch} takes for it. */
    public static final String NAME = "sma-lwe";
    public static final double[] KA = {35.5, 1.59, 7.7};
    public static final double[] KD = {1000.0, 1000.0, 1000.0};
    public static final double[] NU = {4.7, 5.29, 3.7};
    public static final double[] SIGMA = {11.83, 10.6, 10.0};
    public static final double LAMBDA = 1200.0;
    public static final double[] FILM_DIFFUSION = {6.9e-6, 6.9e-6, 6.9e-6, 6.9e-6};
    public static final double[] PORE_DIFFUSION = {7.0e-10, 6.07e-11, 6.07e-11, 6.07e-11};
    public static final double LENGTH = 0.014;
    public static final double BED_POROSITY = 0.37;
    public static final double PARTICLE_POROSITY = 0.75;
    public static final double PARTICLE_RADIUS = 4.5e-5;
    public static final double VELOCITY = 5.75e-4;
    public static final double DISPERSION = 5.75e-8;
    /** Section ends (s): load, wash, gradient. */
    public static final double[] SECTION_ENDS = {10.0, 90.0, 1500.0};
    public static final double SALT_LOAD = 50.0;
    public static final double PROTEIN_LOAD = 1.0;
    public static final double SALT_GRADIENT_START = 100.0;
    /** Salt slope of the gradient (mM/s). */
    public static final double SALT_SLOPE = 0.2;
    public static final double ABS_TOL = 1e-8;
    public static final double REL_TOL = 1e-6;

    private SmaLoadWashElute() {
    }

    /** The case on {@code axialCells} x {@code particleCells} cells, WENO3, outlet every second. */
    public static ColumnCase of(int axialCells, int particleCells) {
        Inlet inlet = new Inlet(List.of(
                new InletSection(SECTION_ENDS[0], new double[] {SALT_LOAD, PROTEIN_LOAD, PROTEIN_LOAD, PROTEIN_LOAD},
                        null),
                new InletSection(SECTION_ENDS[1], new double[] {SALT_LOAD, 0.0, 0.0, 0.0}, null),
                new InletSection(SECTION_ENDS[2], new double[] {SALT_GRADIENT_START, 0.0, 0.0, 0.0},
                        new double[] {SALT_SLOPE, 0.0, 0.0, 0.0})));
        // initial bound state: in equilibrium with the 50 mM salt buffer (q_0 = Lambda, CADET's INIT_Q)
        return new ColumnCase(NAME, List.of("salt", "protein 1", "protein 2", "protein 3"),
                new Column(ColumnModel.GENERAL_RATE, LENGTH, BED_POROSITY, VELOCITY, DISPERSION),
                new Particle(PARTICLE_RADIUS, PARTICLE_POROSITY, FILM_DIFFUSION, PORE_DIFFUSION),
                new StericMassActionBinding(false, LAMBDA, KA, KD, NU, SIGMA, 1.0, 1.0), inlet,
                new InitialState(new double[] {SALT_LOAD, 0.0, 0.0, 0.0}, null),
                new Discretization(axialCells, particleCells, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3),
                new TimeIntegration(ABS_TOL, REL_TOL, 1e-4, 10_000_000), new OutputSpec(1.0, null));
    }
}
