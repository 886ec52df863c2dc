package org.sorb.numerics;

import org.sorb.model.ColumnCase;
import org.sorb.model.Inlet;
import org.sorb.model.MassBalance;
import org.sorb.model.Profiles;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;

/**
 * Simulates one column case on the Java path: inlet section by section with the adaptive
 * {@link EsdirkStepper}, outlet sampled by cubic interpolation through the stage values, mass balance
 * accumulated with the integrator's own quadrature (eluted = sum_steps h sum_j b_j eps_c u c_out(Y_j)).
 */
public final class ColumnSimulator {
    private final ColumnCase columnCase;
    private final ColumnEquations equations;

    public ColumnSimulator(ColumnCase columnCase) {
        this.columnCase = columnCase;
        this.equations = new ColumnEquations(columnCase);
    }

    public ColumnEquations equations() {
        return equations;
    }

    /** Consistent initial state: uniform c, c_p = c, q given or in equilibrium with c. */
    public double[] initialState() {
        StateLayout layout = equations.layout();
        double[] y = new double[layout.size()];
        double[] c = columnCase.initial().bulk();
        double[] q = columnCase.initial().bound();
        if (q == null) {
            q = BindingEquilibrium.solve(columnCase.binding(), c);
        }
        for (int j = 0; j < layout.axialCells(); j++) {
            for (int i = 0; i < layout.components(); i++) {
                y[layout.bulk(j, i)] = c[i];
            }
            for (int k = 0; k < layout.localBlocks(); k++) {
                if (layout.hasPores()) {
                    for (int i = 0; i < layout.components(); i++) {
                        y[layout.pore(j, k, i)] = c[i];
                    }
                }
                for (int s = 0; s < layout.boundStates(); s++) {
                    y[layout.bound(j, k, s)] = q[s];
                }
            }
        }
        return y;
    }

    /** Runs the whole case without a wall-clock budget. */
    public SimulationResult run(ProgressListener progress) {
        return run(RunBudget.UNLIMITED, progress);
    }

    /**
     * Runs the whole case.
     *
     * @throws SolverException when a budget is spent or the integration cannot continue (see {@link ColumnIntegrator})
     */
    public SimulationResult run(RunBudget budget, ProgressListener progress) {
        long started = System.nanoTime();
        Inlet inlet = columnCase.inlet();
        int nc = equations.components();
        int nz = equations.axialCells();
        double end = inlet.endTime();
        double[] outTimes = outputTimes(columnCase.output().interval(), end);
        double[] outlet = new double[outTimes.length * nc];
        double[] profileTimes = columnCase.output().profileTimes();
        double[] profileBulk = new double[profileTimes.length * nz * nc];
        double[] profileBound = new double[profileTimes.length * nz * nc];

        double[] y0 = initialState();
        double[] content0 = new double[nc];
        equations.content(y0, content0);
        ColumnIntegrator integrator = new ColumnIntegrator(equations, columnCase.solver(), budget.over(end), y0,
                0.0);
        Sampler sampler = new Sampler(outTimes, outlet, nc, progress, end);
        for (int i = 0; i < nc; i++) {
            outlet[i] = equations.outlet(y0, i);
        }
        int nextProfile = 0;
        for (int k = 0; k < inlet.sections().size(); k++) {
            var section = inlet.sections().get(k);
            integrator.inlet(section.concentration(), section.slope(), true);
            while (nextProfile < profileTimes.length && profileTimes[nextProfile] <= section.end()) {
                integrator.advance(profileTimes[nextProfile], sampler);
                recordProfile(integrator.stateView(), nextProfile, profileBulk, profileBound);
                nextProfile++;
            }
            integrator.advance(section.end(), sampler);
        }
        double[] content1 = new double[nc];
        equations.content(integrator.stateView(), content1);
        double[] retained = new double[nc];
        double relError = 0.0;
        for (int i = 0; i < nc; i++) {
            retained[i] = content1[i] - content0[i];
            double scale = Math.max(Math.max(Math.abs(sampler.injected[i]), Math.abs(content0[i])), Double.MIN_NORMAL);
            relError = Math.max(relError, Math.abs(sampler.injected[i] - sampler.eluted[i] - retained[i]) / scale);
        }
        Profiles profiles = null;
        if (profileTimes.length > 0) {
            double[] z = new double[nz];
            for (int j = 0; j < nz; j++) {
                z[j] = (j + 0.5) * equations.cellWidth();
            }
            profiles = new Profiles(profileTimes, z, profileBulk, profileBound);
        }
        double wall = (System.nanoTime() - started) * 1e-9;
        progress.progress(1.0, String.format("t = %.1f s", end));
        return new SimulationResult(outTimes, outlet, nc,
                new MassBalance(sampler.injected, sampler.eluted, retained, relError), profiles,
                new SolverStats(integrator.steps(), integrator.rejectedSteps(), integrator.newtonIterations(),
                        integrator.factorizations(), wall));
    }

    /** Samples the outlet at the output times and accumulates inlet and outlet amounts, step by step. */
    private static final class Sampler implements StepObserver {
        final double[] injected;
        final double[] eluted;
        private final double[] times;
        private final double[] outlet;
        private final int nc;
        private final ProgressListener progress;
        private final double end;
        private int next = 1;
        private double lastReported = -1.0;

        Sampler(double[] times, double[] outlet, int nc, ProgressListener progress, double end) {
            this.times = times;
            this.outlet = outlet;
            this.nc = nc;
            this.progress = progress;
            this.end = end;
            this.injected = new double[nc];
            this.eluted = new double[nc];
        }

        @Override
        public void accepted(AcceptedStep step) {
            double t0 = step.start();
            double h = step.size();
            for (int i = 0; i < nc; i++) {
                injected[i] += step.injectedAmount(i);
                eluted[i] += step.elutedAmount(i);
            }
            double t1 = t0 + h;
            while (next < times.length && times[next] <= t1 * (1.0 + 1e-14)) {
                double theta = Math.min(1.0, (times[next] - t0) / h);
                for (int i = 0; i < nc; i++) {
                    outlet[next * nc + i] = step.outletAt(theta, i);
                }
                next++;
            }
            double fraction = t1 / end;
            if (fraction - lastReported >= 0.001) {
                progress.progress(Math.min(1.0, fraction), String.format("t = %.1f s", t1));
                lastReported = fraction;
            }
        }
    }

    /** Sample times 0, dt, 2 dt, ... up to the end, and the end itself. */
    public static double[] outputTimes(double interval, double end) {
        int count = (int) Math.floor(end / interval + 1e-9);
        boolean endIncluded = Math.abs(count * interval - end) <= 1e-9 * end;
        double[] times = new double[count + (endIncluded ? 1 : 2)];
        for (int k = 0; k <= count; k++) {
            times[k] = Math.min(k * interval, end);
        }
        if (!endIncluded) {
            times[count + 1] = end;
        }
        return times;
    }

    private void recordProfile(double[] y, int s, double[] bulk, double[] bound) {
        StateLayout layout = equations.layout();
        int nz = layout.axialCells();
        int nc = layout.components();
        for (int j = 0; j < nz; j++) {
            int off = (s * nz + j) * nc;
            for (int i = 0; i < nc; i++) {
                bulk[off + i] = y[layout.bulk(j, i)];
            }
            equations.averageBound(y, j, bound, off);
        }
    }
}
