package org.sorb.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.CaseException;
import org.sorb.cases.LoadedCase;

/** Each metric against a value computed by hand, on a synthetic outlet whose crossings are known exactly. */
class DesignMetricsTest {
    /** Round-off of the formulas evaluated in another order. */
    static final double ROUND_OFF = 1e-12;
    /** dP by hand: 150 x 1.5e-3 Pa s x (300 cm/h = 1/1200 m/s) x 0.2 m x 0.64^2 / ((90e-6 m)^2 x 0.36^3). */
    static final double BLAKE_KOZENY_BY_HAND = 40644.21074023269;

    /** A linear ramp from 0 at 300 s to the feed 2 mg/mL at 700 s, sampled every 10 s up to 1500 s. */
    private static double[][] ramp() {
        int n = 151;
        double[] t = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = 10.0 * k;
            c[k] = Math.min(2.0, Math.max(0.0, 2.0 * (t[k] - 300.0) / 400.0));
        }
        return new double[][] {t, c};
    }

    @Test
    void thePressureDropIsBlakeKozenyByHand() throws CaseException {
        LoadedCase c = MetricsFixtures.column("mobile_phase: {viscosity: 1.5 cP}\n");
        double[][] r = ramp();
        DesignMetrics m = new DesignMetrics(c.model(), c.metrics(), c.concentrationUnit());
        double[] v = m.evaluate(c.model(), c.metrics(), MetricsFixtures.result(r[0], r[1])).values();
        assertEquals(DesignMetrics.PRESSURE_DROP, m.names().get(2));
        assertEquals("Pa", m.units().get(2));
        assertEquals(BLAKE_KOZENY_BY_HAND, v[2], ROUND_OFF * BLAKE_KOZENY_BY_HAND);
        for (String same : List.of("1.5 mPa s", "1.5e-3 Pa s", "0.0015")) {
            LoadedCase other = MetricsFixtures.column("mobile_phase: {viscosity: " + same + "}\n");
            assertEquals(1.5e-3, other.metrics().viscosity(), ROUND_OFF * 1.5e-3, same);
        }
        assertEquals(MetricsSpec.WATER_20C_VISCOSITY, MetricsFixtures.column("").metrics().viscosity(), 0.0);
    }

    @Test
    void dbcReadsTheLinearCrossingsOfASyntheticRampAndTheFlowMetricsFollowFromTheGeometry() throws CaseException {
        LoadedCase c = MetricsFixtures.column("metrics: {breakthrough_percent: [50, 12.5]}\n");
        double[][] r = ramp();
        DesignMetrics m = new DesignMetrics(c.model(), c.metrics(), c.concentrationUnit());
        assertEquals(List.of("residence_time", "column_volumes", "pressure_drop", "dbc_10pct:P", "dbc_12.5pct:P",
                "dbc_50pct:P", "equilibrium_capacity:P", "capacity_utilisation:P"), m.names());
        assertEquals(List.of("s", "1", "Pa", "kg/m^3", "kg/m^3", "kg/m^3", "kg/m^3", "1"), m.units());
        DesignMetrics.Evaluation e = m.evaluate(c.model(), c.metrics(), MetricsFixtures.result(r[0], r[1]));
        double[] v = e.values();
        double us = 0.03 / 3600.0 * 100.0; // 300 cm/h in m/s
        double tau = 0.2 / us;
        assertEquals(240.0, tau, ROUND_OFF * tau);
        assertEquals(tau, v[0], ROUND_OFF * tau);
        assertEquals(1200.0 / tau, v[1], ROUND_OFF);
        // c/c_f = (t - 300) / 400: 10 % at 340 s, 12.5 % at 350 s, 50 % at 500 s; the load starts at 60 s
        double[] crossing = {340.0, 350.0, 500.0};
        for (int i = 0; i < 3; i++) {
            double dbc = 2.0 * us * (crossing[i] - 60.0) / 0.2;
            assertEquals(dbc, v[3 + i], ROUND_OFF * dbc, m.names().get(3 + i));
        }
        double ebc = 0.64 * 0.5 * 100.0 * 10.0 / 0.1 * 2.0 / (1.0 + 10.0 / 0.1 * 2.0);
        assertEquals(ebc, v[6], ROUND_OFF * ebc);
        assertEquals(v[3] / ebc, v[7], ROUND_OFF);
        assertEquals(List.of(), e.notes());
    }

    @Test
    void aCrossingBetweenSamplesIsInterpolatedAndNoCrossingDuringTheLoadIsNaNWithANote() throws CaseException {
        double[] t = {0.0, 10.0, 20.0, 30.0};
        double[] c = {0.0, 0.1, 0.5, 0.9};
        assertEquals(15.0, Breakthrough.crossing(t, c, 0.3, 0.0, 30.0), ROUND_OFF);
        assertEquals(10.0, Breakthrough.crossing(t, c, 0.1, 0.0, 30.0), ROUND_OFF);
        assertTrue(Double.isNaN(Breakthrough.crossing(t, c, 0.3, 0.0, 12.0)), "after the load's end");
        assertTrue(Double.isNaN(Breakthrough.crossing(t, c, 0.95, 0.0, 30.0)), "never reached");
        assertEquals(25.0, Breakthrough.crossing(t, c, 0.3, 25.0, 30.0), ROUND_OFF, "above the level at the start");

        LoadedCase loaded = MetricsFixtures.column("");
        int n = 151;
        double[] time = new double[n];
        double[] low = new double[n];
        for (int k = 0; k < n; k++) {
            time[k] = 10.0 * k;
            low[k] = 0.1; // 5 % of the feed throughout
        }
        DesignMetrics m = new DesignMetrics(loaded.model(), loaded.metrics(), loaded.concentrationUnit());
        DesignMetrics.Evaluation e = m.evaluate(loaded.model(), loaded.metrics(), MetricsFixtures.result(time, low));
        assertTrue(Double.isNaN(e.values()[3]) && Double.isNaN(e.values()[5]));
        assertEquals(List.of("dbc_10pct:P: the outlet never reaches 10 % of the feed during the load (60 to 1260 "
                + "s); NaN"), e.notes());
    }

    @Test
    void badMetricsKeysNameTheFieldAndWhatWasExpected() {
        CaseException e = assertThrows(CaseException.class,
                () -> MetricsFixtures.column("metrics: {breakthrough_percent: [10, 120]}\n"));
        assertEquals("metrics.breakthrough_percent[1]: got 120, expected a number in (0, 100)", e.getMessage());
        e = assertThrows(CaseException.class, () -> MetricsFixtures.column("mobile_phase: {viscosity: 1 cm}\n"));
        assertTrue(e.getMessage().startsWith("mobile_phase.viscosity: got 1 cm"), e.getMessage());
        assertTrue(e.getMessage().contains("a dynamic viscosity > 0 (Pa s, mPa s, cP)"), e.getMessage());
        e = assertThrows(CaseException.class, () -> MetricsFixtures.column("metrics: {grid_check: maybe}\n"));
        assertEquals("metrics.grid_check: got maybe, expected true or false", e.getMessage());
        e = assertThrows(CaseException.class, () -> MetricsFixtures.column("metrics: {grid_tolerance: 0}\n"));
        assertTrue(e.getMessage().startsWith("metrics.grid_tolerance: got 0"), e.getMessage());
        e = assertThrows(CaseException.class, () -> MetricsFixtures.column("metrics: {breakthru: [50]}\n"));
        assertTrue(e.getMessage().startsWith("metrics.breakthru"), e.getMessage());
    }
}
