package org.sorb.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.LoadedTreatment;
import org.sorb.numerics.ProgressListener;

/** The course case (five sessions and rebound) and the checks that every treatment case keeps. */
class CourseAndCasesTest {
    @Test
    void courseOfFiveSessionsFallsAndRebounds() throws Exception {
        LoadedTreatment t = TreatmentFixtures.load("immunoadsorption-protein-a-course.yaml", List.of());
        TreatmentResult r = new TreatmentSimulator(t.model(), null).run(ProgressListener.NONE);
        assertEquals(5, r.sessionStart().length);
        int ns = r.nSpecies();
        int k1 = r.species().indexOf("IgG1");
        int k3 = r.species().indexOf("IgG3");
        // every session starts lower than the one before, but above where the previous one ended (rebound)
        for (int s = 1; s < 5; s++) {
            double startPrev = level(r, r.sessionStart()[s - 1], k1);
            double endPrev = level(r, r.sessionEnd()[s - 1], k1);
            double start = level(r, r.sessionStart()[s], k1);
            assertTrue(start < startPrev && start > endPrev, "session " + (s + 1) + ": " + startPrev + " -> "
                    + endPrev + " -> " + start);
        }
        double c0 = r.intravascular()[k1];
        double lowest = level(r, r.sessionEnd()[4], k1);
        double last = r.intravascular()[(r.samples() - 1) * ns + k1];
        assertTrue(last > 2 * lowest, "rebound after the course: " + lowest + " -> " + last);
        double course1 = 1 - lowest / c0;
        double course3 = 1 - level(r, r.sessionEnd()[4], k3) / r.intravascular()[k3];
        System.out.printf("course: IgG1 -%.1f%%, IgG3 -%.1f%% after five sessions; mass balance %.2e; wall %.1f s%n",
                100 * course1, 100 * course3, r.balance().relativeError(), r.wallSeconds());
        assertTrue(course1 > 0.8, "over 80% IgG1 removed over the course (Staudt 2002: total IgG > 80%)");
        assertTrue(course3 < course1, "IgG3 removed less than IgG1");
        assertTrue(r.balance().relativeError() <= 1e-8, "mass balance " + r.balance().relativeError());
    }

    @Test
    void antigenSpecificCaseRemovesOnlyTheAutoantibody() throws Exception {
        LoadedTreatment t = TreatmentFixtures.load("immunoadsorption-antigen-specific.yaml", List.of());
        TreatmentResult r = new TreatmentSimulator(t.model(), null).run(ProgressListener.NONE);
        assertTrue(r.reduction(0, 1) > 0.6, "autoantibody reduction " + r.reduction(0, 1));
        assertTrue(r.reduction(0, 0) < 0.02, "IgG reduction " + r.reduction(0, 0));
        assertTrue(r.sessionWait()[0] > 0, "one column: the loop waits");
        assertTrue(r.balance().relativeError() <= 1e-8);
    }

    private static double level(TreatmentResult r, double time, int k) {
        for (int i = 0; i < r.samples(); i++) {
            if (r.time()[i] >= time - 1e-6) {
                return r.intravascular()[i * r.nSpecies() + k];
            }
        }
        return Double.NaN;
    }
}
