package org.sorb.model;

/**
 * One inlet section, from the previous section's end to {@code end}:
 * c_in,i(t) = concentration_i + slope_i (t - start) for start &lt;= t &lt; end.
 *
 * @param end           end time of the section (s)
 * @param concentration inlet concentration at the section start, per component
 * @param slope         rate of change per component (concentration / s); zeros for a constant section
 */
public record InletSection(double end, double[] concentration, double[] slope) {
    public InletSection {
        Checks.positive("inlet.until", end);
        concentration = concentration.clone();
        slope = slope == null ? new double[concentration.length] : slope.clone();
        Checks.allFinite("inlet.concentration", concentration);
        Checks.length("inlet.slope", slope, concentration.length);
        Checks.allFinite("inlet.slope", slope);
    }

    @Override
    public double[] concentration() {
        return concentration.clone();
    }

    @Override
    public double[] slope() {
        return slope.clone();
    }

    /** Inlet concentration of component i at time t, for a section starting at {@code start}. */
    public double value(int i, double start, double t) {
        return concentration[i] + slope[i] * (t - start);
    }
}
