package org.sorb.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.backend.Backend;
import org.sorb.backend.JavaBackend;
import org.sorb.backend.opencl.OpenClBackend;
import org.sorb.backend.opencl.OpenClContext;
import org.sorb.backend.opencl.OpenClTestSupport;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;

/** A fit whose Jacobians run as OpenCL batches lands where the Java path's does. */
class OpenClFitTest {
    /**
     * Largest difference of a fitted value between the backends, in standard errors: their outlets differ by the
     * two runs' time-integration errors (about rel_tol = 1e-6), far below the 1 % noise the standard errors reflect.
     */
    static final double SAME_WITHIN_STANDARD_ERRORS = 0.05;
    static final List<String> KEYS = List.of("binding.qmax[0]", "particle.pore_diffusion[0]");

    @TempDir
    Path dir;

    @Test
    void openClBatchesGiveTheJavaFit() throws Exception {
        OpenClTestSupport.requirePlatform();
        Path data = FitFixtures.syntheticCurve(dir, "curve.csv", 11L);
        Path caseFile = FitFixtures.caseFile(dir);
        List<String> start = List.of("binding.qmax[0]=90", "particle.pore_diffusion[0]=6e-12");
        List<Experiment> experiments = List.of(new Experiment("curve", List.of(),
                CurveCsvReader.read(data, List.of("IgG"), "kg/m^3"), 1.0));
        FitResult java;
        FitResult opencl;
        try (Backend b = new JavaBackend(2)) {
            java = fit(b, caseFile, start, experiments);
        }
        try (Backend b = new OpenClBackend(OpenClContext.open(null))) {
            opencl = fit(b, caseFile, start, experiments);
        }
        for (int q = 0; q < KEYS.size(); q++) {
            assertEquals(java.values()[q], opencl.values()[q],
                    SAME_WITHIN_STANDARD_ERRORS * java.standardErrors()[q], KEYS.get(q));
        }
    }

    private static FitResult fit(Backend b, Path caseFile, List<String> start, List<Experiment> experiments)
            throws Exception {
        return Fitter.fit(caseFile, start, experiments, KEYS, Map.of(),
                new BatchRunner(b, RunBudget.UNLIMITED, ProgressListener.NONE), FitSettings.DEFAULT);
    }
}
