package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.LoadedTreatment;
import org.sorb.cases.TreatmentCaseLoader;
import org.sorb.numerics.ColumnSteppers;
import org.sorb.numerics.ProgressListener;
import org.sorb.treatment.TreatmentAgreement;
import org.sorb.treatment.TreatmentResult;
import org.sorb.treatment.TreatmentSimulator;

/**
 * A treatment session (the protein A case on the coarse grid of the treatment tests: pH-Langmuir columns, pH-step
 * elution) with its columns on the OpenCL kernels, against the Java path. The kernels round differently, so the
 * step sequences part; the bound is the one of {@link RandomDesignsAgreementTest}: the OpenCL run's time-integration
 * error, measured against a Java run with 1000x tighter tolerances on the same grid, is at most
 * {@link #ERROR_FACTOR} times the Java run's own plus {@link #FLOOR} (the quantities are fractions: session
 * reductions and the final plasma concentrations over their largest, {@link TreatmentAgreement}). The amounts balance
 * as on the Java path.
 */
class OpenClTreatmentTest extends OnOpenClDevice {
    static final double ERROR_FACTOR = 3.0;
    static final double FLOOR = 1e-9;
    static final double TIGHTER = 1e-3;
    static final double BALANCE = 1e-8;
    static final List<String> COARSE = List.of("discretization.axial_cells=8", "discretization.particle_cells=3",
            "schedule.coupling_interval=30 s");

    private static LoadedTreatment load(List<String> extra) throws Exception {
        List<String> o = new ArrayList<>(COARSE);
        o.addAll(extra);
        return TreatmentCaseLoader.load(Path.of(System.getProperty("sorb.repoRoot", ".")).toAbsolutePath().resolve("cases")
                .resolve("immunoadsorption-protein-a-session.yaml"), o);
    }

    private static TreatmentResult run(LoadedTreatment t, ColumnSteppers steppers) {
        return new TreatmentSimulator(t.model(), null, steppers).run(ProgressListener.NONE);
    }

    @Test
    void sessionOnOpenClEqualsTheJavaPathWithinItsTimeError() throws Exception {
        LoadedTreatment t = load(List.of());
        double abs = t.model().adsorber().loading().solver().absTol();
        double rel = t.model().adsorber().loading().solver().relTol();
        LoadedTreatment tight = load(List.of("solver.abs_tol=" + abs * TIGHTER, "solver.rel_tol=" + rel * TIGHTER));
        TreatmentResult java = run(t, ColumnSteppers.JAVA);
        TreatmentResult reference = run(tight, ColumnSteppers.JAVA);
        TreatmentResult cl;
        try (OpenClBackend backend = new OpenClBackend(context);
             ColumnSteppers columns = backend.columnSteppers()) {
            cl = run(t, columns);
        }
        double eJava = TreatmentAgreement.difference(java, reference);
        double eCl = TreatmentAgreement.difference(cl, reference);
        double apart = TreatmentAgreement.difference(cl, java);
        System.out.printf("treatment on OpenCL: |cl - java| %.3e, e_java %.3e, e_opencl %.3e, balance %.3e"
                + " (java %.3e), cycles %d (java %d)%n", apart, eJava, eCl, cl.balance().relativeError(),
                java.balance().relativeError(), cl.cycles().size(), java.cycles().size());
        assertTrue(eJava > 0.0, "the tighter run differs from the Java run, so the bound measures something");
        assertTrue(eCl <= ERROR_FACTOR * eJava + FLOOR, "OpenCL error " + eCl + " > " + ERROR_FACTOR + " x Java's "
                + eJava + " + " + FLOOR);
        assertTrue(cl.balance().relativeError() <= BALANCE, "balance " + cl.balance().relativeError());
    }
}
