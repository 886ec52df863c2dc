package org.sorb.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.ParticleGrid;
import org.sorb.model.TimeIntegration;

/** Reads the optional {@code discretization:} and {@code solver:} sections, filling in defaults. */
final class NumericsReader {
    static final List<String> DISCRETIZATION_KEYS =
            List.of("axial_cells", "particle_cells", "particle_grid", "convection");
    static final List<String> SOLVER_KEYS = List.of("abs_tol", "rel_tol", "initial_step", "max_steps");
    static final int DEFAULT_AXIAL_CELLS = 64;
    static final int DEFAULT_PARTICLE_CELLS = 8;

    private NumericsReader() {
    }

    static Discretization discretization(Section s) throws CaseException {
        if (s == null) {
            return new Discretization(DEFAULT_AXIAL_CELLS, DEFAULT_PARTICLE_CELLS, ParticleGrid.EQUIDISTANT,
                    ConvectionScheme.WENO3);
        }
        s.allowKeys(DISCRETIZATION_KEYS);
        Map<String, ParticleGrid> grids = new LinkedHashMap<>();
        for (ParticleGrid g : ParticleGrid.values()) {
            grids.put(g.key(), g);
        }
        Map<String, ConvectionScheme> schemes = new LinkedHashMap<>();
        for (ConvectionScheme c : ConvectionScheme.values()) {
            schemes.put(c.key(), c);
        }
        return new Discretization(
                s.integer("axial_cells", 3, DEFAULT_AXIAL_CELLS),
                s.integer("particle_cells", 1, DEFAULT_PARTICLE_CELLS),
                s.choice("particle_grid", grids, ParticleGrid.EQUIDISTANT),
                s.choice("convection", schemes, ConvectionScheme.WENO3));
    }

    static TimeIntegration solver(Section s) throws CaseException {
        TimeIntegration d = TimeIntegration.defaults();
        if (s == null) {
            return d;
        }
        s.allowKeys(SOLVER_KEYS);
        return new TimeIntegration(
                s.number("abs_tol", QuantityKind.CONCENTRATION, Range.POSITIVE, d.absTol()),
                s.number("rel_tol", QuantityKind.NUMBER, Range.POSITIVE, d.relTol()),
                s.number("initial_step", QuantityKind.TIME, Range.POSITIVE, d.initialStep()),
                s.integer("max_steps", 1, d.maxSteps()));
    }
}
