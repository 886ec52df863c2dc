package org.sorb.model;

/**
 * What one column simulation produced.
 *
 * @param time        outlet sample times (s), n_t values
 * @param outlet      outlet concentration, row-major [n_t][n_comp]
 * @param nComp       number of components
 * @param massBalance mass balance over the whole run
 * @param profiles    whole-column snapshots, or null when none were asked for
 * @param stats       integrator work
 */
public record SimulationResult(double[] time, double[] outlet, int nComp, MassBalance massBalance,
                               Profiles profiles, SolverStats stats) {
    public SimulationResult {
        time = time.clone();
        outlet = outlet.clone();
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] outlet() {
        return outlet.clone();
    }

    /** Outlet concentration of component i at sample k. */
    public double outlet(int k, int i) {
        return outlet[k * nComp + i];
    }

    /** Outlet series of component i. */
    public double[] outletOf(int i) {
        double[] s = new double[time.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = outlet[k * nComp + i];
        }
        return s;
    }
}
