package org.sorb.numerics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SpectralElements;
import org.sorb.model.StericMassActionBinding;
import org.sorb.verification.TestCases;
import org.sorb.verification.Tolerances;

/**
 * The analytic iteration matrix N = M - h gamma dF/dy and its structured solve, against a dense matrix built
 * from central finite differences of the residual, on random states, for every model, binding and scheme.
 */
class IterationMatrixTest {
    static Stream<Arguments> configurations() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (ColumnModel m : ColumnModel.values()) {
            for (String binding : new String[] {"linear", "langmuir", "bi_langmuir", "ph_langmuir", "steric_mass_action"}) {
                for (boolean kinetic : new boolean[] {true, false}) {
                    for (String grid : new String[] {"weno3", "koren", "dg", "dg-exact", "dg-shells"}) {
                        b.add(Arguments.of(m, binding, kinetic, grid, 2));
                        if (binding.equals("linear") || binding.equals("langmuir")) {
                            // one component with one bound state: ParticleBandMatrix's written-out solve
                            b.add(Arguments.of(m, binding, kinetic, grid, 1));
                        }
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * Finite volumes (6 x 3 equal-volume cells) with a scheme, or DG (2 elements of degree 2, particle 2 x P2, or
     * 3 finite-volume shells: particle degree 0).
     */
    static Discretization grid(String name) {
        return switch (name) {
            case "dg" -> Discretization.galerkin(new SpectralElements(2, 2, 2, 2, false));
            case "dg-exact" -> Discretization.galerkin(new SpectralElements(2, 2, 2, 2, true));
            case "dg-shells" -> Discretization.galerkin(new SpectralElements(2, 2, 3, 0, false));
            default -> new Discretization(6, 3, ParticleGrid.EQUAL_VOLUME, ConvectionScheme.fromKey(name));
        };
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} {3} components={4}")
    @MethodSource("configurations")
    void structuredSolveInvertsFiniteDifferenceMatrix(ColumnModel model, String binding, boolean kinetic,
                                                      String gridName, int components) {
        // SMA in the normalised form (c_ref, q_ref near the states' scale): with c_ref = q_ref = 1 and Lambda = 1200,
        // qbar^nu ~ 1e14 makes the dense finite-difference matrix too ill-conditioned to check a solve against
        BindingModel bm = binding.equals("steric_mass_action")
                ? new StericMassActionBinding(kinetic, 1200.0, new double[] {3.0}, new double[] {2.0},
                        new double[] {4.7}, new double[] {11.83}, 0.5, 1200.0)
                : TestCases.binding(binding, components, kinetic, 1.0);
        ColumnCase base = TestCases.benchmarkColumn(model, bm, 6, 3,
                java.util.Arrays.copyOf(new double[] {1.0, 0.5}, components), 10.0, 20.0, 1.0, 1e-8, 1e-6);
        ColumnCase c = new ColumnCase(base.name(), base.components(), base.column(), base.particle(), base.binding(),
                base.inlet(), base.initial(), grid(gridName),
                base.solver(), base.output());
        ColumnEquations eq = new ColumnEquations(c);
        int n = eq.layout().size();
        Random rnd = new Random(42);
        double[] y = new double[n];
        for (int l = 0; l < n; l++) {
            y[l] = 0.1 + rnd.nextDouble();
        }
        double hGamma = 0.37;
        double[] cIn = java.util.Arrays.copyOf(new double[] {0.8, 0.3}, components);
        // dense N by central differences: N = M - hGamma dF/dy
        double[][] dense = new double[n][n];
        double[] fp = new double[n];
        double[] fm = new double[n];
        double[] unit = new double[n];
        double[] mass = new double[n];
        for (int col = 0; col < n; col++) {
            double eps = 1e-6 * Math.max(1.0, Math.abs(y[col]));
            double keep = y[col];
            y[col] = keep + eps;
            eq.residual(y, cIn, fp);
            y[col] = keep - eps;
            eq.residual(y, cIn, fm);
            y[col] = keep;
            java.util.Arrays.fill(unit, 0.0);
            unit[col] = 1.0;
            eq.applyMass(unit, mass);
            for (int row = 0; row < n; row++) {
                dense[row][col] = mass[row] - hGamma * (fp[row] - fm[row]) / (2 * eps);
            }
        }
        ColumnMatrix m = eq.newMatrix();
        eq.assemble(y, hGamma, m);
        assertTrue(m.factor(), "factorization");
        double[] x = new double[n];
        for (int l = 0; l < n; l++) {
            x[l] = rnd.nextGaussian();
        }
        double[] rhs = new double[n];
        double scale = 0.0;
        for (int row = 0; row < n; row++) {
            double s = 0.0;
            for (int col = 0; col < n; col++) {
                s += dense[row][col] * x[col];
            }
            rhs[row] = s;
        }
        m.solve(rhs);
        double err = 0.0;
        for (int l = 0; l < n; l++) {
            err = Math.max(err, Math.abs(rhs[l] - x[l]));
            scale = Math.max(scale, Math.abs(x[l]));
        }
        assertTrue(err / scale <= Tolerances.LINEAR_SOLVE_RELATIVE, "relative solve error " + err / scale);
    }
}
