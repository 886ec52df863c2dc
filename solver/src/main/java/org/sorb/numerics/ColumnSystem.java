package org.sorb.numerics;

/**
 * One column as an {@link ImplicitSystem}: the equations plus a linear inlet segment
 * c_in,i(t) = c0_i + slope_i (t - start).
 */
public final class ColumnSystem implements ImplicitSystem {
    private final ColumnEquations equations;
    private final IterationMatrix matrix;
    private final double[] cIn;
    private final double[] inletValue;
    private final double[] inletSlope;
    private double inletStart;

    public ColumnSystem(ColumnEquations equations) {
        this.equations = equations;
        this.matrix = new IterationMatrix(equations.layout());
        int nc = equations.components();
        this.cIn = new double[nc];
        this.inletValue = new double[nc];
        this.inletSlope = new double[nc];
    }

    /** Sets the inlet segment used from now on. */
    public void inlet(double start, double[] value, double[] slope) {
        inletStart = start;
        System.arraycopy(value, 0, inletValue, 0, inletValue.length);
        System.arraycopy(slope, 0, inletSlope, 0, inletSlope.length);
    }

    /** Inlet concentration of component i at time t. */
    double inlet(int i, double t) {
        return inletValue[i] + inletSlope[i] * (t - inletStart);
    }

    @Override
    public int size() {
        return equations.layout().size();
    }

    @Override
    public void residual(double t, double[] y, double[] f) {
        for (int i = 0; i < cIn.length; i++) {
            cIn[i] = inletValue[i] + inletSlope[i] * (t - inletStart);
        }
        equations.residual(y, cIn, f);
    }

    @Override
    public void applyMass(double[] x, double[] out) {
        equations.applyMass(x, out);
    }

    @Override
    public boolean factor(double t, double[] y, double hGamma) {
        equations.assemble(y, hGamma, matrix);
        return matrix.factor();
    }

    @Override
    public void solve(double[] rhs) {
        matrix.solve(rhs);
    }
}
