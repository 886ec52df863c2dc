package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    private static double si(String text, QuantityKind kind) throws CaseException {
        return Units.toSi("f", text, kind, "").si();
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "LENGTH; 2; 2.0",
        "LENGTH; 3 m; 3.0",
        "LENGTH; 10 cm; 0.1",
        "LENGTH; 5 mm; 0.005",
        "LENGTH; 27 um; 27e-6",
        "LENGTH; 27 \u00b5m; 27e-6",
        "LENGTH; 27 \u03bcm; 27e-6",
        "LENGTH; 10cm; 0.1",
        "TIME; 30 s; 30.0",
        "TIME; 5 min; 300.0",
        "TIME; 2 h; 7200.0",
        "TIME; 250 ms; 0.25",
        "TIME; 1ms; 0.001",
        "VELOCITY; 4.4e-4 m/s; 4.4e-4",
        "VELOCITY; 360 cm/h; 0.001",
        "VELOCITY; 6 cm/min; 0.001",
        "VELOCITY; 1 mm/s; 0.001",
        "VELOCITY; 3.6 m/h; 0.001",
        "FLOW_RATE; 1e-6 m^3/s; 1e-6",
        "FLOW_RATE; 60 mL/min; 1e-6",
        "FLOW_RATE; 3600 mL/h; 1e-6",
        "FLOW_RATE; 3.6 L/h; 1e-6",
        "FLOW_RATE; 0.06 L/min; 1e-6",
        "DIFFUSIVITY; 1e-11 m^2/s; 1e-11",
        "DIFFUSIVITY; 1e-7 cm^2/s; 1e-11",
        "FILM_COEFFICIENT; 1e-5 m/s; 1e-5",
        "FILM_COEFFICIENT; 1e-3 cm/s; 1e-5",
        "CONCENTRATION; 4.69 mg/mL; 4.69",
        "CONCENTRATION; 4.69 g/L; 4.69",
        "CONCENTRATION; 4.69 kg/m^3; 4.69",
        "CONCENTRATION; 2 mol/m^3; 2.0",
        "CONCENTRATION; 2 mM; 2.0",
        "CONCENTRATION; 2 mmol/L; 2.0",
        "CONCENTRATION; 2000 uM; 2.0",
        "CONCENTRATION; 2000 umol/L; 2.0",
        "CONCENTRATION; 0.002 M; 2.0",
        "CONCENTRATION; 0.002 mol/L; 2.0",
        "CONCENTRATION_SLOPE; 0.6 mg/mL/min; 0.01",
        "CONCENTRATION_SLOPE; 0.01; 0.01",
        "CONCENTRATION_SLOPE; 36 mM/h; 0.01",
        "RATE_CONSTANT; 0.1 1/s; 0.1",
        "RATE_CONSTANT; 6 1/min; 0.1",
        "ADSORPTION_RATE; 10 mL/(mg s); 10.0",
        "ADSORPTION_RATE; 10 m^3/(kg s); 10.0",
        "ADSORPTION_RATE; 10 m^3/(mol s); 10.0",
        "ADSORPTION_RATE; 1000 1/(M s); 1.0",
        "NUMBER; 0.34; 0.34",
    })
    void convertsToSi(QuantityKind kind, String text, double expected) throws CaseException {
        assertEquals(expected, si(text, kind), Math.abs(expected) * 1e-12);
    }

    @Test
    void massAndMolarUnitsNameTheirFamily() throws CaseException {
        assertEquals(ConcentrationFamily.MASS, Units.toSi("f", "1 mg/mL", QuantityKind.CONCENTRATION, "").family());
        assertEquals(ConcentrationFamily.MOLAR, Units.toSi("f", "1 mM", QuantityKind.CONCENTRATION, "").family());
        assertEquals(ConcentrationFamily.MASS,
                Units.toSi("f", "1 mL/(mg s)", QuantityKind.ADSORPTION_RATE, "").family());
        assertNull(Units.toSi("f", "1.0", QuantityKind.CONCENTRATION, "").family());
        assertNull(Units.toSi("f", "1 cm", QuantityKind.LENGTH, "").family());
    }

    @Test
    void aUnitOfTheWrongDimensionNamesTheFieldValueAndExpectation() {
        CaseException e = assertThrows(CaseException.class,
                () -> Units.toSi("column.length", "10 min", QuantityKind.LENGTH, "> 0"));
        assertEquals("column.length", e.field());
        assertTrue(e.getMessage().contains("10 min"), e.getMessage());
        assertTrue(e.getMessage().contains("a length > 0 (m, cm, mm, um)"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"LENGTH; 10 furlong", "LENGTH; abc", "NUMBER; 0.3 cm", "TIME; .nan",
        "TIME; 5 min min min/", "CONCENTRATION; 1 mg", "VELOCITY; 1 cm/(h"})
    void rejectsWhatDoesNotFit(QuantityKind kind, String text) {
        CaseException e = assertThrows(CaseException.class, () -> si(text, kind));
        assertTrue(e.getMessage().contains(text), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + kind.noun()), e.getMessage());
    }
}
