package org.sorb.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.Particle;
import org.sorb.model.SimulationResult;
import org.sorb.model.TimeIntegration;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.SolverException;

/**
 * Designs that go non-finite or spend their step budget fail with a message that says where, and the other designs
 * of their batch finish with exactly their single runs (Java backend) or the single runs to round-off (the batched
 * integrator on the reference device in {@code ReferenceBatchDeviceTest}; the OpenCL device in
 * {@code OpenClBackendTest}).
 */
public class FailedDesignsTest {
    /**
     * Pore diffusion that overflows the shells' exchange on the first step attempts (a NaN stage state). At such
     * magnitudes whether an iterate overflows or the Newton iteration fails on finite values until the step size
     * underflows depends on the step sequence and the arithmetic: 1e200 overflowed with the standard step-size
     * controller only; with the PI controller, the Newton tolerance 0.1 and the quadratic stage predictors,
     * 5e208 to 2e209 overflow on the Java path and on the kernels (PoCL) alike (scanned 1e201 to 1e299).
     */
    static final double OVERFLOWS_IN_A_STEP = 1e209;
    /** Pore diffusion whose shell coefficients are infinite: the rates are NaN at the start. */
    static final double OVERFLOWS_AT_THE_START = 1e300;
    static final double WHOLE_RUN_RELATIVE = 1e-9;

    /** The coarse Langmuir breakthrough of the sweep tests, four designs (qmax 80, 100, 120, 140). */
    static List<ColumnCase> base() throws IOException, CaseException {
        String text;
        try (InputStream in = FailedDesignsTest.class.getResourceAsStream("/sweeps/grid-langmuir.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sweep = text.substring(0, text.indexOf("sweep:"))
                + "sweep:\n  parameters:\n    binding.qmax[0]: [80, 100, 120, 140]\n";
        return CaseLoader.parseSweep(sweep, "failing", List.of()).models();
    }

    /** {@code c} with pore diffusion {@code dp}, through the model (validation of case files does not matter here). */
    static ColumnCase withPoreDiffusion(ColumnCase c, double dp) {
        Particle p = c.particle();
        return new ColumnCase(c.name(), c.components(), c.column(), new Particle(p.radius(), p.porosity(),
                p.filmDiffusion(), new double[] {dp}), c.binding(), c.inlet(), c.initial(), c.discretization(),
                c.solver(), c.output());
    }

    /** Designs 0 and 2 are sound; design 1 goes non-finite in a step attempt, design 3 at the start. */
    public static List<ColumnCase> designsWithNonFiniteOnes() throws IOException, CaseException {
        List<ColumnCase> d = new ArrayList<>(base());
        d.set(1, withPoreDiffusion(d.get(1), OVERFLOWS_IN_A_STEP));
        d.set(3, withPoreDiffusion(d.get(3), OVERFLOWS_AT_THE_START));
        return d;
    }

    /** Checks the outcomes of {@link #designsWithNonFiniteOnes}: the failures named, the others as their single runs. */
    public static void checkNonFiniteOutcomes(List<ColumnCase> designs, List<DesignOutcome> got, double relative) {
        assertEquals(4, got.size());
        String step = got.get(1).failure();
        assertTrue(step.startsWith("non-finite state (") && step.contains(") at simulated t = "), step);
        assertTrue(step.contains(" of 480 s, in a step attempt of h = "), step);
        assertTrue(step.contains(": pore liquid c_p of component IgG in axial cell "), step);
        assertTrue(step.contains(" of 8 (from 0 at the inlet), particle shell "), step);
        assertEquals("non-finite rate dy/dt (NaN) at simulated t = 0 s of 480 s: pore liquid c_p of component IgG in "
                + "axial cell 0 of 8 (from 0 at the inlet), particle shell 0 of 3 (from 0 at the surface) (the inlet "
                + "or the parameters overflow)", got.get(3).failure());
        for (int d : new int[] {0, 2}) {
            assertFalse(got.get(d).failed(), "design " + d + ": " + got.get(d).failure());
            SimulationResult single = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
            SimulationResult batch = got.get(d).result();
            double scale = 0.0;
            double diff = 0.0;
            for (int i = 0; i < single.outlet().length; i++) {
                scale = Math.max(scale, Math.abs(single.outlet()[i]));
                diff = Math.max(diff, Math.abs(single.outlet()[i] - batch.outlet()[i]));
            }
            assertTrue(diff <= relative * scale, "design " + d + ": outlet differs from its single run by "
                    + diff / scale);
            assertEquals(single.time().length, batch.time().length);
        }
    }

    @Test
    void theSingleRunsOfTheNonFiniteDesignsSayWhere() throws Exception {
        List<ColumnCase> designs = designsWithNonFiniteOnes();
        for (int d : new int[] {1, 3}) {
            SolverException e = assertThrows(SolverException.class,
                    () -> new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE));
            assertTrue(e.getMessage().startsWith("non-finite "), e.getMessage());
        }
    }

    @Test
    void onTheJavaBackendTheNonFiniteDesignsFailAndTheOthersAreTheirSingleRuns() throws Exception {
        List<ColumnCase> designs = designsWithNonFiniteOnes();
        for (int threads : new int[] {1, 3}) {
            List<DesignOutcome> got = new JavaBackend(threads).runBatch(designs, RunBudget.UNLIMITED,
                    ProgressListener.NONE);
            checkNonFiniteOutcomes(designs, got, 0.0);
            for (int d : new int[] {1, 3}) {
                SolverException e = assertThrows(SolverException.class,
                        () -> new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE));
                assertEquals(e.getMessage(), got.get(d).failure(), "the batch says what the single run says");
            }
        }
        DesignFailedException e = assertThrows(DesignFailedException.class,
                () -> new JavaBackend(2).simulateBatch(designs, ProgressListener.NONE));
        assertEquals(1, e.design());
        assertTrue(e.getMessage().startsWith("design 1: non-finite state (NaN) at simulated t = "), e.getMessage());
    }

    @Test
    void aSpentStepBudgetSaysSoAndTheOtherDesignsFinish() throws Exception {
        List<ColumnCase> designs = new ArrayList<>(base());
        ColumnCase c = designs.get(2);
        designs.set(2, new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), c.inlet(),
                c.initial(), c.discretization(), new TimeIntegration(c.solver().absTol(), c.solver().relTol(),
                c.solver().initialStep(), 7), c.output()));
        SolverException single = assertThrows(SolverException.class,
                () -> new ColumnSimulator(designs.get(2)).run(ProgressListener.NONE));
        assertTrue(single.getMessage().startsWith("step budget of 7 step attempts (solver.max_steps) exhausted at "
                + "simulated t = "), single.getMessage());
        assertTrue(single.getMessage().endsWith(" s of 480 s"), single.getMessage());
        List<DesignOutcome> java = new JavaBackend(2).runBatch(designs, RunBudget.UNLIMITED, ProgressListener.NONE);
        assertEquals(single.getMessage(), java.get(2).failure());
        for (int d : new int[] {0, 1, 3}) {
            assertFalse(java.get(d).failed(), java.get(d).failure());
        }
        SimulationResult first = new ColumnSimulator(designs.get(0)).run(ProgressListener.NONE);
        assertArrayEquals(first.outlet(), java.get(0).result().outlet(), 0.0);
    }
}
