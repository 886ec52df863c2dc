package org.sorb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.numerics.InletSegment;

/** A cubic inlet section's value and integrals against hand values; a linear section is unchanged by the cubic. */
class InletSectionTest {
    /** Hand values below are exact decimals; what the doubles may differ by. */
    static final double ROUND_OFF = 1e-14;

    /** c(dt) = 2 + 0.5 dt - 0.1 dt^2 + 0.01 dt^3 from t = 10 s to 20 s, after a constant section to 10 s. */
    private static final Inlet INLET = new Inlet(List.of(new InletSection(10.0, new double[] {1.0}, null),
            new InletSection(20.0, new double[] {2.0}, new double[] {0.5}, new double[] {-0.1},
                    new double[] {0.01})));

    @Test
    void cubicValueAtAHandPoint() {
        // dt = 3: 2 + 1.5 - 0.9 + 0.27
        assertEquals(2.87, INLET.value(1, 0, 13.0), ROUND_OFF);
        assertEquals(2.0, INLET.value(1, 0, 10.0), 0.0);
    }

    @Test
    void cubicIntegralFromTheSectionStart() {
        // 2 * 3 + 0.5 * 9 / 2 - 0.1 * 27 / 3 + 0.01 * 81 / 4
        assertEquals(7.5525, INLET.integral(1, 0, 13.0), ROUND_OFF);
        assertEquals(5.0, INLET.integral(0, 0, 5.0), 0.0);
    }

    @Test
    void segmentIntegralOverAStepInsideTheSection() {
        InletSegment segment = new InletSegment(1);
        segment.set(10.0, INLET.sections().get(1));
        // F(3) - F(1) = 7.5525 - (2 + 0.25 - 0.1 / 3 + 0.0025) = 16 / 3
        assertEquals(16.0 / 3.0, segment.integral(0, 11.0, 2.0), ROUND_OFF);
        assertEquals(INLET.value(1, 0, 13.0), segment.value(0, 13.0), 0.0);
    }

    @Test
    void linearSectionKeepsItsValuesBitForBit() {
        InletSection linear = new InletSection(100.0, new double[] {0.3}, new double[] {0.007});
        assertArrayEquals(new double[] {0.0}, linear.quadratic(), 0.0);
        assertArrayEquals(new double[] {0.0}, linear.cubic(), 0.0);
        for (double t : new double[] {0.0, 1.7, 33.3, 99.9}) {
            assertEquals(0.3 + 0.007 * t, linear.value(0, 0.0, t), 0.0);
        }
    }

    @Test
    void coefficientsOfTheWrongLengthOrNotFiniteAreRefusedByName() {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> new InletSection(1.0,
                new double[] {1.0}, null, new double[] {1.0, 2.0}, null));
        assertEquals("inlet.quadratic", e.field());
        e = assertThrows(InvalidModelException.class, () -> new InletSection(1.0, new double[] {1.0}, null, null,
                new double[] {Double.NaN}));
        assertEquals("inlet.cubic[0]", e.field());
    }
}
