package org.sorb.numerics;

import org.sorb.model.Inlet;

/** One column within one inlet section as an {@link ImplicitSystem}: the equations plus c_in(t). */
final class ColumnSystem implements ImplicitSystem {
    private final ColumnEquations equations;
    private final IterationMatrix matrix;
    private final Inlet inlet;
    private final double[] cIn;
    private int section;

    ColumnSystem(ColumnEquations equations, Inlet inlet) {
        this.equations = equations;
        this.matrix = new IterationMatrix(equations.layout());
        this.inlet = inlet;
        this.cIn = new double[equations.components()];
    }

    /** Selects the inlet section whose c_in(t) the residual uses. */
    void section(int k) {
        this.section = k;
    }

    /** Inlet concentration of component i at time t in the current section. */
    double inlet(int i, double t) {
        return inlet.value(section, i, t);
    }

    @Override
    public int size() {
        return equations.layout().size();
    }

    @Override
    public void residual(double t, double[] y, double[] f) {
        for (int i = 0; i < cIn.length; i++) {
            cIn[i] = inlet.value(section, i, t);
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
