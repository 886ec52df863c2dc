package org.sorb.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.CaseLoader;
import org.sorb.model.ColumnCase;

/** The wall-clock budget: its deadline, its words, and a column run that it stops. */
class RunBudgetTest {
    private static final long SECOND = 1_000_000_000L;

    static ColumnCase langmuir(String... overrides) throws Exception {
        String text;
        try (InputStream in = RunBudgetTest.class.getResourceAsStream("/sweeps/grid-langmuir.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return CaseLoader.parse(text.substring(0, text.indexOf("sweep:")), "budget", List.of(overrides)).model();
    }

    @Test
    void aDeadlineIsSpentWhenItsTimeHasCome() {
        long now = System.nanoTime();
        assertTrue(RunBudget.wallClock(1e-3, now - SECOND).exhausted());
        assertFalse(RunBudget.wallClock(3600, now).exhausted());
        assertFalse(RunBudget.UNLIMITED.exhausted());
        assertFalse(RunBudget.UNLIMITED.limited());
        RunBudget forever = RunBudget.wallClock(1e12, now - SECOND);
        assertFalse(forever.limited(), "a budget of 30,000 years is none");
        assertFalse(forever.exhausted());
        assertThrows(IllegalArgumentException.class, () -> RunBudget.wallClock(0.0, now));
        assertThrows(IllegalArgumentException.class, () -> RunBudget.wallClock(Double.NaN, now));
    }

    @Test
    void itsMessageSaysTheBudgetAndHowFarTheSimulationGot() {
        RunBudget b = RunBudget.wallClock(7200, System.nanoTime() - 3 * 3600 * SECOND);
        assertEquals("wall-clock budget of 2 h exhausted at simulated t = 12.5 s", b.exhaustedAt(12.5));
        assertEquals("wall-clock budget of 2 h exhausted at simulated t = 12.5 s of 4800 s",
                b.over(4800).exhaustedAt(12.5));
        SolverException e = assertThrows(SolverException.class, () -> b.over(60).check(0.0));
        assertEquals("wall-clock budget of 2 h exhausted at simulated t = 0 s of 60 s", e.getMessage());
        assertEquals("90 min", RunBudget.duration(5400));
        assertEquals("30 s", RunBudget.duration(30));
        assertEquals("1 ms", RunBudget.duration(1e-3));
        assertEquals("2.5 s", RunBudget.duration(2.5));
        assertEquals("1.5e-07", RunBudget.number(1.5e-7));
        assertEquals("0.031", RunBudget.number(0.031));
    }

    @Test
    void aSpentBudgetStopsAColumnRunBeforeItsFirstStep() throws Exception {
        ColumnCase c = langmuir();
        RunBudget spent = RunBudget.wallClock(1e-3, System.nanoTime() - SECOND);
        SolverException e = assertThrows(SolverException.class,
                () -> new ColumnSimulator(c).run(spent, ProgressListener.NONE));
        assertEquals("wall-clock budget of 1 ms exhausted at simulated t = 0 s of 480 s", e.getMessage());
    }

    @Test
    void aBudgetStopsALongColumnRunWithinAStepOfItsDeadline() throws Exception {
        // a fine grid at tight tolerances: seconds of work, stopped after 0.2 s
        ColumnCase c = langmuir("discretization.axial_cells=64", "discretization.particle_cells=8",
                "solver.abs_tol=1e-11", "solver.rel_tol=1e-9");
        double limit = 0.2;
        long started = System.nanoTime();
        SolverException e = assertThrows(SolverException.class,
                () -> new ColumnSimulator(c).run(RunBudget.wallClock(limit, started), ProgressListener.NONE));
        double elapsed = (System.nanoTime() - started) * 1e-9;
        assertTrue(e.getMessage().startsWith("wall-clock budget of 200 ms exhausted at simulated t = "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" s of 480 s"), e.getMessage());
        assertTrue(elapsed >= limit && elapsed < limit + 1.5, "stopped after " + elapsed + " s");
    }
}
