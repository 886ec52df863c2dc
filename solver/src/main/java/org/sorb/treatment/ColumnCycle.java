package org.sorb.treatment;

import java.util.function.Consumer;
import org.sorb.numerics.AcceptedStep;
import org.sorb.numerics.BindingEquilibrium;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnSteppers;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.StateLayout;
import org.sorb.numerics.SteppedColumn;
import org.sorb.numerics.StepObserver;

/**
 * The alternating columns' cycle state machine: each column is READY, ONLINE (loading plasma at Q_p) or
 * REGENERATING (wash, elution, re-equilibration at the regeneration flow, each phase lasting V_phase / Q_reg).
 *
 * <p>The columns are advanced by {@link ColumnSteppers} (Java integrators or a batch device per column).
 * Amounts (kg per species) are the integrators' quadrature of eps_c u c x A; what the wash returns goes to the
 * patient when {@code wash_to_patient}, everything else off-line into the eluate. Each finished regeneration
 * closes a {@link CycleRecord} and hands it to the cycle sink.
 */
final class ColumnCycle {
    private final TreatmentCase tc;
    private final int ns;
    private final int nc;
    private final int[] comp;
    private final int ph;
    private final double qp;
    private final double area;
    private final ColumnEquations loadEq;
    private final ColumnEquations regenEq;
    private final Consumer<CycleRecord> onCycle;
    private final double[] eluate;
    private final Column[] columns;
    private final ColumnSteppers steppers;
    private RunBudget budget = RunBudget.UNLIMITED;
    private int cycleCount;

    /**
     * @param treatment the case
     * @param qp        plasma flow through an on-line column (m^3/s)
     * @param onCycle   receives each cycle when its regeneration ends
     * @param steppers  advances the columns (the caller closes it)
     */
    ColumnCycle(TreatmentCase treatment, double qp, Consumer<CycleRecord> onCycle, ColumnSteppers steppers) {
        this.tc = treatment;
        this.steppers = steppers;
        this.ns = treatment.species();
        this.ph = treatment.adsorber().phComponent();
        this.nc = treatment.adsorber().loading().nComp();
        this.comp = new int[ns];
        for (int k = 0; k < ns; k++) {
            comp[k] = treatment.speciesComponent(k);
        }
        this.qp = qp;
        this.area = treatment.adsorber().area();
        this.onCycle = onCycle;
        this.eluate = new double[ns];
        this.loadEq = new ColumnEquations(treatment.adsorber().loading());
        this.regenEq = new ColumnEquations(treatment.adsorber().regeneration());
        this.columns = new Column[treatment.operation().columns()];
        double[] y0 = bufferState(treatment.operation().regeneration().bufferPh());
        for (int j = 0; j < columns.length; j++) {
            columns[j] = new Column(j, y0.clone());
        }
    }

    /** Sets the wall-clock budget that the column integrations started from now on check. */
    void budget(RunBudget wall) {
        this.budget = wall;
    }

    /** Number of columns. */
    int count() {
        return columns.length;
    }

    /** The first READY column from index {@code next} on, cyclically, or null when none is ready. */
    Column ready(int next) {
        for (int j = 0; j < columns.length; j++) {
            Column cand = columns[(next + j) % columns.length];
            if (cand.state == State.READY) {
                return cand;
            }
        }
        return null;
    }

    /** The earliest end of a regeneration in progress (s), +infinity when none is. */
    double regenerationEnd() {
        double until = Double.POSITIVE_INFINITY;
        for (Column c : columns) {
            if (c.state == State.REGENERATING) {
                until = Math.min(until, c.regenerationEnd());
            }
        }
        return until;
    }

    /** Regenerates every column but {@code online} up to {@code end}; wash returned to the patient goes to toPatient. */
    void regenerateOthers(Column online, double end, double[] toPatient) {
        for (Column c : columns) {
            if (c != online && c.state == State.REGENERATING) {
                c.regenerate(end, toPatient);
            }
        }
    }

