package org.sorb.model;

import java.util.List;

/** Consecutive inlet sections from t = 0; the simulation ends at the last section's end. */
public record Inlet(List<InletSection> sections) {
    public Inlet {
        if (sections == null || sections.isEmpty()) {
            throw new InvalidModelException("inlet", "no sections", "at least one section");
        }
        sections = List.copyOf(sections);
        double previous = 0.0;
        int n = sections.get(0).concentration().length;
        for (int k = 0; k < sections.size(); k++) {
            InletSection s = sections.get(k);
            if (!(s.end() > previous)) {
                throw new InvalidModelException("inlet[" + k + "].until", s.end() + " s",
                        "a time after the previous section's end (" + previous + " s)");
            }
            Checks.length("inlet[" + k + "].concentration", s.concentration(), n);
            previous = s.end();
        }
    }

    /** Start time of section k (s). */
    public double start(int k) {
        return k == 0 ? 0.0 : sections.get(k - 1).end();
    }

    /** End of the last section: the simulated time span (s). */
    public double endTime() {
        return sections.get(sections.size() - 1).end();
    }

    /** Inlet concentration of component i at time t inside section k. */
    public double value(int k, int i, double t) {
        return sections.get(k).value(i, start(k), t);
    }

    /**
     * Integral of the inlet concentration of component i over section k from its start to t
     * (concentration x s).
     */
    public double integral(int k, int i, double t) {
        return sections.get(k).integral(i, start(k), t);
    }
}
