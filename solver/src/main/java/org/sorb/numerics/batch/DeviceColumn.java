package org.sorb.numerics.batch;

import java.util.List;
import org.sorb.model.ColumnCase;
import org.sorb.model.TimeIntegration;
import org.sorb.numerics.AcceptedStep;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.InletSegment;
import org.sorb.numerics.NonFiniteState;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.SolverException;
import org.sorb.numerics.StateLayout;
import org.sorb.numerics.SteppedColumn;
import org.sorb.numerics.StepObserver;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;

/**
 * One column advanced on a one-design {@link BatchDevice} with a host-given inlet, by the batched integrator's step
 * core ({@link BatchStepper}): the same step attempts, controller and failure tests as a sweep on that device, driven
 * interval by interval as {@link org.sorb.numerics.ColumnIntegrator} is. Observers get the stage outlets the device
 * gathers and the exact integral of the host's inlet segment, so {@link AcceptedStep#injectedAmount} and
 * {@link AcceptedStep#elutedAmount} are the amounts the Java path gives. The device is the caller's (opened
 * once, reused by the next column of the same physical column, closed by its owner).
 */
public final class DeviceColumn implements SteppedColumn {
    private final BatchDevice device;
    private final ColumnEquations equations;
    private final TimeIntegration tolerances;
    private final RunBudget budget;
    private final BatchStepper stepper;
    private final int nc;
    private final InletSegment inlet;
    private final double[] target = new double[1];
    private final double[] f1;
    private final Step view = new Step();
    private StepObserver observer;

    /**
     * @param device     a device of one design made for {@code KernelConstants.of(equations.columnCase())}
     * @param equations  the discretized column (its coefficients go to the device's parameters)
     * @param tolerances error control and step budget
     * @param budget     wall-clock budget, checked once per step attempt
     * @param y0         initial state (single-column layout), consistent with algebraic constraints
     * @param t0         initial time (s)
     * @throws SolverException when y0 holds a NaN or an infinity
     */
    public DeviceColumn(BatchDevice device, ColumnEquations equations, TimeIntegration tolerances, RunBudget budget,
                        double[] y0, double t0) {
        ColumnCase c = equations.columnCase();
        KernelConstants k = KernelConstants.of(c);
        if (device.designs() != 1 || !device.constants().equals(k)) {
            throw new IllegalArgumentException("a device column needs a device of one design of structure " + k);
        }
        this.device = device;
        this.equations = equations;
        this.tolerances = tolerances;
        this.budget = budget;
        this.nc = k.nc();
        this.inlet = new InletSegment(nc);
        this.f1 = new double[k.unknowns()];
        this.stepper = new BatchStepper(device, List.of(equations), List.of(tolerances), new Host());
        StateLayout layout = equations.layout();
        int bad = layout.firstNonFinite(y0);
        if (bad >= 0) {
            throw new SolverException(NonFiniteState.inInitialState(layout, c.components(), bad, y0[bad],
                    budget.simulatedTime(t0)));
        }
        device.write(Buf.Y, y0);
        device.write(Buf.PREV, y0);
        device.write(Buf.PREV_S2, y0);
        device.write(Buf.PAR, BatchParameters.pack(List.of(c), List.of(equations), k));
        double[] tol = new double[KernelLayout.Tol.length()];
        tol[KernelLayout.Tol.ABS.at(1, 0)] = tolerances.absTol();
        tol[KernelLayout.Tol.REL.at(1, 0)] = tolerances.relTol();
        device.write(Buf.TOL, tol);
        device.write(Buf.TABLEAU, KernelLayout.Tableau.contents());
        stepper.t[0] = t0;
        stepper.h[0] = tolerances.initialStep();
        stepper.eta[0] = 1.0;
        double[] zero = new double[nc];
        setInlet(zero, zero, zero, zero);
    }

    /** The segment from now on, its value into CIN; F1 = F(y) there (into {@link #f1}). */
    private void setInlet(double[] value, double[] slope, double[] quadratic, double[] cubic) {
        inlet.set(stepper.t[0], value, slope, quadratic, cubic);
        device.write(IntBuf.ACTIVE, new int[] {1});
        device.write(Buf.CIN, value);
        device.residual(Buf.Y, Buf.F1);
        device.read(Buf.F1, f1);
    }

    @Override
    public void inlet(double[] value, double[] slope, double[] quadratic, double[] cubic, boolean discontinuous) {
        setInlet(value, slope, quadratic, cubic);
        int bad = equations.layout().firstNonFinite(f1);
        if (bad >= 0) {
            throw new SolverException(NonFiniteState.inRate(equations.layout(), equations.columnCase().components(),
                    bad, f1[bad], budget.simulatedTime(stepper.t[0])));
        }
        if (discontinuous) {
            stepper.restart(0, tolerances.initialStep());
        }
    }

    @Override
    public void advance(double end, StepObserver stepObserver) {
        observer = stepObserver;
        target[0] = end;
        while (stepper.t[0] < end) {
            budget.check(stepper.t[0]);
            stepper.round(target);
            if (stepper.failure[0] != null) {
                throw new SolverException(stepper.failure[0]);
            }
        }
        observer = null;
    }

    @Override
    public double time() {
        return stepper.t[0];
    }

    @Override
    public double[] state() {
        double[] y = new double[f1.length];
        device.readDesign(Buf.Y, 0, y);
        return y;
    }

    @Override
    public long steps() {
        return stepper.work[BatchRecorder.STEPS][0];
    }

    @Override
    public long rejectedSteps() {
        return stepper.work[BatchRecorder.REJECTED][0];
    }

    @Override
    public long newtonIterations() {
        return stepper.work[BatchRecorder.NEWTON_ITERATIONS][0];
    }

    @Override
    public long factorizations() {
        return stepper.work[BatchRecorder.FACTORIZATIONS][0];
    }

    /** The step core's view of this column: its inlet segment, its observer, its time in words. */
    private final class Host implements BatchStepper.Host {
        @Override
        public void inlet(int b, double[] stepInfo) {
            KernelLayout.Step.putInlet(inlet, stepInfo, nc, 1, b);
        }

        @Override
        public void step(int b, double t0, double h, double[] stageOutlets) {
            if (observer != null) {
                view.set(t0, h, stageOutlets);
                observer.accepted(view);
            }
        }

        @Override
        public String at(int b) {
            return budget.simulatedTime(stepper.t[0]);
        }
    }

    /** An accepted step: the gathered stage outlets (OUTLET, one design) and the host's inlet segment. */
    private final class Step implements AcceptedStep {
        private double start;
        private double size;
        private double[] outlets;

        void set(double t0, double h, double[] stageOutlets) {
            start = t0;
            size = h;
            outlets = stageOutlets;
        }

        @Override
        public double start() {
            return start;
        }

        @Override
        public double size() {
            return size;
        }

        @Override
        public double stageOutlet(int j, int i) {
            return outlets[j * nc + i];
        }

        @Override
        public double inletIntegral(int i) {
            return inlet.integral(i, start, size);
        }

        @Override
        public double bulkFraction() {
            return equations.bulkFraction();
        }

        @Override
        public double velocity() {
            return equations.velocity();
        }
    }
}
