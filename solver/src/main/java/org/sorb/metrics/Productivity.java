package org.sorb.metrics;

import java.util.Arrays;
import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.InletSection;

/**
 * Productivity of a load-wash-elute cycle. A case is such a cycle when its load ({@link LoadSection}) is followed
 * directly by a wash (every bound component's inlet at zero) and later by a section whose inlet differs from the
 * wash's (the elution: a modifier such as the pH or a salt changes); the elution lasts from that section's start
 * to the end of the last section. Productivity_i = (u_s int_elution c_out,i dt) / (L (t_end - t_load)): the amount
 * eluted per volume of packed bed and per cycle time (case concentration unit per s; x 3600 for g/(L h) in a mass
 * case).
 */
public final class Productivity {
    private Productivity() {
    }

    /** Start of the elution (s) of {@code c}'s load-wash-elute cycle, or NaN when the case has none. */
    public static double elutionStart(ColumnCase c) {
        LoadSection load = LoadSection.of(c);
        List<InletSection> sections = c.inlet().sections();
        if (load == null || load.index() + 2 >= sections.size()) {
            return Double.NaN;
        }
        boolean[] bound = LoadSection.boundComponents(c.binding());
        InletSection wash = sections.get(load.index() + 1);
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] && (wash.concentration()[i] != 0.0 || wash.slope()[i] != 0.0)) {
                return Double.NaN;
            }
        }
        for (int k = load.index() + 2; k < sections.size(); k++) {
            InletSection s = sections.get(k);
            if (!Arrays.equals(s.concentration(), wash.concentration()) || !Arrays.equals(s.slope(), wash.slope())) {
                return c.inlet().start(k);
            }
        }
        return Double.NaN;
    }

    /**
     * Productivity of component {@code i} from its outlet series; NaN when the case is not a load-wash-elute cycle.
     *
     * @param time   outlet sample times (s)
     * @param outlet outlet concentration of component i at each sample
     */
    public static double of(ColumnCase c, double[] time, double[] outlet) {
        double elution = elutionStart(c);
        LoadSection load = LoadSection.of(c);
        if (Double.isNaN(elution)) {
            return Double.NaN;
        }
        double end = c.inlet().endTime();
        double eluted = c.column().superficialVelocity() * integral(time, outlet, elution, end);
        return eluted / (c.column().length() * (end - load.start()));
    }

    /** Trapezoidal integral of the piecewise linear series over [a, b] (concentration x s). */
    static double integral(double[] time, double[] y, double a, double b) {
        double sum = 0.0;
        for (int k = 1; k < time.length; k++) {
            double t0 = Math.max(time[k - 1], a);
            double t1 = Math.min(time[k], b);
            if (t1 <= t0) {
                continue;
            }
            double slope = (y[k] - y[k - 1]) / (time[k] - time[k - 1]);
            double y0 = y[k - 1] + slope * (t0 - time[k - 1]);
            double y1 = y[k - 1] + slope * (t1 - time[k - 1]);
            sum += 0.5 * (y0 + y1) * (t1 - t0);
        }
        return sum;
    }
}
