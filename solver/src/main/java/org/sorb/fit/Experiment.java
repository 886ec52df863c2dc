package org.sorb.fit;

import java.util.List;
import java.util.Map;

/**
 * One measured curve and the case settings it was measured at.
 *
 * @param name      a label for reports and the HDF5 group
 * @param overrides {@code key.path=value} settings of this experiment (flow, feed, ...), applied after the
 *                  command's own {@code --set}
 * @param curve     the measurement
 * @param weight    weight of the whole curve (multiplies each value's weight), > 0
 * @param scales    per fitted key, the factor this experiment's value is of the fitted one (e.g. a film coefficient
 *                  that follows the flow as k_f ~ u^(1/3): (u / u_ref)^(1/3)); keys not named have factor 1
 */
public record Experiment(String name, List<String> overrides, MeasuredCurve curve, double weight,
                         Map<String, Double> scales) {
    public Experiment {
        overrides = List.copyOf(overrides);
        scales = Map.copyOf(scales);
        for (Map.Entry<String, Double> e : scales.entrySet()) {
            if (!(e.getValue() > 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("experiment " + name + ": scale of " + e.getKey() + " is "
                        + e.getValue() + ", expected > 0");
            }
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an experiment needs a name");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("experiment " + name + ": weight " + weight + ", expected > 0");
        }
    }

    /** An experiment whose values of the fitted keys are the fitted ones. */
    public Experiment(String name, List<String> overrides, MeasuredCurve curve, double weight) {
        this(name, overrides, curve, weight, Map.of());
    }

    /** The factor of {@code key} in this experiment (1 unless {@link #scales} names it). */
    public double scale(String key) {
        return scales.getOrDefault(key, 1.0);
    }
}
