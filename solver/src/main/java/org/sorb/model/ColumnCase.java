package org.sorb.model;

import java.util.List;

/**
 * A fully resolved, validated column simulation in SI units: everything the solver needs and nothing else.
 *
 * @param name           case name (used for the default output file)
 * @param components     component names, n_comp of them
 * @param column         bed geometry and flow
 * @param particle       adsorbent particles
 * @param binding        binding model
 * @param inlet          inlet sections
 * @param initial        initial state
 * @param discretization spatial resolution
 * @param solver         time-integration tolerances
 * @param output         what to record
 */
public record ColumnCase(String name, List<String> components, Column column, Particle particle,
                         BindingModel binding, Inlet inlet, InitialState initial, Discretization discretization,
                         TimeIntegration solver, OutputSpec output) {
    public ColumnCase {
        Checks.notNull("name", name);
        Checks.notNull("components", components);
        components = List.copyOf(components);
        Checks.notNull("column", column);
        Checks.notNull("particle", particle);
        Checks.notNull("binding", binding);
        Checks.notNull("inlet", inlet);
        Checks.notNull("initial", initial);
        Checks.notNull("discretization", discretization);
        Checks.notNull("solver", solver);
        Checks.notNull("output", output);
        int n = components.size();
        if (n == 0) {
            throw new InvalidModelException("components", "[]", "at least one component");
        }
        if (binding.components() != n) {
            throw new InvalidModelException("binding.ka", binding.components() + " components",
                    n + " (one per entry of components)");
        }
        Checks.length("inlet[0].concentration", inlet.sections().get(0).concentration(), n);
        Checks.length("initial.bulk", initial.bulk(), n);
        if (initial.bound() != null) {
            Checks.length("initial.bound", initial.bound(), binding.boundStates());
        }
        ColumnModel m = column.model();
        if (m != ColumnModel.LUMPED_RATE) {
            Checks.positive("particle.radius", particle.radius());
            Checks.inRange("particle.porosity", particle.porosity(), 0.0, false, 1.0, false);
            Checks.length("particle.film_diffusion", particle.filmDiffusion(), n);
        }
        if (m == ColumnModel.GENERAL_RATE) {
            Checks.length("particle.pore_diffusion", particle.poreDiffusion(), n);
        }
    }

    /** This case on another grid. */
    public ColumnCase withDiscretization(Discretization d) {
        return new ColumnCase(name, components, column, particle, binding, inlet, initial, d, solver, output);
    }

    /** Number of liquid components. */
    public int nComp() {
        return components.size();
    }

    /**
     * Total porosity eps_t = eps_c + (1 - eps_c) eps_p: the liquid fraction of the bed.
     */
    public double totalPorosity() {
        double ec = column.bedPorosity();
        return ec + (1.0 - ec) * particle.porosity();
    }
}
