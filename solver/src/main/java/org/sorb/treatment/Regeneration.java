package org.sorb.treatment;

/**
 * Off-line treatment of a loaded column, at flow Q_r: wash with neutral buffer (volume V_w, its effluent - the
 * plasma left in the column - returned to the patient or discarded), elution at low pH (V_e, collected as
 * eluate), re-equilibration with neutral buffer (V_q, to waste, counted with the eluate). Duration
 * (V_w + V_e + V_q) / Q_r.
 *
 * @param flow                  regeneration flow Q_r (m^3/s)
 * @param washVolume            V_w (m^3)
 * @param elutionVolume         V_e (m^3)
 * @param reequilibrationVolume V_q (m^3)
 * @param bufferPh              pH of the wash and re-equilibration buffer
 * @param elutionPh             pH of the elution buffer (e.g. 2.8-3.0 glycine or citrate)
 * @param washToPatient         true: the wash effluent goes back to the patient (plasma displacement)
 */
public record Regeneration(double flow, double washVolume, double elutionVolume, double reequilibrationVolume,
                           double bufferPh, double elutionPh, boolean washToPatient) {
    public Regeneration {
        TreatmentLimits.REGENERATION_FLOW.check(flow);
        TreatmentLimits.WASH_VOLUME.check(washVolume);
        TreatmentLimits.ELUTION_VOLUME.check(elutionVolume);
        TreatmentLimits.REEQUILIBRATION_VOLUME.check(reequilibrationVolume);
        TreatmentLimits.BUFFER_PH.check(bufferPh);
        TreatmentLimits.ELUTION_PH.check(elutionPh);
    }

    /** Phase volumes in order: wash, elution, re-equilibration (m^3). */
    public double[] phaseVolumes() {
        return new double[] {washVolume, elutionVolume, reequilibrationVolume};
    }

    /** Total regeneration time (V_w + V_e + V_q) / Q_r (s). */
    public double duration() {
        return (washVolume + elutionVolume + reequilibrationVolume) / flow;
    }
}
