package org.sorb.metrics;

/**
 * Breakthrough of one component during the load: the time at which c_out / c_feed first reaches p / 100,
 * interpolated linearly between outlet samples, and the dynamic binding capacity read from it.
 *
 * <p>DBC_p = c_feed (V_p - V_0) / V_bed = c_feed u_s (t_p - t_load) / L (case concentration unit per volume of packed
 * bed), the frontal-analysis value of resin data sheets with V_0 = 0 (no system volume outside the column), so
 * it counts the column's liquid hold-up eps_t c_feed. The amount retained up to t_p per bed volume is
 * DBC_p - (u_s / L) int_load^t_p c_out dt.
 */
public final class Breakthrough {
    private Breakthrough() {
    }

    /**
     * The first time in [start, end] at which {@code outlet} reaches {@code level}, linear between the samples
     * around the crossing; NaN when it never does there.
     *
     * @param time   sample times (s), ascending
     * @param outlet outlet concentration at each sample
     */
    public static double crossing(double[] time, double[] outlet, double level, double start, double end) {
        for (int k = 0; k < time.length; k++) {
            if (time[k] < start) {
                continue;
            }
            if (outlet[k] >= level) {
                double t;
                if (k == 0) {
                    t = time[k];
                } else if (outlet[k - 1] < level) {
                    double y0 = outlet[k - 1];
                    t = time[k - 1] + (level - y0) / (outlet[k] - y0) * (time[k] - time[k - 1]);
                } else {
                    t = start; // already above the level when the load began
                }
                t = Math.max(t, start);
                return t <= end ? t : Double.NaN;
            }
            if (time[k] >= end) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * DBC_p = c_feed u_s (t_p - t_load) / L; NaN when the crossing is NaN.
     *
     * @param feed                feed concentration c_feed
     * @param superficialVelocity u_s (m/s)
     * @param length              bed length L (m)
     * @param loadStart           start of the load (s)
     * @param crossing            t_p (s)
     */
    public static double capacity(double feed, double superficialVelocity, double length, double loadStart,
                                  double crossing) {
        return feed * superficialVelocity * (crossing - loadStart) / length;
    }
}
