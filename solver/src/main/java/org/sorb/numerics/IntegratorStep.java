package org.sorb.numerics;

/** The {@link AcceptedStep} of a {@link ColumnIntegrator}: its stepper's stages and its system's inlet. */
final class IntegratorStep implements AcceptedStep {
    private final ColumnEquations equations;
    private final ColumnSystem system;
    private EsdirkStepper stepper;
    private double start;
    private double size;

    IntegratorStep(ColumnEquations equations, ColumnSystem system) {
        this.equations = equations;
        this.system = system;
    }

    void set(EsdirkStepper stepper, double start, double size) {
        this.stepper = stepper;
        this.start = start;
        this.size = size;
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
        return equations.outlet(stepper.stage(j), i);
    }

    @Override
    public double inletIntegral(int i) {
        return system.inlet().integral(i, start, size);
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
