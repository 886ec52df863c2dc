package org.sorb.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The PI step-size controller: its formula, its limits and its history rules. */
class StepSizeControlTest {
    /** Round-off of the factors (pow of doubles). */
    static final double EXACT = 1e-14;

    @Test
    void piFactorIsGustafssonsFormula() {
        double err = 0.37;
        double previous = 0.81;
        double expected = StepSizeControl.SAFETY * Math.pow(err, -0.3 / 3) * Math.pow(previous / err, 0.4 / 3);
        assertEquals(expected, StepSizeControl.pi(err, previous), EXACT);
        // a growing error slows the growth below what the error alone would allow, a shrinking one speeds it up
        assertTrue(StepSizeControl.pi(err, 0.1) < StepSizeControl.pi(err, err));
        assertTrue(StepSizeControl.pi(err, 0.9) > StepSizeControl.pi(err, err));
    }

    @Test
    void constantErrorAtTheEquilibriumKeepsTheStep() {
        // fac = SAFETY e^(-K_I / k) = 1 at e = SAFETY^(k / K_I)
        double equilibrium = Math.pow(StepSizeControl.SAFETY, 3 / StepSizeControl.INTEGRAL_GAIN);
        assertEquals(1.0, StepSizeControl.pi(equilibrium, equilibrium), EXACT);
    }

    @Test
    void factorsStayWithinTheirLimits() {
        assertEquals(StepSizeControl.MAX_GROWTH, StepSizeControl.pi(1e-12, 1.0));
        assertEquals(StepSizeControl.MAX_GROWTH, StepSizeControl.pi(0.0, 1.0));
        assertEquals(StepSizeControl.MIN_GROWTH, StepSizeControl.pi(1e6, StepSizeControl.PREVIOUS_ERROR_FLOOR));
        assertEquals(StepSizeControl.MAX_GROWTH, StepSizeControl.standard(0.0));
        assertEquals(StepSizeControl.MIN_GROWTH, StepSizeControl.standard(1e9));
        assertEquals(StepSizeControl.SAFETY / 2.0, StepSizeControl.standard(8.0), EXACT);
    }

    @Test
    void firstStepAfterARestartTakesTheStandardFactorThenThePiFactor() {
        StepSizeControl c = new StepSizeControl();
        assertEquals(StepSizeControl.standard(0.5), c.accepted(0.5), EXACT);
        assertEquals(StepSizeControl.pi(0.3, 0.5), c.accepted(0.3), EXACT);
        // a tiny error enters the next factor as the floor
        c.accepted(1e-8);
        assertEquals(StepSizeControl.pi(0.4, StepSizeControl.PREVIOUS_ERROR_FLOOR), c.accepted(0.4), EXACT);
        c.restart();
        assertEquals(StepSizeControl.standard(0.4), c.accepted(0.4), EXACT);
    }

    @Test
    void rejectionsShrinkAndTheNextAcceptedStepDoesNotGrow() {
        StepSizeControl c = new StepSizeControl();
        c.accepted(0.5);
        assertEquals(StepSizeControl.standard(8.0), c.rejected(8.0), EXACT);
        assertEquals(StepSizeControl.SAFETY, c.rejected(1.0 + 1e-9), 1e-9, "a barely failed test retries smaller");
        assertEquals(1.0, c.accepted(1e-3), "no growth right after a rejection");
        assertEquals(StepSizeControl.pi(1e-3, StepSizeControl.PREVIOUS_ERROR_FLOOR), c.accepted(1e-3), EXACT);
        assertEquals(StepSizeControl.FAILURE_SHRINK, c.failed());
        assertEquals(1.0, c.accepted(1e-3), "no growth right after a Newton failure");
    }
}
