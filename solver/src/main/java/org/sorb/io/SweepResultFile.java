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
 * @param failed           per design: true when it failed (its outlet, error and work are NaN)
 * @param failureReasons   per design: why it failed, empty when it did not
 * @param mode             grid or zip
 * @param definition       the sweep section as written (YAML)
 * @param attributes       root string attributes by name
 */
public record SweepResultFile(double[] time, List<String> components, List<String> names, double[][] parameters,
                              double[][][] outlet, double[] massBalanceError, double[][] solverStats,
                              boolean[] failed, List<String> failureReasons, String mode, String definition,
                              Map<String, String> attributes) {
    public SweepResultFile {
        if (failed.length != parameters.length || failureReasons.size() != parameters.length) {
            throw new IllegalArgumentException(failed.length + " failure flags and " + failureReasons.size()
                    + " reasons for " + parameters.length + " designs");
        }
        failed = failed.clone();
        failureReasons = List.copyOf(failureReasons);
        components = List.copyOf(components);
        names = List.copyOf(names);
        attributes = Map.copyOf(attributes);
    }

    /** Number of designs. */
    public int designs() {
        return parameters.length;
    }

    @Override
    public boolean[] failed() {
        return failed.clone();
    }

    /** Number of designs that failed. */
    public int failedCount() {
        int count = 0;
        for (boolean f : failed) {
            count += f ? 1 : 0;
        }
        return count;
    }

    /** The root attribute {@code name}, or null when absent. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
