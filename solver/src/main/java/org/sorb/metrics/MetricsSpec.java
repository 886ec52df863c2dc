package org.sorb.metrics;

import java.util.Arrays;
import org.sorb.model.InvalidModelException;

/**
 * What a case asks of its design metrics: the mobile phase's viscosity (for the pressure drop), the breakthrough
 * percentages at which dynamic binding capacities are read (10 % always among them), and the grid check.
 *
 * @param viscosity           dynamic viscosity of the mobile phase mu (Pa s)
 * @param breakthroughPercent breakthrough levels p (%), in (0, 100), ascending, without duplicates, 10 included
 * @param gridTolerance       relative discretization error of a metric above which a run is flagged (-)
 * @param gridCheck           true to run the coarser companion solve that estimates the discretization error
 */
public record MetricsSpec(double viscosity, double[] breakthroughPercent, double gridTolerance, boolean gridCheck) {
    /** Water at 20 C (Pa s), Kestin, Sokolov and Wakeham, J. Phys. Chem. Ref. Data 7 (1978) 941. */
    public static final double WATER_20C_VISCOSITY = 1.002e-3;
    /** The breakthrough level every case reports (%). */
    public static final double STANDARD_PERCENT = 10.0;
    /** Default relative tolerance of the grid check (-). */
    public static final double DEFAULT_GRID_TOLERANCE = 0.02;
    /** Water, DBC at 10 %, a 2 % grid tolerance, the grid check on. */
    public static final MetricsSpec DEFAULTS = new MetricsSpec(WATER_20C_VISCOSITY, new double[] {STANDARD_PERCENT},
            DEFAULT_GRID_TOLERANCE, true);

    public MetricsSpec {
        if (!(viscosity > 0.0) || !Double.isFinite(viscosity)) {
            throw new InvalidModelException("mobile_phase.viscosity", viscosity + " Pa s", "a viscosity > 0");
        }
        if (!(gridTolerance > 0.0) || !Double.isFinite(gridTolerance)) {
            throw new InvalidModelException("metrics.grid_tolerance", Double.toString(gridTolerance),
                    "a relative tolerance > 0");
        }
        double[] p = Arrays.copyOf(breakthroughPercent, breakthroughPercent.length + 1);
        p[p.length - 1] = STANDARD_PERCENT;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] > 0.0 && p[i] < 100.0)) {
                throw new InvalidModelException("metrics.breakthrough_percent[" + i + "]", Double.toString(p[i]),
                        "a percentage in (0, 100)");
            }
        }
        breakthroughPercent = Arrays.stream(p).sorted().distinct().toArray();
    }

    @Override
    public double[] breakthroughPercent() {
        return breakthroughPercent.clone();
    }
}
