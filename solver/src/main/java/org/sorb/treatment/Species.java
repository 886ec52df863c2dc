package org.sorb.treatment;

import org.sorb.model.Checks;
import org.sorb.model.InvalidModelException;

/**
 * One patient species (an IgG subclass, an autoantibody, immune complexes) in a two-pool model: the intravascular
 * pool (plasma) and an extravascular pool exchanging with it, with first-order catabolism in both pools and, when
 * {@code synthesis} is on, constant synthesis into plasma that balances catabolism before treatment.
 *
 * @param name                   component name, as in the case's {@code components}
 * @param concentration          plasma concentration before the first session (kg/m^3 = g/L)
 * @param intravascularFraction  f = intravascular / total-body amount at steady state, in (0, 1]; 1: one pool
 * @param redistributionHalfTime half-time of the intravascular-extravascular re-equilibration, ln 2 / lambda (s)
 * @param halfLife               total-body elimination half-life ln 2 / k_el (s); infinite for no catabolism
 * @param synthesis              true: constant synthesis S = k_el x total-body amount before treatment
 */
public record Species(String name, double concentration, double intravascularFraction,
                      double redistributionHalfTime, double halfLife, boolean synthesis) {
    public Species {
        Checks.notNull("patient.species", name);
        String f = "patient.species." + name;
        Checks.nonNegative(f + ".concentration", concentration);
        Checks.inRange(f + ".intravascular_fraction", intravascularFraction, 0.0, false, 1.0, true);
        Checks.positive(f + ".redistribution_half_time", redistributionHalfTime);
        if (!(halfLife > 0) || Double.isNaN(halfLife)) {
            throw new InvalidModelException(f + ".half_life", Double.toString(halfLife), "a time > 0 or none");
        }
        if (intravascularFraction < 1.0 && exchangeIn(intravascularFraction, redistributionHalfTime, halfLife) <= 0) {
            throw new InvalidModelException(f + ".redistribution_half_time", redistributionHalfTime + " s",
                    "a re-equilibration faster than elimination (half-time below half_life x intravascular_fraction)");
        }
    }

    /** Elimination (catabolic) rate constant k_el = ln 2 / half-life (1/s), 0 without catabolism. */
    public double eliminationRate() {
        return Double.isInfinite(halfLife) ? 0.0 : Math.log(2.0) / halfLife;
    }

    /** True when the species has an extravascular pool (f &lt; 1). */
    public boolean twoPools() {
        return intravascularFraction < 1.0;
    }

    /**
     * Extravascular-to-intravascular rate k_in = lambda / (1 + r) - k_el, with r = (1 - f)/f and lambda the
     * re-equilibration rate, so that lambda = k_in + k_out + k_el and the pools start in steady state (1/s).
     */
    public double exchangeIn() {
        return twoPools() ? exchangeIn(intravascularFraction, redistributionHalfTime, halfLife) : 0.0;
    }

    /** Intravascular-to-extravascular rate k_out = r lambda / (1 + r), r = (1 - f)/f (1/s). */
    public double exchangeOut() {
        if (!twoPools()) {
            return 0.0;
        }
        double r = (1.0 - intravascularFraction) / intravascularFraction;
        return r * Math.log(2.0) / redistributionHalfTime / (1.0 + r);
    }

    private static double exchangeIn(double f, double tRedist, double halfLife) {
        double r = (1.0 - f) / f;
        double kel = Double.isInfinite(halfLife) ? 0.0 : Math.log(2.0) / halfLife;
        return Math.log(2.0) / tRedist / (1.0 + r) - kel;
    }
}
