package org.sorb.treatment;

import org.sorb.model.Checks;

/**
 * The extracorporeal circuit: blood flow Q_b, anticoagulant added at Q_ac = ratio x Q_b and mixed into the plasma,
 * a plasma separator sending Q_p (plasma plus anticoagulant) to the adsorber, well-mixed dead volumes before the
 * adsorber (separator plasma side and line) and after it (return line), and the cleaned plasma returned with the
 * cells. The adsorber inlet is the patient's plasma diluted by f_dil = Q_b (1 - Hct) / (Q_b (1 - Hct) + Q_ac);
 * the patient's own plasma is processed at Q_pp = f_dil Q_p. Flows, ratio and volumes lie in their
 * {@link TreatmentLimits}.
 *
 * @param bloodFlow           blood flow Q_b (m^3/s)
 * @param anticoagulantRatio  anticoagulant flow per blood flow Q_ac / Q_b (-), e.g. 1/20 for ACD-A 1:20
 * @param plasmaFlow          plasma flow through the adsorber Q_p (m^3/s)
 * @param separator           separator kind
 * @param separatorVolume     plasma-side dead volume of the separator (m^3)
 * @param inletLineVolume     line volume from the separator to the adsorber (m^3)
 * @param returnLineVolume    line volume from the adsorber back to the patient (m^3)
 */
public record Circuit(double bloodFlow, double anticoagulantRatio, double plasmaFlow, Separator separator,
                      double separatorVolume, double inletLineVolume, double returnLineVolume) {
    /** How the plasma is separated from the blood cells. */
    public enum Separator {
        MEMBRANE("membrane"), CENTRIFUGAL("centrifugal");

        private final String key;

        Separator(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public Circuit {
        TreatmentLimits.BLOOD_FLOW.check(bloodFlow);
        TreatmentLimits.ANTICOAGULANT_RATIO.check(anticoagulantRatio);
        TreatmentLimits.PLASMA_FLOW.check(plasmaFlow);
        Checks.notNull("circuit.separator", separator);
        TreatmentLimits.SEPARATOR_VOLUME.check(separatorVolume);
        TreatmentLimits.INLET_LINE_VOLUME.check(inletLineVolume);
        TreatmentLimits.RETURN_LINE_VOLUME.check(returnLineVolume);
    }

    /** Dilution of the patient's plasma by anticoagulant, f_dil = Q_b (1 - Hct) / (Q_b (1 - Hct) + Q_ac). */
    public double dilution(double hematocrit) {
        double plasma = bloodFlow * (1.0 - hematocrit);
        return plasma / (plasma + anticoagulantRatio * bloodFlow);
    }

    /** The patient's plasma processed per time, Q_pp = f_dil Q_p (m^3/s). */
    public double patientPlasmaFlow(double hematocrit) {
        return dilution(hematocrit) * plasmaFlow;
    }

    /** Well-mixed volume between the patient and the adsorber, separator plus inlet line (m^3). */
    public double preColumnVolume() {
        return separatorVolume + inletLineVolume;
    }
}
