package org.sorb.metrics;

import org.sorb.model.Column;

/** Column volumes loaded, from the column's residence time tau = L / u_s ({@link Column#residenceTime}). */
public final class FlowMetrics {
    private FlowMetrics() {
    }

    /** Column volumes passed in {@code duration}: CV = Q t / V_bed = u_s t / L (-). */
    public static double columnVolumes(Column column, double duration) {
        return duration / column.residenceTime();
    }
}