    /** Finishes every regeneration after a session; wash returned to the patient goes into the plasma. */
    void finishRegenerations(PatientModel patient) {
        for (Column c : columns) {
            if (c.state == State.REGENERATING) {
                double[] toPatient = new double[ns];
                c.regenerate(Double.POSITIVE_INFINITY, toPatient);
                patient.receive(toPatient);
            }
        }
    }

    /** Amount of each species in all columns, liquid and bound, summed over the columns (kg). */
    double[] content() {
        double[] out = new double[ns];
        double[] c = new double[nc];
        for (Column col : columns) {
            loadEq.content(col.y, c);
            for (int k = 0; k < ns; k++) {
                out[k] += c[comp[k]] * area;
            }
        }
        return out;
    }

    /** Amount collected off-line per species (kg), the live array. */
    double[] eluate() {
        return eluate;
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

    private enum State { READY, ONLINE, REGENERATING }

    /** Sums eps_c u c x A over accepted steps for the patient species (kg). */
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
    final class Column {
        final int index;
        private double[] y;
        private State state = State.READY;
        private SteppedColumn integrator;
        private boolean firstInterval;
        private double loadedVolume;
        private int phase;
        private double phaseEnd;
        private double time;
        // current cycle
        private int session;
        private double waitBefore;
        private double loadStart;
        private double loadEnd;
        private double[] loaded;
        private double[] passed;
        private double[] retained;
        private double[] bound;
        private double[] washed;
        private double[] eluted;
        private double[] reeq;

        private Column(int index, double[] y) {
            this.index = index;
            this.y = y;
        }

        /** Plasma loaded in the current cycle (m^3). */
        double loadedVolume() {
            return loadedVolume;
        }

        /** Goes on-line at time {@code t} (s) for session {@code sessionIndex} after waiting {@code wait} (s). */
        void startLoading(int sessionIndex, double wait, double t) {
            state = State.ONLINE;
            session = sessionIndex;
            waitBefore = wait;
            loadStart = t;
            loadedVolume = 0.0;
            loaded = new double[ns];
            passed = new double[ns];
            integrator = steppers.start(index, loadEq, tc.adsorber().loading().solver(), budget, y, t);
            firstInterval = true;
        }

        /**
         * Loads over [t, end] (s) with the patient's linear inlet segment at plasma pH; adds the amounts in and out
         * (kg) to jin and out.
         */
        void load(PatientModel patient, double t, double end, double[] jin, double[] out) {
            double[] value = new double[nc];
            double[] slope = new double[nc];
            for (int k = 0; k < ns; k++) {
                patient.inlet(k, comp[k], value, slope);
            }
            if (ph >= 0) {
                value[ph] = tc.patient().plasmaPh();
            }
            double[] none = new double[nc];
            integrator.inlet(value, slope, none, none, firstInterval);
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

        /** Goes off-line at time {@code t} (s): records the content and starts the regeneration. */
        void endLoading(double t) {
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
                CycleRecord rec = new CycleRecord(index, session, cycleCount++, waitBefore, loadStart, loadEnd,
                        qp * (loadEnd - loadStart), loaded, passed, retained, bound, washed, eluted, reeq, phaseEnd);
                onCycle.accept(rec);
                return;
            }
            phaseEnd = time + volumes[phase] / r.flow();
            double[] value = new double[nc];
            if (ph >= 0) {
                value[ph] = phase == 1 ? r.elutionPh() : r.bufferPh();
            }
            integrator = steppers.start(index, regenEq, tc.adsorber().regeneration().solver(), budget, y, time);
            double[] none = new double[nc];
            integrator.inlet(value, none, none, none, true);
        }

        /** End of the regeneration if nothing changes (s). */
        private double regenerationEnd() {
            Regeneration r = tc.operation().regeneration();
            double[] volumes = r.phaseVolumes();
            double end = phaseEnd;
            for (int p = phase + 1; p < volumes.length; p++) {
                end += volumes[p] / r.flow();
            }
            return end;
        }

        /** Regenerates up to {@code end}; the wash effluent goes to {@code toPatient} or the eluate. */
        private void regenerate(double end, double[] toPatient) {
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
}
