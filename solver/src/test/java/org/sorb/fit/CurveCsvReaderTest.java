package org.sorb.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.CaseException;
import org.sorb.model.Column;
import org.sorb.model.ColumnModel;

/** Header units, weights and the x axes' conversions to outlet time, against hand-computed values. */
class CurveCsvReaderTest {
    /** Unit conversions are exact up to round-off. */
    static final double EXACT = 1e-12;
    private static final List<String> COMPONENTS = List.of("IgG", "BSA");

    private static MeasuredCurve parse(String... lines) throws CaseException {
        return CurveCsvReader.parse("c.csv", List.of(lines), COMPONENTS, "kg/m^3");
    }

    @Test
    void unitsOfTheHeaderConvertToSi() throws CaseException {
        MeasuredCurve c = parse("# source: test", "time (min), BSA (g/L), IgG (ug/mL), weight", "1, 2, 500, 0.5",
                "2.5, 3, 1000, 2");
        assertEquals(XAxis.TIME, c.axis());
        assertArrayEquals(new double[] {60, 150}, c.x(), EXACT);
        assertEquals(List.of("BSA", "IgG"), c.components());
        assertArrayEquals(new double[] {2, 0.5, 3, 1.0}, c.y(), EXACT);
        assertArrayEquals(new double[] {0.5, 0.5, 2, 2}, c.weights(), EXACT);
        assertArrayEquals(new int[] {3, 4}, c.lines());
    }

    @Test
    void volumeAndColumnVolumeAxes() throws CaseException {
        assertArrayEquals(new double[] {2e-6}, parse("volume (mL), IgG (mg/mL)", "2, 1").x(), EXACT);
        assertEquals(XAxis.COLUMN_VOLUMES, parse("CV, IgG (mg/mL)", "2, 1").axis());
        assertEquals(XAxis.COLUMN_VOLUMES, parse("column volumes (CV), IgG (mg/mL)", "2, 1").axis());
    }

    @Test
    void axesConvertToOutletTime() {
        // L = 0.1 m, eps_c = 0.4, u = 1e-3 m/s: superficial 4e-4 m/s; A = 2e-4 m^2
        Column column = new Column(ColumnModel.GENERAL_RATE, 0.1, 0.4, 1e-3, 1e-8);
        assertEquals(30.0, XAxis.TIME.toTime(30.0, column, 2e-4), EXACT);
        assertEquals(250.0, XAxis.COLUMN_VOLUMES.toTime(1.0, column, 2e-4), EXACT * 250); // L / (eps_c u)
        assertEquals(12500.0, XAxis.VOLUME.toTime(1e-3, column, 2e-4), EXACT * 12500); // V / (eps_c u A)
    }

    @Test
    void aMolarUnitInAMassCaseIsRefused() {
        CaseException e = assertThrows(CaseException.class, () -> parse("CV, IgG (mM)", "1, 1"));
        assertTrue(e.getMessage().startsWith("c.csv row 1, column 2 'IgG (mM)'"), e.getMessage());
    }

    @Test
    void negativeWeightAndSecondColumnOfAComponentAreRefused() {
        assertTrue(assertThrows(CaseException.class, () -> parse("CV, IgG (mg/mL), weight", "1, 1, -1"))
                .getMessage().contains("row 2, column 3 'weight'"));
        assertTrue(assertThrows(CaseException.class, () -> parse("CV, IgG (mg/mL), IgG (g/L)", "1, 1, 1"))
                .getMessage().contains("a second column for IgG"));
    }
}
