package org.sorb.numerics;

import java.util.List;

/**
 * Where one unknown of a column's state vector lives ({@link StateLayout#locate}), for messages about it.
 *
 * @param phase     bulk liquid, pore liquid or bound phase
 * @param cell      axial cell, from 0 at the inlet
 * @param cells     number of axial cells
 * @param shell     particle shell from 0 at the surface, or -1 where the phase has none (bulk; lumped models)
 * @param shells    number of particle shells (0 for the lumped rate model)
 * @param component liquid component the unknown belongs to
 * @param site      binding site type from 0 (bi-Langmuir); 0 elsewhere
 * @param sites     site types of that component (1 except for bi-Langmuir)
 */
public record StateEntry(Phase phase, int cell, int cells, int shell, int shells, int component, int site,
                         int sites) {
    /** The phase of an unknown. */
    public enum Phase {
        BULK("bulk liquid c"), PORE("pore liquid c_p"), BOUND("bound phase q");

        private final String text;

        Phase(String text) {
            this.text = text;
        }
    }

    public StateEntry {
        if (phase == null || cell < 0 || cell >= cells || shell < -1 || shell >= Math.max(shells, 1) || component < 0 || site < 0
                || site >= sites) {
            throw new IllegalArgumentException("no such state entry: " + phase + " cell " + cell + "/" + cells
                    + " shell " + shell + "/" + shells + " component " + component + " site " + site + "/" + sites);
        }
    }

    /**
     * "bound phase q (site type 2) of component IgG in axial cell 5 of 8 (from 0 at the inlet), particle shell 2 of 3
     * (from 0 at the surface)"; the component by index when {@code names} does not name it.
     */
    public String describe(List<String> names) {
        String name = names != null && component < names.size() ? names.get(component) : "#" + component;
        StringBuilder b = new StringBuilder(phase.text);
        if (sites > 1) {
            b.append(" (site type ").append(site + 1).append(')');
        }
        b.append(" of component ").append(name).append(" in axial cell ").append(cell).append(" of ").append(cells)
                .append(" (from 0 at the inlet)");
        if (shell >= 0 && shells > 1) {
            b.append(", particle shell ").append(shell).append(" of ").append(shells).append(" (from 0 at the surface)");
        }
        return b.toString();
    }
}
