package org.sorb.treatment;

import java.util.function.Consumer;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.ColumnSteppers;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.SolverException;

/**
 * Simulates a course of immunoadsorption sessions: patient, circuit and columns in one closed loop, advanced in
 * coupling intervals of length dt.
 *
 * <p>In each interval the on-line column's inlet is a linear segment (the pre-column dead volume's concentration
 * and its rate of change, or the diluted plasma concentration f_dil C_iv when there is no dead volume), the column
 * is advanced by its own adaptive integrator, and the amounts that entered (J_in) and left (J_out) it are the
 * integrator's quadrature of eps_c u c x A. The patient and line amounts x = (M_iv, M_ev, M_T, M_R) per species
 * then follow dx/dt = A x + b by the trapezoidal rule, with J_in leaving the pre-column volume (or the plasma) and
 * J_out entering the return line (or the plasma): every exchange appears with opposite signs in two balances, so
 * patient + lines + columns + eluate change only by synthesis minus catabolism, to round-off.
 *
 * <p>Budgets: every column integration has the column's step budget ({@code solver.max_steps}), the patient's steps
 * (coupling intervals and rest steps) together have the same number, and the wall-clock {@link RunBudget} is checked
 * at every patient step and column step; a spent budget stops the run with a {@link SolverException}.
 */
public final class TreatmentSimulator {
    private final TreatmentCase tc;
    private final int ns;
    private final double pv;
    private final double qp;
    private final double qpp;
    private final Consumer<String> events;
    private final PatientModel patient;
    private final ColumnCycle columns;
    private final TreatmentRecorder recorder;
    private double t;
    private double processed;
    private RunBudget budget = RunBudget.UNLIMITED;
    private long patientSteps;

    /** On the Java path ({@link ColumnSteppers#JAVA}). */
    public TreatmentSimulator(TreatmentCase treatment, Consumer<String> events) {
        this(treatment, events, ColumnSteppers.JAVA);
    }

    /**
     * @param treatment the case
     * @param events    receives one line per cycle, wait and session (may be null)
     * @param steppers  advances the columns: {@link ColumnSteppers#JAVA} or batch devices (the caller closes it)
     */
    public TreatmentSimulator(TreatmentCase treatment, Consumer<String> events, ColumnSteppers steppers) {
        this.tc = treatment;
        this.events = events == null ? s -> { } : events;
        this.ns = treatment.species();
        this.patient = new PatientModel(treatment.patient(), treatment.circuit());
        this.pv = patient.plasmaVolume();
        this.qp = patient.plasmaFlow();
        this.qpp = patient.patientPlasmaFlow();
        this.recorder = new TreatmentRecorder(treatment.patient().species().stream().map(Species::name).toList());
        this.columns = new ColumnCycle(treatment, qp, rec -> {
            recorder.cycle(rec);
            this.events.accept(recorder.cycleLine(rec));
        }, steppers);
    }

    /** Runs every session and the follow-up without a wall-clock budget. */
    public TreatmentResult run(ProgressListener progress) {
        return run(RunBudget.UNLIMITED, progress);
    }

