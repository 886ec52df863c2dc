package org.sorb.numerics;

import org.sorb.model.ColumnCase;
import org.sorb.model.Inlet;
import org.sorb.model.MassBalance;
import org.sorb.model.Profiles;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;
import org.sorb.model.TimeIntegration;

/**
 * Simulates one column case on the Java path: inlet section by section with the adaptive
 * {@link EsdirkStepper}, outlet sampled by cubic interpolation through the stage values, mass balance
 * accumulated with the integrator's own quadrature (eluted = sum_steps h sum_j b_j eps_c u c_out(Y_j)).
 */
public final class ColumnSimulator {
    /** Step-size controller safety factor. */
    static final double SAFETY = 0.9;
    /** Largest and smallest step growth factor per step. */
    static final double MAX_GROWTH = 5.0;
    static final double MIN_GROWTH = 0.2;
    /** Step shrink factor after a Newton failure. */
    static final double NEWTON_FAILURE_SHRINK = 0.25;
    /** Smallest step relative to the simulated time span before giving up. */
    static final double MIN_RELATIVE_STEP = 1e-14;

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

    /** Runs the whole case. */
    public SimulationResult run(ProgressListener progress) {
        long started = System.nanoTime();
        Inlet inlet = columnCase.inlet();
        TimeIntegration tol = columnCase.solver();
        ColumnSystem system = new ColumnSystem(equations, inlet);
        EsdirkStepper stepper = new EsdirkStepper(system, tol.absTol(), tol.relTol());
        int n = system.size();
        int nc = equations.components();
        double end = inlet.endTime();

        double[] outTimes = outputTimes(columnCase.output().interval(), end);
        double[] outlet = new double[outTimes.length * nc];
        double[] profileTimes = columnCase.output().profileTimes();
        int nz = equations.axialCells();
        double[] profileBulk = new double[profileTimes.length * nz * nc];
        double[] profileBound = new double[profileTimes.length * nz * nc];

        double[] y = initialState();
        double[] f1 = new double[n];
        double[] content0 = new double[nc];
        equations.content(y, content0);
        double[] injected = new double[nc];
        double[] eluted = new double[nc];

        int nextOut = 0;
        for (int i = 0; i < nc; i++) {
            outlet[i] = equations.outlet(y, i);
        }
        nextOut = 1;
        int nextProfile = 0;
        if (profileTimes.length > 0 && profileTimes[0] == 0.0) {
            recordProfile(y, 0, profileBulk, profileBound);
            nextProfile = 1;
        }

        double flowWeight = equations.bulkFraction() * equations.velocity();
        double t = 0.0;
        double h = tol.initialStep();
        long steps = 0;
        long rejected = 0;
        double minStep = MIN_RELATIVE_STEP * end;
        double lastReported = -1.0;
        for (int k = 0; k < inlet.sections().size(); k++) {
            system.section(k);
            double sectionEnd = inlet.sections().get(k).end();
            system.residual(t, y, f1);
            if (k > 0) {
                h = Math.min(h, tol.initialStep());
            }
            while (t < sectionEnd) {
                if (steps + rejected >= tol.maxSteps()) {
                    throw new SolverException("step budget of " + tol.maxSteps() + " exhausted at t = " + t + " s");
                }
                double target = sectionEnd;
                if (nextProfile < profileTimes.length && profileTimes[nextProfile] < target) {
                    target = profileTimes[nextProfile];
                }
                double hTry = Math.min(h, target - t);
                boolean landing = false;
                if (t + hTry >= target - 1e-12 * Math.max(1.0, target)) {
                    hTry = target - t;
                    landing = true;
                }
                EsdirkStepper.Status status = stepper.attempt(t, hTry, y, f1);
                if (status != EsdirkStepper.Status.ACCEPTABLE) {
                    rejected++;
                    h = hTry * NEWTON_FAILURE_SHRINK;
                    if (h < minStep) {
                        throw new SolverException("step size underflow at t = " + t + " s (" + status + ")");
                    }
                    continue;
                }
                double err = stepper.errorNorm();
                double growth = err == 0.0 ? MAX_GROWTH
                        : Math.min(MAX_GROWTH, Math.max(MIN_GROWTH, SAFETY * Math.pow(err, -1.0 / Esdirk32.ERROR_ORDER)));
                if (err > 1.0) {
                    rejected++;
                    h = hTry * Math.min(1.0, growth);
                    if (h < minStep) {
                        throw new SolverException("step size underflow at t = " + t + " s (error test)");
                    }
                    continue;
                }
                // accepted: quadrature of inlet and outlet fluxes with the method's weights
                for (int j = 0; j < Esdirk32.STAGES; j++) {
                    double w = hTry * Esdirk32.B[j] * flowWeight;
                    double tj = t + Esdirk32.C[j] * hTry;
                    double[] yj = stepper.stage(j);
                    for (int i = 0; i < nc; i++) {
                        eluted[i] += w * equations.outlet(yj, i);
                        injected[i] += w * system.inlet(i, tj);
                    }
                }
                double tNew = landing ? target : t + hTry;
                while (nextOut < outTimes.length && outTimes[nextOut] <= tNew) {
                    double theta = (outTimes[nextOut] - t) / hTry;
                    for (int i = 0; i < nc; i++) {
                        outlet[nextOut * nc + i] = interpolateOutlet(stepper, theta, i);
                    }
                    nextOut++;
                }
                System.arraycopy(stepper.stage(Esdirk32.STAGES - 1), 0, y, 0, n);
                System.arraycopy(stepper.stageF(Esdirk32.STAGES - 1), 0, f1, 0, n);
                t = tNew;
                steps++;
                if (nextProfile < profileTimes.length && t >= profileTimes[nextProfile]) {
                    recordProfile(y, nextProfile, profileBulk, profileBound);
                    nextProfile++;
                }
                double hNext = hTry * growth;
                h = landing ? Math.max(hNext, h) : hNext;
                double fraction = t / end;
                if (fraction - lastReported >= 0.001) {
                    progress.progress(fraction, String.format("t = %.1f s", t));
                    lastReported = fraction;
                }
            }
        }
        double[] content1 = new double[nc];
        equations.content(y, content1);
        double[] retained = new double[nc];
        double relError = 0.0;
        for (int i = 0; i < nc; i++) {
            retained[i] = content1[i] - content0[i];
            double scale = Math.max(Math.max(Math.abs(injected[i]), Math.abs(content0[i])), Double.MIN_NORMAL);
            relError = Math.max(relError, Math.abs(injected[i] - eluted[i] - retained[i]) / scale);
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
        progress.progress(1.0, String.format("t = %.1f s", t));
        return new SimulationResult(outTimes, outlet, nc, new MassBalance(injected, eluted, retained, relError),
                profiles, new SolverStats(steps, rejected, stepper.newtonIterations(), stepper.factorizations(), wall));
    }

    /** Sample times 0, dt, 2 dt, ... up to the end, and the end itself. */
    static double[] outputTimes(double interval, double end) {
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

    /** Cubic Lagrange interpolation of the outlet through the four stage values at relative times C_j. */
    private double interpolateOutlet(EsdirkStepper stepper, double theta, int i) {
        double value = 0.0;
        for (int j = 0; j < Esdirk32.STAGES; j++) {
            double l = 1.0;
            for (int m = 0; m < Esdirk32.STAGES; m++) {
                if (m != j) {
                    l *= (theta - Esdirk32.C[m]) / (Esdirk32.C[j] - Esdirk32.C[m]);
                }
            }
            value += l * equations.outlet(stepper.stage(j), i);
        }
        return value;
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
