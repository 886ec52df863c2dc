package org.sorb.treatment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.AcceptedStep;
import org.sorb.numerics.BindingEquilibrium;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnIntegrator;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.SolverException;
import org.sorb.numerics.StateLayout;
import org.sorb.numerics.StepObserver;

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
    private static final String[] PHASES = {"wash", "elution", "re-equilibration"};

    private final TreatmentCase tc;
    private final int ns;
    private final int nc;
    private final int[] comp;
    private final int ph;
    private final double pv;
    private final double qp;
    private final double qpp;
    private final double fdil;
    private final double vT;
    private final double vR;
    private final double area;
    private final double[] kin;
    private final double[] kout;
    private final double[] kel;
    private final double[] synthesis;
    private final ColumnEquations loadEq;
    private final ColumnEquations regenEq;
    private final Consumer<String> events;

    // patient and lines, amounts (kg) per species
    private final double[] iv;
    private final double[] ev;
    private final double[] tank;
    private final double[] ret;
    private final double[] lastReturnRate;
    private final double[] synthesized;
    private final double[] catabolized;
    private final double[] eluate;
    private final Col[] columns;
    private double t;
    private double processed;
    private RunBudget budget = RunBudget.UNLIMITED;
    private long patientSteps;

    // samples
    private final List<Double> sTime = new ArrayList<>();
    private final List<Double> sVolume = new ArrayList<>();
    private final List<Integer> sSession = new ArrayList<>();
    private final List<Integer> sOnline = new ArrayList<>();
    private final List<double[]> sIv = new ArrayList<>();
    private final List<double[]> sEv = new ArrayList<>();
    private final List<double[]> sIn = new ArrayList<>();
    private final List<double[]> sOut = new ArrayList<>();
    private final List<CycleRecord> cycles = new ArrayList<>();

    /**
     * @param treatment the case
     * @param events    receives one line per cycle, wait and session (may be null)
     */
    public TreatmentSimulator(TreatmentCase treatment, Consumer<String> events) {
        this.tc = treatment;
        this.events = events == null ? s -> { } : events;
        this.ns = treatment.species();
        this.ph = treatment.adsorber().phComponent();
        this.nc = treatment.adsorber().loading().nComp();
        this.comp = new int[ns];
        for (int k = 0; k < ns; k++) {
            comp[k] = treatment.speciesComponent(k);
        }
        Patient p = treatment.patient();
        Circuit c = treatment.circuit();
        this.pv = p.plasmaVolume();
        this.qp = c.plasmaFlow();
        this.fdil = c.dilution(p.hematocrit());
        this.qpp = c.patientPlasmaFlow(p.hematocrit());
        this.vT = c.preColumnVolume();
        this.vR = c.returnLineVolume();
        this.area = treatment.adsorber().area();
        this.kin = new double[ns];
        this.kout = new double[ns];
        this.kel = new double[ns];
        this.synthesis = new double[ns];
        this.iv = new double[ns];
        this.ev = new double[ns];
        this.tank = new double[ns];
        this.ret = new double[ns];
        this.lastReturnRate = new double[ns];
        this.synthesized = new double[ns];
        this.catabolized = new double[ns];
        this.eluate = new double[ns];
        for (int k = 0; k < ns; k++) {
            Species s = p.species().get(k);
            kin[k] = s.exchangeIn();
            kout[k] = s.exchangeOut();
            kel[k] = s.eliminationRate();
            iv[k] = s.concentration() * pv;
            double f = s.intravascularFraction();
            ev[k] = iv[k] * (1.0 - f) / f;
            synthesis[k] = s.synthesis() ? kel[k] * (iv[k] + ev[k]) : 0.0;
            // pre-column volume starts filled with diluted plasma, the return line with it too (primed, run-in)
            tank[k] = 0.0;
            ret[k] = 0.0;
        }
        this.loadEq = new ColumnEquations(treatment.adsorber().loading());
        this.regenEq = new ColumnEquations(treatment.adsorber().regeneration());
        this.columns = new Col[treatment.operation().columns()];
        double[] y0 = bufferState(treatment.operation().regeneration().bufferPh());
        for (int j = 0; j < columns.length; j++) {
            columns[j] = new Col(j, y0.clone());
        }
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
        double[] initial = totals();
        double[] sessionStart = new double[nSessions];
        double[] sessionEnd = new double[nSessions];
        double[] sessionVolume = new double[nSessions];
        double[] sessionWait = new double[nSessions];
        double[] reduction = new double[Math.multiplyExact(nSessions, ns)];
        record(-1, -1, new double[ns], new double[ns]);
        for (int s = 0; s < nSessions; s++) {
            double start = sc.start(s);
            rest(start, progress, s);
            sessionStart[s] = t;
            double[] c0 = plasma();
            double v0 = processed;
            events.accept(String.format(java.util.Locale.ROOT, "session %d of %d: start at %s", s + 1, nSessions,
                    clock(t)));
            sessionWait[s] = session(s, progress);
            sessionEnd[s] = t;
            sessionVolume[s] = processed - v0;
            double[] c1 = plasma();
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
        TreatmentBalance balance = balance(initial);
        return new TreatmentResult(tc.patient().species().stream().map(Species::name).toList(), doubles(sTime),
                doubles(sVolume), ints(sSession), ints(sOnline), rows(sIv), rows(sEv), rows(sIn), rows(sOut),
                List.copyOf(cycles), sessionStart, sessionEnd, sessionVolume, sessionWait, reduction, balance,
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
        Col online = null;
        double waitStart = t;
        double coupling = sc.couplingInterval();
        while (done < targetVolume * (1.0 - 1e-12)
                && t < endTime - 1e-9 * Math.max(1.0, endTime)) {
            if (online == null) {
                Col ready = null;
                for (int j = 0; j < columns.length; j++) {
                    Col cand = columns[(next + j) % columns.length];
                    if (cand.state == State.READY) {
                        ready = cand;
                        break;
                    }
                }
                if (ready != null) {
                    online = ready;
                    next = (ready.index + 1) % columns.length;
                    double wait = t - waitStart;
                    waited += wait;
                    if (wait > 0) {
                        events.accept(String.format(java.util.Locale.ROOT,
                                "  waited %.0f s for column %d to finish its regeneration", wait, ready.index + 1));
                    }
                    online.startLoading(s, wait);
                } else {
                    double until = Double.POSITIVE_INFINITY;
                    for (Col c : columns) {
                        if (c.state == State.REGENERATING) {
                            until = Math.min(until, c.regenerationEnd());
                        }
                    }
                    double dt = Math.min(coupling, Math.min(until, endTime) - t);
                    dt = Math.max(dt, Math.max(1e-9, 2 * Math.ulp(t)));
                    interval(null, dt, s);
                    continue;
                }
            }
            double cycleLeft = (tc.operation().cycleVolume() - online.loadedVolume) / qp;
            double dt = Math.min(Math.min(coupling, cycleLeft), Math.min((targetVolume - done) / qpp, endTime - t));
            if (!(t + dt > t)) {
                // what is left is below the clock's resolution at t: that limit is reached (never loop on dt = 0)
                if (dt < cycleLeft) {
                    break;
                }
                online.endLoading();
                online = null;
                waitStart = t;
                continue;
            }
            double before = processed;
            interval(online, dt, s);
            done += processed - before;
            if (online.loadedVolume >= tc.operation().cycleVolume() * (1.0 - 1e-12)) {
                online.endLoading();
                online = null;
                waitStart = t;
            }
            double fraction = Math.max(done / targetVolume, (t - start) / sc.maxDuration());
            progress.progress((s + Math.min(1.0, fraction)) / sc.sessions(), String.format(java.util.Locale.ROOT,
                    "session %d, %.2f plasma volumes", s + 1, done / pv));
        }
        if (online != null) {
            online.endLoading();
        }
        // rinse-back: the circuit's plasma goes back to the patient
        for (int k = 0; k < ns; k++) {
            iv[k] += tank[k] + ret[k];
            tank[k] = 0.0;
            ret[k] = 0.0;
            lastReturnRate[k] = 0.0;
        }
        // every column is regenerated after the session (wash effluent, if returned, goes back with the rinse)
        for (Col c : columns) {
            if (c.state == State.REGENERATING) {
                double[] toPatient = new double[ns];
                c.regenerate(Double.POSITIVE_INFINITY, toPatient);
                for (int k = 0; k < ns; k++) {
                    iv[k] += toPatient[k];
                }
            }
        }
        record(s, -1, new double[ns], new double[ns]);
        return waited;
    }

    /** Advances loop and patient by dt; {@code online} null: the loop waits (no plasma processed). */
    private void interval(Col online, double dt, int s) {
        patientStepAllowed();
        double[] jin = new double[ns];
        double[] jret = new double[ns];
        double[] meanIn = new double[ns];
        double[] meanOut = new double[ns];
        if (online != null) {
            double[] value = new double[nc];
            double[] slope = new double[nc];
            for (int k = 0; k < ns; k++) {
                int c = comp[k];
                if (vT > 0) {
                    value[c] = tank[k] / vT;
                    slope[c] = (qpp * iv[k] / pv - qp * tank[k] / vT) / vT;
                } else {
                    value[c] = fdil * iv[k] / pv;
                    slope[c] = fdil * plasmaDerivative(k) / pv;
                }
            }
            if (ph >= 0) {
                value[ph] = tc.patient().plasmaPh();
            }
            double[] out = new double[ns];
            online.load(value, slope, t + dt, jin, out);
            for (int k = 0; k < ns; k++) {
                jret[k] += out[k];
                meanIn[k] = jin[k] / (qp * dt);
                meanOut[k] = out[k] / (qp * dt);
            }
        }
        for (Col c : columns) {
            if (c != online && c.state == State.REGENERATING) {
                c.regenerate(t + dt, jret);
            }
        }
        patientStep(dt, online != null, jin, jret);
        for (int k = 0; k < ns; k++) {
            lastReturnRate[k] = jret[k] / dt;
        }
        t += dt;
        if (online != null) {
            processed += qpp * dt;
        }
        record(s, online == null ? -1 : online.index, meanIn, meanOut);
    }

    /** dM_iv/dt at the current state, with the return at the last interval's rate when there is no return line. */
    private double plasmaDerivative(int k) {
        double d = -qpp * iv[k] / pv - (kout[k] + kel[k]) * iv[k] + kin[k] * ev[k] + synthesis[k];
        d += vR > 0 ? qp * ret[k] / vR : lastReturnRate[k];
        return d;
    }

    /**
     * Trapezoidal step of x = (M_iv, M_ev, M_T, M_R) per species: (I - dt/2 A) x' = (I + dt/2 A) x + dt b, with
     * the column's J_in and J_out (amounts over the step) in b.
     */
    private void patientStep(double dt, boolean flowing, double[] jin, double[] jret) {
        double qd = flowing ? qpp : 0.0;
        double qr = flowing ? qp : 0.0;
        double[] a = new double[16];
        double[] m = new double[16];
        double[] rhs = new double[4];
        double[] x = new double[4];
        for (int k = 0; k < ns; k++) {
            Arrays.fill(a, 0.0);
            double[] b = new double[4];
            a[0] = -(kout[k] + kel[k]);
            a[1] = kin[k];
            a[4] = kout[k];
            a[5] = -(kin[k] + kel[k]);
            b[0] = synthesis[k];
            if (vT > 0) {
                a[0] -= qd / pv;
                a[8] = qd / pv;
                b[2] = -jin[k] / dt;
            } else {
                b[0] -= jin[k] / dt;
            }
            if (vR > 0) {
                a[3] = qr / vR;
                a[15] = -qr / vR;
                b[3] = jret[k] / dt;
            } else {
                b[0] += jret[k] / dt;
            }
            x[0] = iv[k];
            x[1] = ev[k];
            x[2] = tank[k];
            x[3] = ret[k];
            for (int r = 0; r < 4; r++) {
                double v = x[r] + dt * b[r];
                for (int c = 0; c < 4; c++) {
                    v += 0.5 * dt * a[r * 4 + c] * x[c];
                    m[r * 4 + c] = (r == c ? 1.0 : 0.0) - 0.5 * dt * a[r * 4 + c];
                }
                rhs[r] = v;
            }
            solve4(m, rhs);
            catabolized[k] += 0.5 * dt * kel[k] * (x[0] + rhs[0] + x[1] + rhs[1]);
            synthesized[k] += dt * synthesis[k];
            iv[k] = rhs[0];
            ev[k] = rhs[1];
            tank[k] = rhs[2];
            ret[k] = rhs[3];
        }
    }

    /** Patient alone (no circuit) until {@code end}, in rest steps. */
    private void rest(double end, ProgressListener progress, int nextSession) {
        double step = tc.schedule().restStep();
        double[] zero = new double[ns];
        while (t < end - 1e-9 * Math.max(1.0, end)) {
            patientStepAllowed();
            double dt = Math.min(step, end - t);
            patientStep(dt, false, zero, zero);
            t += dt;
            record(-1, -1, zero, zero);
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

    /** Gaussian elimination with partial pivoting on a 4 x 4 system; the solution replaces rhs. */
    private static void solve4(double[] m, double[] rhs) {
        int n = 4;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r * n + col]) > Math.abs(m[piv * n + col])) {
                    piv = r;
                }
            }
            if (piv != col) {
                for (int c = 0; c < n; c++) {
                    double tmp = m[col * n + c];
                    m[col * n + c] = m[piv * n + c];
                    m[piv * n + c] = tmp;
                }
                double tmp = rhs[col];
                rhs[col] = rhs[piv];
                rhs[piv] = tmp;
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r * n + col] / m[col * n + col];
                if (f != 0.0) {
                    for (int c = col; c < n; c++) {
                        m[r * n + c] -= f * m[col * n + c];
                    }
                    rhs[r] -= f * rhs[col];
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double v = rhs[r];
            for (int c = r + 1; c < n; c++) {
                v -= m[r * n + c] * rhs[c];
            }
            rhs[r] = v / m[r * n + r];
        }
    }

    /** Plasma concentrations (kg/m^3). */
    private double[] plasma() {
        double[] c = new double[ns];
        for (int k = 0; k < ns; k++) {
            c[k] = iv[k] / pv;
        }
        return c;
    }

    /** Amount of each species in patient, lines, columns and eluate (kg). */
    private double[] totals() {
        double[] out = new double[ns];
        double[] col = columnContent();
        for (int k = 0; k < ns; k++) {
            out[k] = iv[k] + ev[k] + tank[k] + ret[k] + col[k] + eluate[k];
        }
        return out;
    }

    private double[] columnContent() {
        double[] out = new double[ns];
        double[] c = new double[nc];
        for (Col col : columns) {
            loadEq.content(col.y, c);
            for (int k = 0; k < ns; k++) {
                out[k] += c[comp[k]] * area;
            }
        }
        return out;
    }

    private TreatmentBalance balance(double[] initial) {
        double[] patient = new double[ns];
        double[] lines = new double[ns];
        double[] col = columnContent();
        double err = 0.0;
        for (int k = 0; k < ns; k++) {
            patient[k] = iv[k] + ev[k];
            lines[k] = tank[k] + ret[k];
            double lhs = initial[k] + synthesized[k] - catabolized[k];
            double rhs = patient[k] + lines[k] + col[k] + eluate[k];
            double scale = Math.max(initial[k], Double.MIN_NORMAL);
            err = Math.max(err, Math.abs(lhs - rhs) / scale);
        }
        return new TreatmentBalance(initial, synthesized.clone(), catabolized.clone(), patient, lines, col,
                eluate.clone(), err);
    }

    private void record(int session, int online, double[] in, double[] out) {
        sTime.add(t);
        sVolume.add(processed);
        sSession.add(session);
        sOnline.add(online);
        sIv.add(plasma());
        double[] e = new double[ns];
        for (int k = 0; k < ns; k++) {
            e[k] = ev[k] / pv;
        }
        sEv.add(e);
        sIn.add(in.clone());
        sOut.add(out.clone());
    }

    /** A column in buffer at pH {@code bufferPh}: no protein, nothing bound. */
    private double[] bufferState(double bufferPh) {
        StateLayout layout = loadEq.layout();
        double[] y = new double[layout.size()];
        double[] c = new double[nc];
        if (ph >= 0) {
            c[ph] = bufferPh;
        }
        double[] q = BindingEquilibrium.solve(tc.adsorber().loading().binding(), c);
        for (int j = 0; j < layout.axialCells(); j++) {
            for (int i = 0; i < nc; i++) {
                y[layout.bulk(j, i)] = c[i];
            }
            for (int b = 0; b < layout.localBlocks(); b++) {
                if (layout.hasPores()) {
                    for (int i = 0; i < nc; i++) {
                        y[layout.pore(j, b, i)] = c[i];
                    }
                }
                for (int s = 0; s < layout.boundStates(); s++) {
                    y[layout.bound(j, b, s)] = q[s];
                }
            }
        }
        return y;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(java.util.Locale.ROOT, "day %d %02d:%02d", s / 86400, s / 3600 % 24, s / 60 % 60);
    }

    private enum State { READY, ONLINE, REGENERATING }

    /** Sums eps_c u c x A over accepted steps for the patient species. */
    private final class Outflow implements StepObserver {
        final double[] in = new double[ns];
        final double[] out = new double[ns];

        @Override
        public void accepted(AcceptedStep step) {
            for (int k = 0; k < ns; k++) {
                in[k] += step.injectedAmount(comp[k]) * area;
                out[k] += step.elutedAmount(comp[k]) * area;
            }
        }
    }

    /** One physical column: its state, what it is doing and the record of its current cycle. */
    private final class Col {
        final int index;
        double[] y;
        State state = State.READY;
        ColumnIntegrator integrator;
        boolean firstInterval;
        double loadedVolume;
        int phase;
        double phaseEnd;
        double time;
        // current cycle
        int session;
        double waitBefore;
        double loadStart;
        double loadEnd;
        double[] loaded;
        double[] passed;
        double[] retained;
        double[] bound;
        double[] washed;
        double[] eluted;
        double[] reeq;

        Col(int index, double[] y) {
            this.index = index;
            this.y = y;
        }

        void startLoading(int sessionIndex, double wait) {
            state = State.ONLINE;
            session = sessionIndex;
            waitBefore = wait;
            loadStart = t;
            loadedVolume = 0.0;
            loaded = new double[ns];
            passed = new double[ns];
            integrator = new ColumnIntegrator(loadEq, tc.adsorber().loading().solver(), budget, y, t);
            firstInterval = true;
        }

        /** Loads over [t, end] with the inlet segment; adds the amounts in and out to jin and out. */
        void load(double[] value, double[] slope, double end, double[] jin, double[] out) {
            integrator.inlet(value, slope, firstInterval);
            firstInterval = false;
            Outflow o = new Outflow();
            integrator.advance(end, o);
            for (int k = 0; k < ns; k++) {
                jin[k] += o.in[k];
                out[k] += o.out[k];
                loaded[k] += o.in[k];
                passed[k] += o.out[k];
            }
            loadedVolume += qp * (end - t);
            y = integrator.state();
        }

        void endLoading() {
            loadEnd = t;
            retained = amounts(y);
            double[] liquid = y.clone();
            StateLayout layout = loadEq.layout();
            for (int j = 0; j < layout.axialCells(); j++) {
                for (int b = 0; b < layout.localBlocks(); b++) {
                    for (int s = 0; s < layout.boundStates(); s++) {
                        liquid[layout.bound(j, b, s)] = 0.0;
                    }
                }
            }
            double[] free = amounts(liquid);
            bound = new double[ns];
            for (int k = 0; k < ns; k++) {
                bound[k] = retained[k] - free[k];
            }
            washed = new double[ns];
            eluted = new double[ns];
            reeq = new double[ns];
            state = State.REGENERATING;
            phase = -1;
            time = t;
            phaseEnd = t;
            nextPhase();
        }

        /** Moves to the next regeneration phase with a positive volume, or to READY. */
        private void nextPhase() {
            Regeneration r = tc.operation().regeneration();
            double[] volumes = r.phaseVolumes();
            do {
                phase++;
            } while (phase < volumes.length && volumes[phase] <= 0.0);
            if (phase >= volumes.length) {
                state = State.READY;
                integrator = null;
                CycleRecord rec = new CycleRecord(index, session, cycles.size(), waitBefore, loadStart, loadEnd,
                        qp * (loadEnd - loadStart), loaded, passed, retained, bound, washed, eluted, reeq, phaseEnd);
                cycles.add(rec);
                events.accept(cycleLine(rec));
                return;
            }
            phaseEnd = time + volumes[phase] / r.flow();
            double[] value = new double[nc];
            if (ph >= 0) {
                value[ph] = phase == 1 ? r.elutionPh() : r.bufferPh();
            }
            integrator = new ColumnIntegrator(regenEq, tc.adsorber().regeneration().solver(), budget, y, time);
            integrator.inlet(value, new double[nc], true);
        }

        /** End of the regeneration if nothing changes (s). */
        double regenerationEnd() {
            Regeneration r = tc.operation().regeneration();
            double[] volumes = r.phaseVolumes();
            double end = phaseEnd;
            for (int p = phase + 1; p < volumes.length; p++) {
                end += volumes[p] / r.flow();
            }
            return end;
        }

        /** Regenerates up to {@code end}; the wash effluent goes to {@code toPatient} or the eluate. */
        void regenerate(double end, double[] toPatient) {
            Regeneration r = tc.operation().regeneration();
            while (state == State.REGENERATING && time < end) {
                double stop = Math.min(phaseEnd, end);
                Outflow o = new Outflow();
                integrator.advance(stop, o);
                y = integrator.state();
                for (int k = 0; k < ns; k++) {
                    switch (phase) {
                        case 0 -> {
                            washed[k] += o.out[k];
                            if (r.washToPatient()) {
                                toPatient[k] += o.out[k];
                            } else {
                                eluate[k] += o.out[k];
                            }
                        }
                        case 1 -> {
                            eluted[k] += o.out[k];
                            eluate[k] += o.out[k];
                        }
                        default -> {
                            reeq[k] += o.out[k];
                            eluate[k] += o.out[k];
                        }
                    }
                }
                time = stop;
                if (stop >= phaseEnd) {
                    nextPhase();
                }
            }
        }

        private double[] amounts(double[] state) {
            double[] c = new double[nc];
            loadEq.content(state, c);
            double[] out = new double[ns];
            for (int k = 0; k < ns; k++) {
                out[k] = c[comp[k]] * area;
            }
            return out;
        }
    }

    private String cycleLine(CycleRecord r) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                "  cycle %d, column %d: loaded %.0f mL plasma in %.1f min; captured", r.cycle() + 1, r.column() + 1,
                r.loadedVolume() * 1e6, (r.loadEnd() - r.loadStart()) / 60.0));
        for (int k = 0; k < ns; k++) {
            double in = r.loaded()[k];
            b.append(String.format(java.util.Locale.ROOT, " %s %.0f%%", tc.patient().species().get(k).name(),
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

    /** The loading column case (for callers that need its layout). */
    public ColumnCase loadingColumn() {
        return tc.adsorber().loading();
    }
}
