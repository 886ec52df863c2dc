package org.sorb.treatment;

import java.util.List;

/**
 * What a treatment simulation produced. Time series are sampled at every coupling interval during sessions and
 * every rest step between them; row-major [n_t][n_species] arrays. Amounts are masses (kg), concentrations
 * kg/m^3 (g/L), volumes m^3, times s.
 *
 * @param species                names of the patient species
 * @param time                   sample times (s)
 * @param processedPlasmaVolume  cumulative patient plasma processed at each sample (m^3)
 * @param session                session index at each sample, -1 between sessions
 * @param onlineColumn           column on-line during the interval ending at each sample, -1 when none
 * @param intravascular          plasma concentration [n_t][n_species]
 * @param extravascular          extravascular concentration referred to the plasma volume, amount / PV
 * @param adsorberInlet          mean adsorber inlet concentration over the interval ending at each sample
 * @param adsorberOutlet         mean adsorber outlet concentration over that interval
 * @param cycles                 every loading cycle with its regeneration
 * @param sessionStart           start of each session (s)
 * @param sessionEnd             end of each session (s)
 * @param sessionVolume          patient plasma processed in each session (m^3)
 * @param sessionWait            time each session waited for regeneration (s)
 * @param reduction              1 - C_end / C_start of each session and species, [n_sessions][n_species]
 * @param balance                mass balance
 * @param wallSeconds            wall-clock time of the run
 */
public record TreatmentResult(List<String> species, double[] time, double[] processedPlasmaVolume, int[] session,
                              int[] onlineColumn, double[] intravascular, double[] extravascular,
                              double[] adsorberInlet, double[] adsorberOutlet, List<CycleRecord> cycles,
                              double[] sessionStart, double[] sessionEnd, double[] sessionVolume,
                              double[] sessionWait, double[] reduction, TreatmentBalance balance,
                              double wallSeconds) {
    /** Number of samples. */
    public int samples() {
        return time.length;
    }

    /** Number of species. */
    public int nSpecies() {
        return species.size();
    }

    /** Reduction of species k in session s, 1 - C_end / C_start. */
    public double reduction(int s, int k) {
        return reduction[s * species.size() + k];
    }
}
