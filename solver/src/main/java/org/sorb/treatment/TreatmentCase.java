package org.sorb.treatment;

import java.util.ArrayList;
import java.util.List;
import org.sorb.model.Checks;
import org.sorb.model.InvalidModelException;

/**
 * A validated immunoadsorption treatment in SI units: patient, circuit, adsorber columns, their operation and the
 * schedule of sessions. Species k of the patient is column component {@code speciesComponent(k)}.
 *
 * @param name      case name (the default output file name)
 * @param patient   the patient and its species
 * @param circuit   the extracorporeal circuit
 * @param adsorber  the column model
 * @param operation number of columns, cycle volume and regeneration
 * @param schedule  sessions
 */
public record TreatmentCase(String name, Patient patient, Circuit circuit, AdsorberColumn adsorber,
                            Operation operation, Schedule schedule) {
    public TreatmentCase {
        Checks.notNull("name", name);
        Checks.notNull("patient", patient);
        Checks.notNull("circuit", circuit);
        Checks.notNull("column", adsorber);
        Checks.notNull("operation", operation);
        Checks.notNull("schedule", schedule);
        double available = circuit.bloodFlow() * (1.0 - patient.hematocrit());
        if (circuit.plasmaFlow() > available * (1.0 + 1e-12)) {
            throw new InvalidModelException("circuit.plasma_flow", circuit.plasmaFlow() + " m^3/s",
                    "at most blood_flow x (1 - hematocrit) = " + available + " m^3/s");
        }
        List<String> comps = adsorber.loading().components();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < comps.size(); i++) {
            if (i != adsorber.phComponent()) {
                expected.add(comps.get(i));
            }
        }
        List<String> names = patient.species().stream().map(Species::name).toList();
        if (!names.equals(expected)) {
            throw new InvalidModelException("patient.species", names.toString(), "one entry per component other "
                    + "than pH, in component order: " + expected);
        }
        if (operation.columns() == 1) {
            double sessionTime = sessionTime(patient, circuit, schedule);
            if (operation.regeneration().duration() >= sessionTime) {
                throw new InvalidModelException("operation.regeneration", operation.regeneration().duration() + " s",
                        "a regeneration shorter than the session's processing time (" + sessionTime
                                + " s) with one column");
            }
        }
    }

    /**
     * Processing time of one session without waits (s): min(max_duration, plasma_volumes PV / Q_pp), Q_pp the patient
     * plasma flow through the circuit.
     */
    public double sessionTime() {
        return sessionTime(patient, circuit, schedule);
    }

    private static double sessionTime(Patient patient, Circuit circuit, Schedule schedule) {
        return Math.min(schedule.maxDuration(), schedule.plasmaVolumes() * patient.plasmaVolume()
                / circuit.patientPlasmaFlow(patient.hematocrit()));
    }

    /** Column component of patient species k. */
    public int speciesComponent(int k) {
        int ph = adsorber.phComponent();
        return ph >= 0 && k >= ph ? k + 1 : k;
    }

    /** Number of patient species. */
    public int species() {
        return patient.count();
    }
}
