package org.sorb.treatment;

/**
 * Mass balance of each species over patient, lines, columns and eluate (kg):
 * initial + synthesized - catabolized = patient + lines + columns + eluate; the relative error is the largest
 * |left - right| / initial over the species (initial: total amount in the patient at the start).
 *
 * @param initial       amount in patient, lines and columns at the start
 * @param synthesized   amount synthesized during the run
 * @param catabolized   amount catabolized during the run
 * @param patient       amount in the patient (both pools) at the end
 * @param lines         amount in the circuit's dead volumes at the end
 * @param columns       amount in the columns at the end
 * @param eluate        amount collected off-line: eluate, re-equilibration effluent, discarded wash
 * @param relativeError largest relative imbalance over the species
 */
public record TreatmentBalance(double[] initial, double[] synthesized, double[] catabolized, double[] patient,
                               double[] lines, double[] columns, double[] eluate, double relativeError) {
}
