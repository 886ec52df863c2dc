package org.sorb.treatment;

/**
 * One loading cycle of one column and the regeneration that followed it. Amounts are masses (kg) per patient
 * species.
 *
 * @param column          column index (0 or 1)
 * @param session         session index (0-based)
 * @param cycle           cycle index within the course (0-based)
 * @param waitBefore      time the loop waited for this column's regeneration before the cycle started (s)
 * @param loadStart       start of loading (s)
 * @param loadEnd         end of loading (s)
 * @param loadedVolume    plasma volume through the column, Q_p (loadEnd - loadStart) (m^3)
 * @param loaded          amount that entered the column while on-line
 * @param passed          amount that left the column while on-line (returned to the patient)
 * @param retained        column content at the end of loading (liquid and bound)
 * @param bound           bound-phase content at the end of loading
 * @param washed          amount in the wash effluent
 * @param eluted          amount in the eluate (elution phase)
 * @param reequilibration amount in the re-equilibration effluent
 * @param regenerationEnd end of the regeneration (s)
 */
public record CycleRecord(int column, int session, int cycle, double waitBefore, double loadStart, double loadEnd,
                          double loadedVolume, double[] loaded, double[] passed, double[] retained, double[] bound,
                          double[] washed, double[] eluted, double[] reequilibration, double regenerationEnd) {
}
