package org.sorb.cases;

import java.util.ArrayList;
import java.util.List;
import org.sorb.model.ColumnCase;

/**
 * A sweep case after loading: the base case and one validated case per design.
 *
 * @param base       the case without its sweep (with the {@code --set} overrides), validated
 * @param mode       {@code grid} or {@code zip}
 * @param names      the swept key paths as written, e.g. {@code binding.qmax[0]}
 * @param units      the SI unit of each parameter's column of {@code parameters}, e.g. {@code m}
 * @param parameters the design matrix [n_design][n_param], SI values after unit conversion
 * @param designs    each design: the base with its parameter values applied, validated
 * @param definition the sweep section as one line of YAML, for result files
 */
public record LoadedSweep(LoadedCase base, String mode, List<String> names, List<String> units,
                          double[][] parameters, List<LoadedCase> designs, String definition) {
    public LoadedSweep {
        if (base == null || mode == null || names == null || units == null || parameters == null
                || designs == null) {
            throw new IllegalArgumentException("incomplete sweep");
        }
        names = List.copyOf(names);
        units = List.copyOf(units);
        if (units.size() != names.size()) {
            throw new IllegalArgumentException(units.size() + " units for " + names.size() + " parameters");
        }
        designs = List.copyOf(designs);
        if (names.isEmpty() || designs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one parameter and one design");
        }
        if (parameters.length != designs.size()) {
            throw new IllegalArgumentException(parameters.length + " rows of parameters for " + designs.size()
                    + " designs");
        }
        double[][] copy = new double[parameters.length][];
        for (int d = 0; d < parameters.length; d++) {
            if (parameters[d].length != names.size()) {
                throw new IllegalArgumentException("design " + d + " has " + parameters[d].length + " values for "
                        + names.size() + " parameters");
            }
            copy[d] = parameters[d].clone();
        }
        parameters = copy;
        definition = definition == null ? "" : definition;
    }

    @Override
    public double[][] parameters() {
        double[][] copy = new double[parameters.length][];
        for (int d = 0; d < parameters.length; d++) {
            copy[d] = parameters[d].clone();
        }
        return copy;
    }

    /** The sweep of just the designs {@code rows} (indices into this one, in that order); base, units and definition kept. */
    public LoadedSweep subset(int[] rows) {
        double[][] p = new double[rows.length][];
        List<LoadedCase> d = new ArrayList<>(rows.length);
        for (int k = 0; k < rows.length; k++) {
            p[k] = parameters[rows[k]];
            d.add(designs.get(rows[k]));
        }
        return new LoadedSweep(base, mode, names, units, p, d, definition);
    }

    /** Number of designs. */
    public int size() {
        return designs.size();
    }

    /** The designs' models, in order, for {@code Backend.simulateBatch}. */
    public List<ColumnCase> models() {
        List<ColumnCase> out = new ArrayList<>(designs.size());
        designs.forEach(d -> out.add(d.model()));
        return out;
    }

    /** Design d's values, "binding.qmax[0] = 80.0, column.length = 0.02" (SI), for messages. */
    public String describe(int d) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < names.size(); p++) {
            sb.append(p == 0 ? "" : ", ").append(names.get(p)).append(" = ").append(Format.number(parameters[d][p]));
        }
        return sb.toString();
    }
}
