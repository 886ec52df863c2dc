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
    /** Copies of the outlet and profiles while the result is made: the simulator's and the result record's. */
    static final int RESULT_COPIES = 2;

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
        double[] outlet = new double[Sizes.length(outletElements(columnCase), "outlet samples")];
        double[] profileTimes = columnCase.output().profileTimes();
        double[] profileBulk = new double[Sizes.length(profileElements(columnCase), "profile snapshots")];
        double[] profileBound = new double[profileBulk.length];

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
            integrator.inlet(section.concentration(), section.slope(), section.quadratic(), section.cubic(), true);
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
                z[j] = equations.position(j);
            }
            profiles = new Profiles(profileTimes, z, profileBulk, profileBound);
        }
        double wall = (System.nanoTime() - started) * 1e-9;
        progress.progress(1.0, String.format(java.util.Locale.ROOT, "t = %.1f s", end));
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
            if (fraction - lastReported >= 0.001 && progress != ProgressListener.NONE) {
                progress.progress(Math.min(1.0, fraction), String.format(java.util.Locale.ROOT, "t = %.1f s", t1));
                lastReported = fraction;
            }
        }
    }

    /** Sample times 0, dt, 2 dt, ... up to the end, and the end itself ({@link #sampleCount} of them). */
    public static double[] outputTimes(double interval, double end) {
        double[] times = new double[Sizes.length(sampleCount(interval, end), "outlet samples")];
        int count = (int) lastMultiple(interval, end);
        for (int k = 0; k <= count; k++) {
            times[k] = Math.min(k * interval, end);
        }
        if (times.length == count + 2) {
            times[count + 1] = end;
        }
        return times;
    }

    /** m = floor(end / interval + 1e-9): the last sample k interval before the end. */
    private static double lastMultiple(double interval, double end) {
        return Math.floor(end / interval + 1e-9);
    }

    /**
     * Outlet samples from 0 to {@code end} every {@code interval}: m + 1 with m = floor(end / interval + 1e-9),
     * plus the end itself unless |m interval - end| <= 1e-9 end; Long.MAX_VALUE when that does not fit a long.
     */
    public static long sampleCount(double interval, double end) {
        double m = lastMultiple(interval, end);
        if (!(m < 0x1p62)) {
            return Long.MAX_VALUE;
        }
        boolean endIncluded = Math.abs(m * interval - end) <= 1e-9 * end;
        return (long) m + (endIncluded ? 1 : 2);
    }

    /**
     * Adds what {@link #run} allocates for {@code c}: the initial state, the integrator, the outlet samples and
     * their times, the profile snapshots (bulk and bound, n_s N_z n_comp each), and the result's copies of them.
     */
    public static Footprint footprint(ColumnCase c) {
        StateLayout layout = StateLayout.of(c);
        Footprint f = new Footprint();
        f.doubles(Footprint.Part.GRID, 1, layout.unknowns());
        ColumnIntegrator.footprint(c, f);
        f.doubles(Footprint.Part.OUTLET, RESULT_COPIES, samples(c));
        f.doubles(Footprint.Part.OUTLET, RESULT_COPIES, outletElements(c));
        f.doubles(Footprint.Part.PROFILES, 2 * RESULT_COPIES, profileElements(c));
        return f;
    }

    /** Outlet samples of {@code c}: {@link #sampleCount} over its inlet's end. */
    public static long samples(ColumnCase c) {
        return sampleCount(c.output().interval(), c.inlet().endTime());
    }

    /** Outlet values of {@code c}: samples x n_comp. */
    public static long outletElements(ColumnCase c) {
        return Sizes.times(samples(c), c.nComp());
    }

    /** Values of one profile array (bulk or bound) of {@code c}: n_s N_z n_comp. */
    public static long profileElements(ColumnCase c) {
        return Sizes.times(c.output().profileTimes().length, c.discretization().axialCells(), c.nComp());
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
