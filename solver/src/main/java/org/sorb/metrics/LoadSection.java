package org.sorb.metrics;

import java.util.List;
import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.model.InletSection;

/**
 * The loading step of a case: the first inlet section that feeds a bound component (constant concentration
 * above zero); the feed concentrations are that section's.
 *
 * @param index section index in {@code inlet}
 * @param start section start (s)
 * @param end   section end (s)
 * @param feed  inlet concentration of every component during the load (case concentration unit)
 */
public record LoadSection(int index, double start, double end, double[] feed) {
    public LoadSection {
        feed = feed.clone();
    }

    @Override
    public double[] feed() {
        return feed.clone();
    }

    /** Feed concentration of component i. */
    public double feed(int i) {
        return feed[i];
    }

    /** Duration of the load (s). */
    public double duration() {
        return end - start;
    }

    /** The load of {@code c}, or null when no section feeds a bound component at a constant positive level. */
    public static LoadSection of(ColumnCase c) {
        List<InletSection> sections = c.inlet().sections();
        boolean[] bound = boundComponents(c.binding());
        for (int k = 0; k < sections.size(); k++) {
            InletSection s = sections.get(k);
            double[] conc = s.concentration();
            double[] slope = s.slope();
            for (int i = 0; i < conc.length; i++) {
                if (bound[i] && conc[i] > 0.0 && slope[i] == 0.0) {
                    return new LoadSection(k, c.inlet().start(k), s.end(), conc);
                }
            }
        }
        return null;
    }

    /**
     * Per component: true when it binds, i.e. at least one bound state belongs to it and it is not the model's
     * modulator (the pH of ph_langmuir, the salt of steric mass action, whose bound state is the free ionic
     * capacity: no capacity or breakthrough of salt is reported).
     */
    public static boolean[] boundComponents(BindingModel binding) {
        boolean[] bound = new boolean[binding.components()];
        for (int s = 0; s < binding.boundStates(); s++) {
            bound[binding.componentOf(s)] = true;
        }
        if (binding.declaration().firstComponent() != null) {
            bound[0] = false;
        }
        return bound;
    }
}
