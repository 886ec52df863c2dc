package org.sorb.metrics;

import org.sorb.model.ColumnCase;
import org.sorb.numerics.BindingEquilibrium;

/**
 * Equilibrium (static) binding capacity at the feed per volume of packed bed, from the isotherm:
 * EBC_i = (1 - eps_c)(1 - eps_p) sum_s q*_s(c_feed), the bound states s of component i in equilibrium with the
 * whole feed (competitive); pore liquid not included (case concentration unit per volume of packed bed).
 */
public final class EquilibriumCapacity {
    private EquilibriumCapacity() {
    }

    /** EBC of every component (0 for components without bound state) at {@code feed}. */
    public static double[] perBedVolume(ColumnCase c, double[] feed) {
        double[] q = BindingEquilibrium.solve(c.binding(), feed);
        double solid = (1.0 - c.column().bedPorosity()) * (1.0 - c.particle().porosity());
        double[] out = new double[c.nComp()];
        for (int s = 0; s < q.length; s++) {
            out[c.binding().componentOf(s)] += solid * q[s];
        }
        return out;
    }

    /**
     * The stoichiometric (shock) breakthrough capacity of a favourable isotherm without mass-transfer resistance,
     * c_feed V_shock / V_bed = c_feed eps_t + EBC (the hold-up plus the bound amount), for comparison with DBC_p.
     */
    public static double stoichiometric(ColumnCase c, double feed, double equilibriumCapacity) {
        return feed * c.totalPorosity() + equilibriumCapacity;
    }
}
