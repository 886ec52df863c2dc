package org.sorb.io;

import java.util.List;
import java.util.Map;

/**
 * A sweep result file as read back.
 *
 * @param time             outlet times [n_t], s
 * @param components       component names
 * @param names            swept key paths [n_param]
 * @param parameters       design matrix [n_design][n_param], SI
 * @param outlet           outlet concentration [n_design][n_t][n_comp]
 * @param massBalanceError relative mass-balance error per design
 * @param solverStats      solver work per design [n_design][5] (steps, rejected, Newton, Jacobians, wall s)
 * @param mode             grid or zip
 * @param definition       the sweep section as written (YAML)
 * @param attributes       root string attributes by name
 */
public record SweepResultFile(double[] time, List<String> components, List<String> names, double[][] parameters,
                              double[][][] outlet, double[] massBalanceError, double[][] solverStats, String mode,
                              String definition, Map<String, String> attributes) {
    public SweepResultFile {
        components = List.copyOf(components);
        names = List.copyOf(names);
        attributes = Map.copyOf(attributes);
    }

    /** Number of designs. */
    public int designs() {
        return parameters.length;
    }

    /** The root attribute {@code name}, or null when absent. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
