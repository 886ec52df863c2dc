package org.sorb.numerics;

/** One column as an {@link ImplicitSystem}: the equations plus a cubic inlet segment ({@link InletSegment}). */
public final class ColumnSystem implements ImplicitSystem {
    private final ColumnEquations equations;
    private final ColumnMatrix matrix;
    private final double[] cIn;
    private final InletSegment inlet;

    public ColumnSystem(ColumnEquations equations) {
        this.equations = equations;
        this.matrix = equations.newMatrix();
        int nc = equations.components();
        this.cIn = new double[nc];
        this.inlet = new InletSegment(nc);
    }

    /** Sets the inlet segment used from now on. */
    public void inlet(double start, double[] value, double[] slope, double[] quadratic, double[] cubic) {
        inlet.set(start, value, slope, quadratic, cubic);
    }

    /** The inlet segment in use. */
    InletSegment inlet() {
        return inlet;
    }

    @Override
    public int size() {
        return equations.layout().size();
    }

    @Override
    public void residual(double t, double[] y, double[] f) {
        for (int i = 0; i < cIn.length; i++) {
            cIn[i] = inlet.value(i, t);
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
