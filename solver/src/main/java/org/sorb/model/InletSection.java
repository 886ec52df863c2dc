package org.sorb.model;

/**
 * One inlet section, from the previous section's end to {@code end}: a cubic in dt = t - start,
 * c_in,i(t) = concentration_i + slope_i dt + quadratic_i dt^2 + cubic_i dt^3 for start &lt;= t &lt; end
 * ({@link InletPolynomial}).
 *
 * @param end           end time of the section (s)
 * @param concentration inlet concentration at the section start, per component
 * @param slope         rate of change per component (concentration / s); null or zeros for a constant section
 * @param quadratic     quadratic coefficient per component (concentration / s^2); null or zeros for none
 * @param cubic         cubic coefficient per component (concentration / s^3); null or zeros for none
 */
public record InletSection(double end, double[] concentration, double[] slope, double[] quadratic, double[] cubic) {
    public InletSection {
        Checks.positive("inlet.until", end);
        concentration = concentration.clone();
        slope = coefficients("inlet.slope", slope, concentration.length);
        quadratic = coefficients("inlet.quadratic", quadratic, concentration.length);
        cubic = coefficients("inlet.cubic", cubic, concentration.length);
        Checks.allFinite("inlet.concentration", concentration);
    }

    /** A constant (slope null) or linear section. */
    public InletSection(double end, double[] concentration, double[] slope) {
        this(end, concentration, slope, null, null);
    }

    private static double[] coefficients(String field, double[] values, int n) {
        double[] v = values == null ? new double[n] : values.clone();
        Checks.length(field, v, n);
        Checks.allFinite(field, v);
        return v;
    }

    @Override
    public double[] concentration() {
        return concentration.clone();
    }

    @Override
    public double[] slope() {
        return slope.clone();
    }

    @Override
    public double[] quadratic() {
        return quadratic.clone();
    }

    @Override
    public double[] cubic() {
        return cubic.clone();
    }

    /** Inlet concentration of component i at time t, for a section starting at {@code start}. */
    public double value(int i, double start, double t) {
        return InletPolynomial.value(concentration[i], slope[i], quadratic[i], cubic[i], t - start);
    }

    /** Integral of component i's inlet concentration from {@code start} to t (concentration x s). */
    public double integral(int i, double start, double t) {
        return InletPolynomial.integral(concentration[i], slope[i], quadratic[i], cubic[i], 0.0, t - start);
    }
}
