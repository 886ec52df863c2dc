package org.sorb.metrics;

import org.sorb.model.Column;

/** Metrics of the flow alone: superficial velocity, residence time and column volumes. */
public final class FlowMetrics {
    private FlowMetrics() {
    }

    /** Superficial velocity u_s = eps_c u (m/s). */
    public static double superficialVelocity(Column column) {
        return column.bedPorosity() * column.interstitialVelocity();
    }

    /** Residence time of the packed bed, tau = L / u_s = V_bed / Q (s). */
    public static double residenceTime(Column column) {
        return column.length() / superficialVelocity(column);
    }

    /** Column volumes passed in {@code duration}: CV = Q t / V_bed = u_s t / L (-). */
    public static double columnVolumes(Column column, double duration) {
        return duration / residenceTime(column);
    }
}
