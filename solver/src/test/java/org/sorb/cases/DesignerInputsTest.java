package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.ColumnCase;

/** Inputs designers write: residence time and cm/h as flows, column volumes (CV) as times, k_f from a correlation. */
class DesignerInputsTest {
    /** Relative tolerance of exact unit arithmetic (a few roundings). */
    private static final double EXACT = 1e-14;
    /** Relative tolerance against a value computed by hand to 7 significant digits. */
    private static final double HAND_DIGITS = 1e-6;
    private static final String CASE = """
            name: designer
            components: [IgG]
            column: {model: general_rate, length: 10 cm, bed_porosity: 0.34, FLOW, axial_dispersion: 4.5e-8}
            particle: {radius: 27 um, porosity: 0.92, film_diffusion: FILM, pore_diffusion: [1.5e-12]}
            binding: {model: langmuir, ka: [10.0], kd: [0.1], qmax: [100.0]}
            inlet:
              - {until: UNTIL, concentration: [4.69 mg/mL]}
              - {until: 25 CV, concentration: [0.0]}
            output: {interval: INTERVAL}
            """;

    private static String text(String flow, String film, String until, String interval) {
        return CASE.replace("FLOW", flow).replace("FILM", film).replace("UNTIL", until).replace("INTERVAL", interval);
    }

    private static ColumnCase load(String flow, String film, String until, String interval) throws CaseException {
        return CaseLoader.parse(text(flow, film, until, interval), "test", List.of()).model();
    }

    private static ColumnCase withFlow(String flow) throws CaseException {
        return load(flow, "[1.37e-5]", "20 CV", "0.1 CV");
    }

    @Test
    void aResidenceTimeIsLengthOverSuperficialVelocity() throws CaseException {
        ColumnCase m = withFlow("residence_time: 4 min");
        assertEquals(0.1 / 240.0 / 0.34, m.column().interstitialVelocity(), EXACT * 1e-3);
        assertEquals(240.0, m.column().residenceTime(), 240.0 * EXACT);
        String yaml = CaseLoader.parse(text("residence_time: 4 min", "[1.37e-5]", "20 CV", "0.1 CV"), "t", List.of())
                .resolvedYaml();
        assertTrue(yaml.contains("from residence_time 4 min"), yaml);
    }

    @Test
    void centimetresPerHourAreASuperficialVelocity() throws CaseException {
        ColumnCase m = withFlow("superficial_velocity: 300 cm/h");
        assertEquals(3.0 / 3600.0 / 0.34, m.column().interstitialVelocity(), 3.0 / 3600.0 / 0.34 * EXACT);
        assertEquals(0.1 / (3.0 / 3600.0), m.column().residenceTime(), 120.0 * EXACT);
    }

    @Test
    void aResidenceTimeWithAnotherFlowKeyIsRefused() {
        CaseException e = assertThrows(CaseException.class, () -> withFlow("superficial_velocity: 300 cm/h, "
                + "residence_time: 4 min"));
        assertEquals("column.residence_time", e.field());
        assertTrue(e.getMessage().contains("together with superficial_velocity"), e.getMessage());
        assertEquals("column.residence_time", assertThrows(CaseException.class,
                () -> withFlow("residence_time: 0 min")).field());
    }

    @Test
    void columnVolumesAreTimesOfOneResidenceTime() throws CaseException {
        ColumnCase m = withFlow("residence_time: 4 min");
        assertEquals(20 * 240.0, m.inlet().sections().get(0).end(), 4800 * EXACT);
        assertEquals(25 * 240.0, m.inlet().endTime(), 6000 * EXACT);
        assertEquals(24.0, m.output().interval(), 24 * EXACT);
        ColumnCase byFlow = withFlow("flow_rate: 1 mL/min, diameter: 0.5 cm");
        double tau = 0.1 * Math.PI * 0.005 * 0.005 / 4 / (1e-6 / 60);
        assertEquals(20 * tau, byFlow.inlet().sections().get(0).end(), 20 * tau * EXACT);
    }

    @Test
    void aTimeInColumnVolumesNeedsAColumn() {
        CaseException e = assertThrows(CaseException.class,
                () -> ColumnVolumes.time("patient.duration", "3 CV", new ReadContext()));
        assertEquals("patient.duration", e.field());
        assertTrue(e.getMessage().contains("column volumes"), e.getMessage());
    }

