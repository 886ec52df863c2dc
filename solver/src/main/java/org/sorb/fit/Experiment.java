package org.sorb.fit;

import java.util.List;

/**
 * One measured curve and the case settings it was measured at.
 *
 * @param name      a label for reports and the HDF5 group
 * @param overrides {@code key.path=value} settings of this experiment (flow, feed, ...), applied after the
 *                  command's own {@code --set}
 * @param curve     the measurement
 * @param weight    weight of the whole curve (multiplies each value's weight), > 0
 */
public record Experiment(String name, List<String> overrides, MeasuredCurve curve, double weight) {
    public Experiment {
        overrides = List.copyOf(overrides);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an experiment needs a name");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("experiment " + name + ": weight " + weight + ", expected > 0");
        }
    }
}
