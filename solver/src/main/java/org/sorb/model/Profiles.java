package org.sorb.model;

/**
 * Whole-column snapshots.
 *
 * @param time  snapshot times (s), n_s values
 * @param z     axial cell centres (m), n_z values
 * @param bulk  bulk concentration, row-major [n_s][n_z][n_comp]
 * @param bound particle-averaged bound concentration per component (summed over site types), [n_s][n_z][n_comp]
 */
public record Profiles(double[] time, double[] z, double[] bulk, double[] bound) {
    public Profiles {
        time = time.clone();
        z = z.clone();
        bulk = bulk.clone();
        bound = bound.clone();
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] z() {
        return z.clone();
    }

    @Override
    public double[] bulk() {
        return bulk.clone();
    }

    @Override
    public double[] bound() {
        return bound.clone();
    }
}