    @Test
    void wilsonGeankoplisMatchesTheHandComputedCoefficient() throws CaseException {
        ColumnCase m = load("interstitial_velocity: 4.4e-4",
                "{correlation: wilson_geankoplis, molecular_diffusion: [4e-11]}", "20 CV", "0.1 CV");
        // u_s = 0.34 x 4.4e-4 = 1.496e-4 m/s, d_p = 54 um, Pe = 1.496e-4 x 5.4e-5 / 4e-11 = 201.96,
        // Pe^(1/3) = 5.867077; k_f = 1.09 / 0.34 x (4e-11 / 5.4e-5) x 5.867077 = 1.393271e-5 m/s
        assertEquals(1.393271e-5, m.particle().filmDiffusion(0), 1.393271e-5 * HAND_DIGITS);
        String yaml = CaseLoader.parse(text("interstitial_velocity: 4.4e-4",
                "{correlation: wilson_geankoplis, molecular_diffusion: [4e-11]}", "20 CV", "0.1 CV"), "t", List.of())
                .resolvedYaml();
        assertTrue(yaml.contains("Pe = u_s d_p / D_m"), yaml);
    }

    @Test
    void aSweepOverRadiusMovesTheFilmCoefficientAsRToTheMinusTwoThirds() throws CaseException {
        String sweep = text("residence_time: 4 min", "{correlation: wilson_geankoplis, molecular_diffusion: [4e-11]}",
                "20 CV", "0.1 CV") + "sweep:\n  mode: latin_hypercube\n  samples: 8\n  parameters:\n"
                + "    particle.radius: {min: 20 um, max: 90 um}\n";
        LoadedSweep s = CaseLoader.parseSweep(sweep, "t", List.of());
        double first = s.designs().get(0).model().particle().filmDiffusion(0)
                * Math.pow(s.parameters()[0][0], 2.0 / 3.0);
        for (int d = 1; d < s.size(); d++) {
            ColumnCase m = s.designs().get(d).model();
            assertEquals(first, m.particle().filmDiffusion(0) * Math.pow(m.particle().radius(), 2.0 / 3.0),
                    first * EXACT * 10, "design " + d);
        }
        assertTrue(s.parameters()[0][0] != s.parameters()[1][0]);
    }

    @Test
    void aSweepOverResidenceTimeMovesTheFilmCoefficientAsTheCubeRootOfVelocity() throws CaseException {
        String sweep = text("residence_time: 4 min", "{correlation: wilson_geankoplis, molecular_diffusion: [4e-11]}",
                "60 min", "30 s").replace("25 CV", "80 min") + "sweep:\n  mode: grid\n  parameters:\n"
                + "    column.residence_time: [2 min, 4 min, 16 min]\n";
        LoadedSweep s = CaseLoader.parseSweep(sweep, "t", List.of());
        double k4 = s.designs().get(1).model().particle().filmDiffusion(0);
        assertEquals(Math.cbrt(2.0), s.designs().get(0).model().particle().filmDiffusion(0) / k4, EXACT * 10);
        assertEquals(Math.cbrt(0.25), s.designs().get(2).model().particle().filmDiffusion(0) / k4, EXACT * 10);
        assertEquals("s", s.units().get(0));
    }

    @Test
    void badCorrelationsNameTheirField() {
        assertEquals("particle.film_diffusion.correlation", assertThrows(CaseException.class,
                () -> load("residence_time: 4 min", "{correlation: wilson, molecular_diffusion: [4e-11]}", "20 CV",
                        "0.1 CV")).field());
        assertEquals("particle.film_diffusion.molecular_diffusion", assertThrows(CaseException.class,
                () -> load("residence_time: 4 min", "{correlation: wilson_geankoplis}", "20 CV", "0.1 CV")).field());
        assertEquals("particle.film_diffusion.sherwood", assertThrows(CaseException.class,
                () -> load("residence_time: 4 min", "{correlation: wilson_geankoplis, molecular_diffusion: [4e-11], "
                        + "sherwood: 2}", "20 CV", "0.1 CV")).field());
    }
}
