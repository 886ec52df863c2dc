package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.treatment.Circuit;
import org.sorb.treatment.Operation;
import org.sorb.treatment.Patient;
import org.sorb.treatment.PatientDefaults;
import org.sorb.treatment.Regeneration;
import org.sorb.treatment.Schedule;
import org.sorb.treatment.Species;
import org.sorb.treatment.TreatmentCase;
import org.sorb.treatment.TreatmentLimits;
import org.sorb.treatment.TreatmentLimits.Limit;

/**
 * Reads the treatment sections of a case: {@code patient:}, {@code circuit:}, {@code operation:}, {@code schedule:}.
 * Every number is checked against its plausible range in {@link TreatmentLimits}.
 */
final class TreatmentReader {
    static final List<String> PATIENT_KEYS = List.of("weight", "hematocrit", "plasma_volume", "plasma_ph", "species");
    static final List<String> SPECIES_KEYS = List.of("concentration", "intravascular_fraction",
            "redistribution_half_time", "half_life", "synthesis");
    static final List<String> CIRCUIT_KEYS = List.of("blood_flow", "anticoagulant_ratio", "plasma_flow", "separator",
            "separator_volume", "inlet_line_volume", "return_line_volume");
    static final List<String> OPERATION_KEYS = List.of("columns", "cycle_volume", "regeneration");
    static final List<String> REGENERATION_KEYS = List.of("flow", "wash_volume", "elution_volume",
            "reequilibration_volume", "buffer_ph", "elution_ph", "wash_to_patient");
    static final List<String> SCHEDULE_KEYS = List.of("sessions", "plasma_volumes", "max_duration", "intervals",
            "follow_up", "coupling_interval", "rest_step");
    private static final Range UNIT_CLOSED = new Range(0.0, false, 1.0, true, "in (0, 1]");

    private TreatmentReader() {
    }

