package org.sorb.model;

/**
 * Geometry and flow of a packed bed, in SI units.
 *
 * @param model                the transport model
 * @param length               bed length L (m)
 * @param bedPorosity          interstitial (bed) porosity eps_c (-)
 * @param interstitialVelocity interstitial velocity u (m/s), superficial velocity / eps_c
 * @param axialDispersion      axial dispersion coefficient D_ax (m^2/s)
 */
public record Column(ColumnModel model, double length, double bedPorosity, double interstitialVelocity,
                     double axialDispersion) {
    public Column {
        Checks.notNull("column.model", model);
        Checks.positive("column.length", length);
        Checks.openUnit("column.bed_porosity", bedPorosity);
        Checks.positive("column.interstitial_velocity", interstitialVelocity);
        Checks.nonNegative("column.axial_dispersion", axialDispersion);
    }

    /** Superficial velocity u_s = eps_c u (m/s). */
    public double superficialVelocity() {
        return bedPorosity * interstitialVelocity;
    }

    /**
     * Residence time, the time of one column volume: tau = V_bed / Q = L / u_s (s); a time t is t / tau column
     * volumes (CV).
     */
    public double residenceTime() {
        return length / superficialVelocity();
    }

    /** Phase ratio F = (1 - eps_c) / eps_c. */
    public double phaseRatio() {
        return (1.0 - bedPorosity) / bedPorosity;
    }
}
