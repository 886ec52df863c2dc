package org.sorb.treatment;

import java.util.List;
import org.sorb.model.InvalidModelException;

/**
 * The patient: plasma volume PV (Kaplan: PV = 0.065 L/kg x W x (1 - Hct) unless given) and the species in plasma.
 * Weight, haematocrit, plasma volume and pH lie in their {@link TreatmentLimits}.
 *
 * @param weight       body weight W (kg)
 * @param hematocrit   haematocrit Hct (-)
 * @param plasmaVolume plasma volume PV (m^3)
 * @param plasmaPh     plasma pH, the inlet pH of an on-line column when the binding carries a pH component
 * @param species      the species followed in plasma, in component order (pH excluded)
 */
public record Patient(double weight, double hematocrit, double plasmaVolume, double plasmaPh, List<Species> species) {
    /** Kaplan's plasma volume per kg of body weight and unit plasmacrit (m^3/kg): 0.065 L/kg. */
    public static final double KAPLAN_PV_PER_KG = PatientDefaults.KAPLAN_PLASMA_VOLUME_PER_KG;

    public Patient {
        TreatmentLimits.WEIGHT.check(weight);
        TreatmentLimits.HEMATOCRIT.check(hematocrit);
        TreatmentLimits.PLASMA_VOLUME.check(plasmaVolume);
        TreatmentLimits.PLASMA_PH.check(plasmaPh);
        if (species == null || species.isEmpty()) {
            throw new InvalidModelException("patient.species", "nothing", "at least one species");
        }
        species = List.copyOf(species);
    }

    /** Kaplan's estimate PV = 0.065 L/kg x W x (1 - Hct) (m^3). */
    public static double kaplanPlasmaVolume(double weight, double hematocrit) {
        return KAPLAN_PV_PER_KG * weight * (1.0 - hematocrit);
    }

    /** Number of species. */
    public int count() {
        return species.size();
    }
}