    static Patient patient(Section s, Components components, int ph) throws CaseException {
        s.allowKeys(PATIENT_KEYS);
        double weight = s.number("weight", QuantityKind.MASS, range(TreatmentLimits.WEIGHT));
        double hct = s.number("hematocrit", QuantityKind.NUMBER, range(TreatmentLimits.HEMATOCRIT));
        double pv = s.has("plasma_volume") ? s.number("plasma_volume", QuantityKind.VOLUME,
                range(TreatmentLimits.PLASMA_VOLUME)) : Patient.kaplanPlasmaVolume(weight, hct);
        if (!s.has("plasma_volume")) {
            s.context().noteConversion(s.field("plasma_volume"), "Kaplan: 0.065 L/kg x " + Format.number(weight)
                    + " kg x (1 - " + Format.number(hct) + ")");
        }
        double plasmaPh = s.number("plasma_ph", QuantityKind.NUMBER, range(TreatmentLimits.PLASMA_PH),
                PatientDefaults.PLASMA_PH);
        Section speciesSection = s.requireSection("species", "a mapping from each component (except pH) to its "
                + "values, e.g. IgG1: {} for the defaults");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < components.count(); i++) {
            if (i != ph) {
                names.add(components.names().get(i));
            }
        }
        speciesSection.allowKeys(names);
        List<Species> species = new ArrayList<>();
        for (String name : names) {
            species.add(species(speciesSection, name));
        }
        return new Patient(weight, hct, pv, plasmaPh, species);
    }

    private static Species species(Section parent, String name) throws CaseException {
        Species defaults = PatientDefaults.subclass(name);
        Section s = parent.section(name);
        if (s == null) {
            if (defaults == null) {
                throw new CaseException(parent.field(name), "nothing", "the species' values (concentration, "
                        + "intravascular_fraction, redistribution_half_time, half_life, synthesis); only IgG1 .. IgG4 "
                        + "have defaults");
            }
            return defaults;
        }
        s.allowKeys(SPECIES_KEYS);
        if (defaults == null) {
            s.require("concentration", QuantityKind.CONCENTRATION.describe(">= 0"));
        }
        double c = s.number("concentration", QuantityKind.CONCENTRATION, Range.NON_NEGATIVE,
                defaults == null ? 0.0 : defaults.concentration());
        double f = s.number("intravascular_fraction", QuantityKind.NUMBER, UNIT_CLOSED,
                defaults == null ? 1.0 : defaults.intravascularFraction());
        double tr = s.number("redistribution_half_time", QuantityKind.TIME, Range.POSITIVE,
                defaults == null ? PatientDefaults.IGG_REDISTRIBUTION_HALF_TIME : defaults.redistributionHalfTime());
        double half;
        if (s.has("half_life") && YamlTree.display(s.raw("half_life")).equals("none")) {
            half = Double.POSITIVE_INFINITY;
        } else {
            half = s.number("half_life", QuantityKind.TIME, Range.POSITIVE,
                    defaults == null ? Double.POSITIVE_INFINITY : defaults.halfLife());
        }
        boolean synthesis = s.bool("synthesis", defaults != null);
        return new Species(name, c, f, tr, half, synthesis);
    }

    /** The range of {@code limit} for the case reader (bounds with their tolerance, text in the limit's unit). */
    private static Range range(Limit limit) {
        return new Range(limit.lowest(), true, limit.highest(), true, "in " + limit.text());
    }

    /** An integer at {@code key} within {@code limit}, or {@code fallback} when absent. */
    private static int integer(Section s, String key, Limit limit, int fallback) throws CaseException {
        int v;
        try {
            v = s.integer(key, (int) Math.ceil(limit.lowest()), fallback);
        } catch (CaseException e) {
            v = Integer.MIN_VALUE;
        }
        if (!limit.contains(v)) {
            throw new CaseException(s.field(key), s.display(key), "an integer in " + limit.text());
        }
        return v;
    }

    static Circuit circuit(Section s) throws CaseException {
        s.allowKeys(CIRCUIT_KEYS);
        double qb = s.number("blood_flow", QuantityKind.FLOW_RATE, range(TreatmentLimits.BLOOD_FLOW));
        double ac = s.number("anticoagulant_ratio", QuantityKind.NUMBER, range(TreatmentLimits.ANTICOAGULANT_RATIO),
                0.0);
        double qp = s.number("plasma_flow", QuantityKind.FLOW_RATE, range(TreatmentLimits.PLASMA_FLOW));
        Map<String, Circuit.Separator> kinds = new LinkedHashMap<>();
        for (Circuit.Separator k : Circuit.Separator.values()) {
            kinds.put(k.key(), k);
        }
        Circuit.Separator sep = s.choice("separator", kinds, Circuit.Separator.MEMBRANE);
        double vs = s.number("separator_volume", QuantityKind.VOLUME, range(TreatmentLimits.SEPARATOR_VOLUME), 0.0);
        double vi = s.number("inlet_line_volume", QuantityKind.VOLUME, range(TreatmentLimits.INLET_LINE_VOLUME), 0.0);
        double vr = s.number("return_line_volume", QuantityKind.VOLUME, range(TreatmentLimits.RETURN_LINE_VOLUME),
                0.0);
        return new Circuit(qb, ac, qp, sep, vs, vi, vr);
    }

    static Operation operation(Section s) throws CaseException {
        s.allowKeys(OPERATION_KEYS);
        int columns = s.integer("columns", 0, 2);
        double cycle = s.number("cycle_volume", QuantityKind.VOLUME, range(TreatmentLimits.CYCLE_VOLUME));
        Section r = s.requireSection("regeneration", "a regeneration section (flow, wash_volume, elution_volume, "
                + "reequilibration_volume, buffer_ph, elution_ph)");
        r.allowKeys(REGENERATION_KEYS);
        Regeneration regen = new Regeneration(
                r.number("flow", QuantityKind.FLOW_RATE, range(TreatmentLimits.REGENERATION_FLOW)),
                r.number("wash_volume", QuantityKind.VOLUME, range(TreatmentLimits.WASH_VOLUME), 0.0),
                r.number("elution_volume", QuantityKind.VOLUME, range(TreatmentLimits.ELUTION_VOLUME)),
                r.number("reequilibration_volume", QuantityKind.VOLUME, range(TreatmentLimits.REEQUILIBRATION_VOLUME),
                        0.0),
                r.number("buffer_ph", QuantityKind.NUMBER, range(TreatmentLimits.BUFFER_PH), PatientDefaults.PLASMA_PH),
                r.number("elution_ph", QuantityKind.NUMBER, range(TreatmentLimits.ELUTION_PH), 3.0),
                r.bool("wash_to_patient", true));
        return new Operation(columns, cycle, regen);
    }

    static Schedule schedule(Section s) throws CaseException {
        s.allowKeys(SCHEDULE_KEYS);
        int sessions = integer(s, "sessions", TreatmentLimits.SESSIONS, 1);
        double volumes = s.number("plasma_volumes", QuantityKind.NUMBER, range(TreatmentLimits.PLASMA_VOLUMES),
                Double.POSITIVE_INFINITY);
        double duration = s.number("max_duration", QuantityKind.TIME, range(TreatmentLimits.MAX_DURATION),
                TreatmentLimits.DEFAULT_MAX_DURATION);
        if (!s.has("plasma_volumes") && !s.has("max_duration")) {
            throw new CaseException(s.field("plasma_volumes"), "nothing", "plasma_volumes (processed plasma per "
                    + "session, in patient plasma volumes) or max_duration (a time), or both");
        }
        double[] intervals = new double[0];
        if (sessions > 1) {
            JsonNode v = s.require("intervals", (sessions - 1) + " start-to-start intervals (times)");
            int n = v.isArray() ? v.size() : 1;
            intervals = s.numbers("intervals", QuantityKind.TIME, range(TreatmentLimits.INTERVAL),
                    n == 1 && !v.isArray() ? 1 : n,
                    (sessions - 1) + " start-to-start intervals, or one for all");
            if (intervals.length == 1 && sessions > 2) {
                double[] all = new double[sessions - 1];
                java.util.Arrays.fill(all, intervals[0]);
                intervals = all;
            }
        }
        double followUp = s.number("follow_up", QuantityKind.TIME, range(TreatmentLimits.FOLLOW_UP), 0.0);
        double coupling = s.number("coupling_interval", QuantityKind.TIME, range(TreatmentLimits.COUPLING_INTERVAL),
                10.0);
        double rest = s.number("rest_step", QuantityKind.TIME, range(TreatmentLimits.REST_STEP), 3600.0);
        return new Schedule(sessions, volumes, duration, intervals, followUp, coupling, rest);
    }

    /** The treatment sections of the resolved case, SI values. */
    static Map<String, Object> resolved(TreatmentCase tc) {
        Map<String, Object> out = new LinkedHashMap<>();
        Patient p = tc.patient();
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("weight", p.weight());
        patient.put("hematocrit", p.hematocrit());
        patient.put("plasma_volume", p.plasmaVolume());
        patient.put("plasma_ph", p.plasmaPh());
        Map<String, Object> species = new LinkedHashMap<>();
        for (Species sp : p.species()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("concentration", sp.concentration());
            m.put("intravascular_fraction", sp.intravascularFraction());
            m.put("redistribution_half_time", sp.redistributionHalfTime());
            m.put("half_life", Double.isInfinite(sp.halfLife()) ? "none" : sp.halfLife());
            m.put("synthesis", sp.synthesis());
            species.put(sp.name(), m);
        }
        patient.put("species", species);
        out.put("patient", patient);
        Circuit c = tc.circuit();
        Map<String, Object> circuit = new LinkedHashMap<>();
        circuit.put("blood_flow", c.bloodFlow());
        circuit.put("anticoagulant_ratio", c.anticoagulantRatio());
        circuit.put("plasma_flow", c.plasmaFlow());
        circuit.put("separator", c.separator().key());
        circuit.put("separator_volume", c.separatorVolume());
        circuit.put("inlet_line_volume", c.inletLineVolume());
        circuit.put("return_line_volume", c.returnLineVolume());
        out.put("circuit", circuit);
        Operation o = tc.operation();
        Regeneration r = o.regeneration();
        Map<String, Object> regen = new LinkedHashMap<>();
        regen.put("flow", r.flow());
        regen.put("wash_volume", r.washVolume());
        regen.put("elution_volume", r.elutionVolume());
        regen.put("reequilibration_volume", r.reequilibrationVolume());
        regen.put("buffer_ph", r.bufferPh());
        regen.put("elution_ph", r.elutionPh());
        regen.put("wash_to_patient", r.washToPatient());
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("columns", o.columns());
        operation.put("cycle_volume", o.cycleVolume());
        operation.put("regeneration", regen);
        out.put("operation", operation);
        Schedule sc = tc.schedule();
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("sessions", sc.sessions());
        schedule.put("plasma_volumes", Double.isInfinite(sc.plasmaVolumes()) ? null : sc.plasmaVolumes());
        schedule.put("max_duration", sc.maxDuration());
        schedule.put("intervals", sc.intervals().length == 0 ? null : sc.intervals());
        schedule.put("follow_up", sc.followUp());
        schedule.put("coupling_interval", sc.couplingInterval());
        schedule.put("rest_step", sc.restStep());
        out.put("schedule", schedule);
        return out;
    }
}
