package org.sorb.numerics;

/** A semi-explicit DAE M dy/dt = F(t, y) with a factorable iteration matrix N = M - hGamma dF/dy. */
public interface ImplicitSystem {
    /** Number of unknowns. */
    int size();

    /** f = F(t, y). */
    void residual(double t, double[] y, double[] f);

    /** out = M x. */
    void applyMass(double[] x, double[] out);

    /**
     * Assembles and factors N = M - hGamma dF/dy at (t, y).
     *
     * @return false when N is singular
     */
    boolean factor(double t, double[] y, double hGamma);

    /** Solves N x = rhs in place with the last factorization. */
    void solve(double[] rhs);
}
