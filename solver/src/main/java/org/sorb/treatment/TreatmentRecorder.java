package org.sorb.treatment;

import java.util.ArrayList;
import java.util.List;

/**
 * Records a treatment run: one sample per coupling interval and rest step (time, processed volume, session,
 * on-line column, plasma and extravascular concentrations in kg/m^3, mean adsorber inlet and outlet), the cycle
 * records, and the mass balance initial + synthesized - catabolized = patient + lines + columns + eluate (kg).
 */
final class TreatmentRecorder {
    private final List<String> species;
    private final int ns;

    private final List<Double> sTime = new ArrayList<>();
    private final List<Double> sVolume = new ArrayList<>();
    private final List<Integer> sSession = new ArrayList<>();
    private final List<Integer> sOnline = new ArrayList<>();
    private final List<double[]> sIv = new ArrayList<>();
    private final List<double[]> sEv = new ArrayList<>();
    private final List<double[]> sIn = new ArrayList<>();
    private final List<double[]> sOut = new ArrayList<>();
    private final List<CycleRecord> cycles = new ArrayList<>();

    /** @param species names of the patient species */
    TreatmentRecorder(List<String> species) {
        this.species = List.copyOf(species);
        this.ns = species.size();
    }

    /**
     * Adds a sample at time t (s) with processed patient plasma (m^3), session and on-line column (-1: none) and
     * the mean adsorber inlet and outlet concentrations over the interval (kg/m^3, copied).
     */
    void sample(double t, double processed, int session, int online, PatientModel patient, double[] in,
                double[] out) {
        sTime.add(t);
        sVolume.add(processed);
        sSession.add(session);
        sOnline.add(online);
        sIv.add(patient.plasma());
        sEv.add(patient.extravascular());
        sIn.add(in.clone());
        sOut.add(out.clone());
    }

    /** Adds a finished cycle. */
    void cycle(CycleRecord rec) {
        cycles.add(rec);
    }

    /** Amount of each species in patient, lines, columns and eluate (kg). */
    double[] totals(PatientModel patient, ColumnCycle columns) {
        double[] out = new double[ns];
        double[] col = columns.content();
        double[] eluate = columns.eluate();
        for (int k = 0; k < ns; k++) {
            out[k] = patient.amount(k) + col[k] + eluate[k];
        }
        return out;
    }

    /** The mass balance from {@code initial} (kg per species) to now; relative error max |lhs - rhs| / initial. */
    TreatmentBalance balance(double[] initial, PatientModel patient, ColumnCycle columns) {
        double[] inPatient = new double[ns];
        double[] lines = new double[ns];
        double[] col = columns.content();
        double[] eluate = columns.eluate();
        double[] synthesized = patient.synthesized();
        double[] catabolized = patient.catabolized();
        double err = 0.0;
        for (int k = 0; k < ns; k++) {
            inPatient[k] = patient.patientAmount(k);
            lines[k] = patient.linesAmount(k);
            double lhs = initial[k] + synthesized[k] - catabolized[k];
            double rhs = inPatient[k] + lines[k] + col[k] + eluate[k];
            double scale = Math.max(initial[k], Double.MIN_NORMAL);
            err = Math.max(err, Math.abs(lhs - rhs) / scale);
        }
        return new TreatmentBalance(initial, synthesized.clone(), catabolized.clone(), inPatient, lines, col,
                eluate.clone(), err);
    }

    /** The result of the run: the samples as row-major arrays, the cycles and the session figures. */
    TreatmentResult result(double[] sessionStart, double[] sessionEnd, double[] sessionVolume, double[] sessionWait,
                           double[] reduction, TreatmentBalance balance, double wallSeconds) {
        return new TreatmentResult(species, doubles(sTime), doubles(sVolume), ints(sSession), ints(sOnline),
                rows(sIv), rows(sEv), rows(sIn), rows(sOut), List.copyOf(cycles), sessionStart, sessionEnd,
                sessionVolume, sessionWait, reduction, balance, wallSeconds);
    }

    /** The progress line of a cycle: loaded volume and time, capture per species, eluted mass. */
    String cycleLine(CycleRecord r) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                "  cycle %d, column %d: loaded %.0f mL plasma in %.1f min; captured", r.cycle() + 1, r.column() + 1,
                r.loadedVolume() * 1e6, (r.loadEnd() - r.loadStart()) / 60.0));
        for (int k = 0; k < ns; k++) {
            double in = r.loaded()[k];
            b.append(String.format(java.util.Locale.ROOT, " %s %.0f%%", species.get(k),
                    in > 0 ? 100.0 * (in - r.passed()[k]) / in : 0.0));
        }
        double el = 0.0;
        for (double v : r.eluted()) {
            el += v;
        }
        b.append(String.format(java.util.Locale.ROOT, "; eluted %.2f g", el * 1e3));
        return b.toString();
    }

    private static double[] doubles(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    private static int[] ints(List<Integer> v) {
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    private double[] rows(List<double[]> v) {
        double[] out = new double[Math.multiplyExact(v.size(), ns)];
        for (int i = 0; i < v.size(); i++) {
            System.arraycopy(v.get(i), 0, out, i * ns, ns);
        }
        return out;
    }
}
