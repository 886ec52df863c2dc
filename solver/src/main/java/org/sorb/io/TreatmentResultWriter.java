package org.sorb.io;

import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.sorb.cases.LoadedTreatment;
import org.sorb.treatment.CycleRecord;
import org.sorb.treatment.TreatmentBalance;
import org.sorb.treatment.TreatmentResult;

/**
 * Writes a treatment result as HDF5, all or nothing (temporary file, read back, atomic rename), in the style of
 * {@link ResultWriter}: every group holds at least one dataset and no dataset is empty (jhdf 0.13.0 limits).
 *
 * <p>Layout: {@code /patient/{time, processed_plasma_volume, concentration, extravascular_concentration, session}}
 * (attribute {@code species} on {@code /patient}); {@code /circuit/{online_column, adsorber_inlet,
 * adsorber_outlet}}; {@code /columns/...} one row per loading cycle; {@code /sessions/...} one row per session;
 * {@code /mass_balance/...} per species with attribute {@code relative_error}; root attributes as for a column run
 * plus {@code kind = treatment}, {@code species}, {@code plasma_volume} and {@code reduction_session_<n>}.
 */
public final class TreatmentResultWriter {
    private TreatmentResultWriter() {
    }

    /** Writes {@code r} of {@code loaded} to {@code out}; on failure no file and no temporary file remain. */
    public static void write(Path out, LoadedTreatment loaded, TreatmentResult r, String backendName,
                             String backendDescription) throws IOException {
        if (r.samples() == 0 || r.cycles().isEmpty()) {
            throw new IllegalArgumentException("a treatment result needs samples and at least one cycle");
        }
        String unit = loaded.concentrationUnit();
        String[] species = r.species().toArray(new String[0]);
        int ns = species.length;
        int nt = r.samples();
        ResultWriter.publish(out, file -> {
            file.putAttribute(ResultNames.SORB_VERSION, SorbVersion.get());
            file.putAttribute(ResultNames.BACKEND, backendName);
            file.putAttribute(ResultNames.BACKEND_DESCRIPTION, backendDescription);
            String yaml = loaded.resolvedYaml();
            int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
            if (bytes <= ResultWriter.MAX_ATTRIBUTE_BYTES) {
                file.putAttribute(ResultNames.CASE, yaml);
            } else {
                file.putDataset(ResultNames.CASE, yaml);
                file.putAttribute(ResultNames.CASE, "in dataset /case (" + bytes + " bytes)");
            }
            file.putAttribute(ResultNames.CASE_SOURCE, loaded.source() == null ? "" : loaded.source().toString());
            file.putAttribute(ResultNames.UNITS, "time: s; volume: m^3; concentration: " + unit
                    + " (plasma); amounts: kg (mass) or mol (molar), total in the patient, not per area");
            file.putAttribute(ResultNames.CREATED, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            file.putAttribute("kind", "treatment");
            file.putAttribute("species", species);
            file.putAttribute("plasma_volume", loaded.model().patient().plasmaVolume());
            file.putAttribute("mass_balance_relative_error", r.balance().relativeError());
            for (int s = 0; s < r.sessionStart().length; s++) {
                double[] red = new double[ns];
                for (int k = 0; k < ns; k++) {
                    red[k] = r.reduction(s, k);
                }
                file.putAttribute("reduction_session_" + (s + 1), red);
            }

            WritableGroup patient = file.putGroup("patient");
            patient.putAttribute("species", species);
            put(patient, "time", r.time(), "s");
            put(patient, "processed_plasma_volume", r.processedPlasmaVolume(), "m^3 (cumulative, patient plasma)");
            put(patient, "concentration", Reshape.to2d(r.intravascular(), nt, ns), unit + " (intravascular)");
            put(patient, "extravascular_concentration", Reshape.to2d(r.extravascular(), nt, ns),
                    unit + " (extravascular amount / plasma volume)");
            put(patient, "session", toDouble(r.session()), "session index from 0; -1 between sessions");

            WritableGroup circuit = file.putGroup("circuit");
            circuit.putAttribute("species", species);
            put(circuit, "time", r.time(), "s");
            put(circuit, "online_column", toDouble(r.onlineColumn()), "column index from 0; -1: none");
            put(circuit, "adsorber_inlet", Reshape.to2d(r.adsorberInlet(), nt, ns),
                    unit + " (mean over the interval ending at time)");
            put(circuit, "adsorber_outlet", Reshape.to2d(r.adsorberOutlet(), nt, ns),
                    unit + " (mean over the interval ending at time)");

            List<CycleRecord> cycles = r.cycles();
            int nCy = cycles.size();
            WritableGroup col = file.putGroup("columns");
            col.putAttribute("species", species);
            col.putAttribute("columns", loaded.model().operation().columns());
            double totalWait = 0.0;
            for (double w : r.sessionWait()) {
                totalWait += w;
            }
            col.putAttribute("total_wait", totalWait);
            put(col, "column", cycleScalar(cycles, c -> c.column()), "index from 0");
            put(col, "session", cycleScalar(cycles, c -> c.session()), "index from 0");
            put(col, "wait_before", cycleScalar(cycles, CycleRecord::waitBefore),
                    "s the loop waited for this column's regeneration");
            put(col, "load_start", cycleScalar(cycles, CycleRecord::loadStart), "s");
            put(col, "load_end", cycleScalar(cycles, CycleRecord::loadEnd), "s");
            put(col, "regeneration_end", cycleScalar(cycles, CycleRecord::regenerationEnd), "s");
            put(col, "loaded_volume", cycleScalar(cycles, CycleRecord::loadedVolume), "m^3");
            String amount = amountUnit(unit);
            put(col, "loaded", cycleRows(cycles, CycleRecord::loaded, ns), amount);
            put(col, "passed", cycleRows(cycles, CycleRecord::passed, ns), amount + " (left while on-line)");
            put(col, "retained", cycleRows(cycles, CycleRecord::retained, ns), amount + " (at switch)");
            put(col, "bound", cycleRows(cycles, CycleRecord::bound, ns), amount + " (bound phase at switch)");
            put(col, "washed", cycleRows(cycles, CycleRecord::washed, ns), amount);
            put(col, "eluted", cycleRows(cycles, CycleRecord::eluted, ns), amount);
            put(col, "reequilibration", cycleRows(cycles, CycleRecord::reequilibration, ns), amount);

            WritableGroup ses = file.putGroup("sessions");
            ses.putAttribute("species", species);
            put(ses, "start", r.sessionStart(), "s");
            put(ses, "end", r.sessionEnd(), "s");
            put(ses, "processed_plasma_volume", r.sessionVolume(), "m^3");
            put(ses, "wait", r.sessionWait(), "s");
            put(ses, "target_reached", targetReached(loaded, r), "1: the session processed its plasma_volumes; "
                    + "0: it stopped at schedule.max_duration before");
            put(ses, "reduction", Reshape.to2d(r.reduction(), r.sessionStart().length, ns),
                    "1 - C_end / C_start (intravascular)");

            TreatmentBalance b = r.balance();
            WritableGroup mb = file.putGroup("mass_balance");
            mb.putAttribute("species", species);
            mb.putAttribute(ResultNames.RELATIVE_ERROR, b.relativeError());
            put(mb, "initial", b.initial(), amount);
            put(mb, "synthesized", b.synthesized(), amount);
            put(mb, "catabolized", b.catabolized(), amount);
            put(mb, "patient", b.patient(), amount);
            put(mb, "lines", b.lines(), amount);
            put(mb, "columns", b.columns(), amount);
            put(mb, "eluate", b.eluate(), amount);

            WritableGroup solver = file.putGroup("solver");
            solver.putAttribute(ResultNames.WALL_SECONDS, r.wallSeconds());
            put(solver, "stats", new double[] {r.wallSeconds(), nCy}, "wall seconds, cycles");
        });
    }

    /** 1 for each session that processed its target volume, 0 for one that stopped at its maximum duration. */
    private static double[] targetReached(LoadedTreatment loaded, TreatmentResult r) {
        double[] reached = new double[r.sessionVolume().length];
        for (int s = 0; s < reached.length; s++) {
            reached[s] = loaded.model().schedule().reachedTarget(r.sessionVolume()[s],
                    loaded.model().patient().plasmaVolume()) ? 1.0 : 0.0;
        }
        return reached;
    }

        private static String amountUnit(String concentrationUnit) {
        return concentrationUnit.startsWith("mol") ? "mol" : "kg";
    }

    private static void put(WritableGroup g, String name, Object data, String units) {
        g.putDataset(name, data).putAttribute(ResultNames.UNITS, units);
    }

    private static double[] toDouble(int[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static double[] cycleScalar(List<CycleRecord> cycles, java.util.function.ToDoubleFunction<CycleRecord> f) {
        double[] out = new double[cycles.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(cycles.get(i));
        }
        return out;
    }

    private static double[][] cycleRows(List<CycleRecord> cycles, java.util.function.Function<CycleRecord, double[]> f,
                                        int ns) {
        double[][] out = new double[cycles.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(cycles.get(i)).clone();
        }
        return out;
    }
}
