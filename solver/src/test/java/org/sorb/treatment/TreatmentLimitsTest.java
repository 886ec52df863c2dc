package org.sorb.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sorb.cases.CaseException;
import org.sorb.model.InvalidModelException;
import org.sorb.treatment.TreatmentLimits.Limit;

/** Each plausible range of {@link TreatmentLimits} is enforced, at both ends, naming the field and the range. */
class TreatmentLimitsTest {
    private static final String COURSE = "immunoadsorption-protein-a-course.yaml";

    static Stream<Limit> limits() throws IllegalAccessException {
        List<Limit> out = new ArrayList<>();
        for (Field f : TreatmentLimits.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Limit.class) {
                out.add((Limit) f.get(null));
            }
        }
        return out.stream();
    }

    @Test
    void everyFieldOfTheTreatmentSectionsThatIsANumberHasALimit() throws IllegalAccessException {
        List<String> fields = limits().map(Limit::field).toList();
        for (String f : List.of("patient.weight", "patient.hematocrit", "patient.plasma_volume", "patient.plasma_ph",
                "circuit.blood_flow", "circuit.anticoagulant_ratio", "circuit.plasma_flow",
                "circuit.separator_volume", "circuit.inlet_line_volume", "circuit.return_line_volume",
                "operation.cycle_volume", "operation.regeneration.flow", "operation.regeneration.wash_volume",
                "operation.regeneration.elution_volume", "operation.regeneration.reequilibration_volume",
                "schedule.sessions", "schedule.plasma_volumes", "schedule.max_duration", "schedule.intervals",
                "schedule.follow_up", "schedule.coupling_interval", "schedule.rest_step", "column.diameter")) {
            assertTrue(fields.contains(f), f);
        }
        assertEquals(fields.size(), fields.stream().distinct().count(), "one limit per field: " + fields);
    }

    /** A value outside {@code limit} (below it when {@code below}), as an SI number for --set. */
    private static String outside(Limit limit, boolean below) {
        if (limit == TreatmentLimits.COLUMN_VOLUME) {
            return below ? "1 mm" : "50 cm";
        }
        if (limit == TreatmentLimits.SESSIONS) {
            return below ? "0" : Integer.toString((int) limit.hi() + 1);
        }
        double v = below ? (limit.lo() > 0 ? 0.99 * limit.lo() : -0.01 * limit.hi()) : 1.01 * limit.hi();
        return Double.toString(v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void theReaderRefusesValuesOutsideEachEnd(Limit limit) {
        for (boolean below : new boolean[] {true, false}) {
            String value = outside(limit, below);
            CaseException e = assertThrows(CaseException.class, () -> TreatmentFixtures.load(COURSE,
                    List.of(limit.field() + "=" + value)), limit.field() + "=" + value);
            assertTrue(e.field().startsWith(limit.field()), e.getMessage());
            assertTrue(e.getMessage().contains(limit.text()), "range " + limit.text() + " missing: " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void bothBoundsThemselvesAreInside(Limit limit) {
        assertTrue(limit.contains(limit.lo()) && limit.contains(limit.hi()), limit.toString());
        assertFalse(limit.contains(Double.NaN), limit.field());
    }

    @Test
    void theRecordsCheckTheSameLimits() {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> new Circuit(80e-6 / 60, 1.5,
                35e-6 / 60, Circuit.Separator.MEMBRANE, 0, 0, 0));
        assertEquals("circuit.anticoagulant_ratio: got 1.5, expected a value in [0, 0.5]", e.getMessage());
        InvalidModelException w = assertThrows(InvalidModelException.class, () -> new Patient(0.0, 0.45, 2.5e-3,
                7.4, List.of(PatientDefaults.subclass("IgG1"))));
        assertEquals("patient.weight: got 0 kg, expected a value in [2, 300] kg", w.getMessage());
        assertEquals("[0.0455, 16.58] L", TreatmentLimits.PLASMA_VOLUME.text());
        assertEquals("[1, 255] mL/min", TreatmentLimits.PLASMA_FLOW.text());
    }

    @Test
    void theMessageSaysWhatWasWrittenAndWhatIsExpected() {
        CaseException e = assertThrows(CaseException.class, () -> TreatmentFixtures.load(COURSE,
                List.of("circuit.blood_flow=1e6 mL/min")));
        assertTrue(e.getMessage().startsWith("circuit.blood_flow: got 1e6 mL/min, expected a flow rate in [10, 300] "
                + "mL/min"), e.getMessage());
    }

    @Test
    void aSessionThatCannotReachItsVolumeStopsAtMaxDurationAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("short.yaml"), IdealLimitTest.CASE.replace(
                "coupling_interval: 20 s}", "coupling_interval: 60 s, max_duration: 30 min}"), StandardCharsets.UTF_8);
        TreatmentCliTest.Outcome o = TreatmentCliTest.cli(dir, "run", file.toString(), "-o", "short.h5");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("; stopped at schedule.max_duration (0.50 h) before the target of 2.50 plasma "
                + "volumes"), o.out());
        assertTrue(o.err().contains("session 1 stopped at schedule.max_duration (0.50 h) before its target"), o.err());
        try (HdfFile h5 = new HdfFile(dir.resolve("short.h5"))) {
            double[] start = (double[]) h5.getDatasetByPath("/sessions/start").getData();
            double[] end = (double[]) h5.getDatasetByPath("/sessions/end").getData();
            assertEquals(1800.0, end[0] - start[0], 1e-6);
            assertEquals(0.0, ((double[]) h5.getDatasetByPath("/sessions/target_reached").getData())[0]);
        }
    }

    @Test
    void withoutMaxDurationASessionStillHasTheDefaultBudget() throws Exception {
        TreatmentCase t = TreatmentFixtures.parse(IdealLimitTest.CASE, List.of()).model();
        assertEquals(TreatmentLimits.DEFAULT_MAX_DURATION, t.schedule().maxDuration());
        assertTrue(t.schedule().reachedTarget(2.5 * t.patient().plasmaVolume(), t.patient().plasmaVolume()));
        assertFalse(t.schedule().reachedTarget(2.4 * t.patient().plasmaVolume(), t.patient().plasmaVolume()));
    }
}
