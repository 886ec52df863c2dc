package org.sorb.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SpectralElements;
import org.sorb.model.TimeIntegration;

/** Reads the optional {@code discretization:} and {@code solver:} sections, filling in defaults. */
final class NumericsReader {
    static final List<String> DISCRETIZATION_KEYS =
            List.of("method", "axial_cells", "particle_cells", "particle_grid", "convection");
    static final List<String> GALERKIN_KEYS = List.of("method", "axial_elements", "polynomial_degree",
            "particle_elements", "particle_polynomial_degree", "integration");
    static final int DEFAULT_AXIAL_ELEMENTS = 8;
    static final int DEFAULT_DEGREE = 3;
    static final int DEFAULT_PARTICLE_ELEMENTS = 1;
    static final int DEFAULT_PARTICLE_DEGREE = 4;
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
        String method = s.choice("method", Map.of("fv", "fv", "dg", "dg"), "fv");
        if (method.equals("dg")) {
            return galerkin(s);
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

    /** {@code method: dg}: spectral elements, with the DG keys only. */
    private static Discretization galerkin(Section s) throws CaseException {
        s.allowKeys(GALERKIN_KEYS);
        return Discretization.galerkin(new SpectralElements(
                s.integer("axial_elements", 1, DEFAULT_AXIAL_ELEMENTS),
                s.integer("polynomial_degree", 1, DEFAULT_DEGREE),
                s.integer("particle_elements", 1, DEFAULT_PARTICLE_ELEMENTS),
                s.integer("particle_polynomial_degree", 0, DEFAULT_PARTICLE_DEGREE),
                s.choice("integration", Map.of("collocated", false, "exact", true), false)));
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