    /**
     * Runs every session and the follow-up within {@code wall}.
     *
     * @throws SolverException when a budget is spent or a column integration cannot continue
     */
    public TreatmentResult run(RunBudget wall, ProgressListener progress) {
        long started = System.nanoTime();
        Schedule sc = tc.schedule();
        int nSessions = sc.sessions();
        double planned = sc.start(nSessions - 1) + sc.followUp();
        this.budget = wall.over(sc.followUp() > 0 ? planned : Double.NaN);
        columns.budget(budget);
        double[] initial = recorder.totals(patient, columns);
        double[] sessionStart = new double[nSessions];
        double[] sessionEnd = new double[nSessions];
        double[] sessionVolume = new double[nSessions];
        double[] sessionWait = new double[nSessions];
        double[] reduction = new double[Math.multiplyExact(nSessions, ns)];
        recorder.sample(t, processed, -1, -1, patient, new double[ns], new double[ns]);
        for (int s = 0; s < nSessions; s++) {
            double start = sc.start(s);
            rest(start, progress, s);
            sessionStart[s] = t;
            double[] c0 = patient.plasma();
            double v0 = processed;
            events.accept(String.format(java.util.Locale.ROOT, "session %d of %d: start at %s", s + 1, nSessions,
                    clock(t)));
            sessionWait[s] = session(s, progress);
            sessionEnd[s] = t;
            sessionVolume[s] = processed - v0;
            double[] c1 = patient.plasma();
            StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "session %d: %.2f L (%.2f plasma volumes) in %.2f h, waited %.0f s; reduction", s + 1,
                    sessionVolume[s] * 1e3, sessionVolume[s] / pv, (sessionEnd[s] - sessionStart[s]) / 3600.0,
                    sessionWait[s]));
            for (int k = 0; k < ns; k++) {
                reduction[s * ns + k] = c0[k] > 0 ? 1.0 - c1[k] / c0[k] : 0.0;
                line.append(String.format(java.util.Locale.ROOT, " %s %.1f%%", tc.patient().species().get(k).name(),
                        100 * reduction[s * ns + k]));
            }
            events.accept(line.toString());
            if (!sc.reachedTarget(sessionVolume[s], pv)) {
                events.accept(String.format(java.util.Locale.ROOT, "session %d stopped at schedule.max_duration "
                        + "(%.2f h) before its target: %.2f of %.2f plasma volumes processed", s + 1,
                        sc.maxDuration() / 3600.0, sessionVolume[s] / pv, sc.plasmaVolumes()));
            }
        }
        double end = Math.max(t, sc.start(nSessions - 1) + sc.followUp());
        rest(end, progress, nSessions);
        progress.progress(1.0, "done");
        TreatmentBalance balance = recorder.balance(initial, patient, columns);
        return recorder.result(sessionStart, sessionEnd, sessionVolume, sessionWait, reduction, balance,
                (System.nanoTime() - started) * 1e-9);
    }

    /** One session from now; returns the time it waited for regeneration. */
    private double session(int s, ProgressListener progress) {
        Schedule sc = tc.schedule();
        double start = t;
        double targetVolume = sc.plasmaVolumes() * pv;
        double endTime = start + sc.maxDuration();
        double done = 0.0;
        double waited = 0.0;
        int next = 0;
        ColumnCycle.Column online = null;
        double waitStart = t;
        double coupling = sc.couplingInterval();
        while (done < targetVolume * (1.0 - 1e-12)
                && t < endTime - 1e-9 * Math.max(1.0, endTime)) {
            if (online == null) {
                ColumnCycle.Column ready = columns.ready(next);
                if (ready != null) {
                    online = ready;
                    next = (ready.index + 1) % columns.count();
                    double wait = t - waitStart;
                    waited += wait;
                    if (wait > 0) {
                        events.accept(String.format(java.util.Locale.ROOT,
                                "  waited %.0f s for column %d to finish its regeneration", wait, ready.index + 1));
                    }
                    online.startLoading(s, wait, t);
                } else {
                    double until = columns.regenerationEnd();
                    double dt = Math.min(coupling, Math.min(until, endTime) - t);
                    dt = Math.max(dt, Math.max(1e-9, 2 * Math.ulp(t)));
                    interval(null, dt, s);
                    continue;
                }
            }
            double cycleLeft = (tc.operation().cycleVolume() - online.loadedVolume()) / qp;
            double dt = Math.min(Math.min(coupling, cycleLeft), Math.min((targetVolume - done) / qpp, endTime - t));
            if (!(t + dt > t)) {
                // what is left is below the clock's resolution at t: that limit is reached (never loop on dt = 0)
                if (dt < cycleLeft) {
                    break;
                }
                online.endLoading(t);
                online = null;
                waitStart = t;
                continue;
            }
            double before = processed;
            interval(online, dt, s);
            done += processed - before;
            if (online.loadedVolume() >= tc.operation().cycleVolume() * (1.0 - 1e-12)) {
                online.endLoading(t);
                online = null;
                waitStart = t;
            }
            double fraction = Math.max(done / targetVolume, (t - start) / sc.maxDuration());
            progress.progress((s + Math.min(1.0, fraction)) / sc.sessions(), String.format(java.util.Locale.ROOT,
                    "session %d, %.2f plasma volumes", s + 1, done / pv));
        }
        if (online != null) {
            online.endLoading(t);
        }
        // rinse-back: the circuit's plasma goes back to the patient
        patient.rinseBack();
        // every column is regenerated after the session (wash effluent, if returned, goes back with the rinse)
        columns.finishRegenerations(patient);
        recorder.sample(t, processed, s, -1, patient, new double[ns], new double[ns]);
        return waited;
    }

    /** Advances loop and patient by dt; {@code online} null: the loop waits (no plasma processed). */
    private void interval(ColumnCycle.Column online, double dt, int s) {
        patientStepAllowed();
        double[] jin = new double[ns];
        double[] jret = new double[ns];
        double[] meanIn = new double[ns];
        double[] meanOut = new double[ns];
        if (online != null) {
            double[] out = new double[ns];
            online.load(patient, t, t + dt, jin, out);
            for (int k = 0; k < ns; k++) {
                jret[k] += out[k];
                meanIn[k] = jin[k] / (qp * dt);
                meanOut[k] = out[k] / (qp * dt);
            }
        }
        columns.regenerateOthers(online, t + dt, jret);
        patient.step(dt, online != null, jin, jret);
        patient.returned(jret, dt);
        t += dt;
        if (online != null) {
            processed += qpp * dt;
        }
        recorder.sample(t, processed, s, online == null ? -1 : online.index, patient, meanIn, meanOut);
    }

    /** Patient alone (no circuit) until {@code end}, in rest steps. */
    private void rest(double end, ProgressListener progress, int nextSession) {
        double step = tc.schedule().restStep();
        double[] zero = new double[ns];
        while (t < end - 1e-9 * Math.max(1.0, end)) {
            patientStepAllowed();
            double dt = Math.min(step, end - t);
            patient.step(dt, false, zero, zero);
            t += dt;
            recorder.sample(t, processed, -1, -1, patient, zero, zero);
        }
        t = Math.max(t, end);
    }

    /** Counts a patient step; stops when the step budget or the wall-clock budget is spent. */
    private void patientStepAllowed() {
        long max = tc.adsorber().loading().solver().maxSteps();
        if (++patientSteps > max) {
            throw new SolverException("patient step budget of " + max + " steps (solver.max_steps) exhausted at "
                    + budget.simulatedTime(t));
        }
        budget.check(t);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(java.util.Locale.ROOT, "day %d %02d:%02d", s / 86400, s / 3600 % 24, s / 60 % 60);
    }

    /** The loading column case (for callers that need its layout). */
    public ColumnCase loadingColumn() {
        return tc.adsorber().loading();
    }
}
