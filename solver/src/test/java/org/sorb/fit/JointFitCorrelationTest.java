package org.sorb.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.backend.JavaBackend;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;

/**
 * Two flows fitted jointly with the film coefficient from the Wilson-Geankoplis correlation: the fitted film
 * parameter is the molecular diffusivity D_m, and k_f = (1.09/eps_c)(D_m/d_p)(u_s d_p/D_m)^(1/3) follows each
 * experiment's flow by itself (no {@code scale:} in the experiments), so the second flow lowers the correlation of
 * film and pore transfer below the single curve's, as {@link JointFitTest} shows with an explicit scale.
 * D_m = 3.2e-13 m^2/s is not a protein's (IgG: 4e-11): it puts the film resistance R/(3 k_f) = 52 s at the slow
 * flow beside the pore resistance R^2/(15 eps_p D_p) = 13 s, where the data can tell them apart at all.
 */
class JointFitCorrelationTest {
    static final List<String> KEYS = List.of("particle.film_diffusion.molecular_diffusion[0]",
            "particle.pore_diffusion[0]");
    /** The true molecular diffusivity (m^2/s) and pore diffusivity (m^2/s). */
    static final double[] TRUTH = {3.2e-13, 4.0e-12};
    /** The fast experiment: 8x the interstitial velocity, a shorter load, finer sampling. */
    static final List<String> FAST_RUN = List.of("column.interstitial_velocity=4.8e-3", "inlet[0].until=8 min",
            "output.interval=1 s");
    static final String CASE = FitFixtures.CASE.replace("film_diffusion: [2.0e-5]",
            "film_diffusion: {correlation: wilson_geankoplis, molecular_diffusion: [" + TRUTH[0] + "]}");

    @TempDir
    Path dir;

    @Test
    void secondFlowLowersTheCorrelationWhenTheFilmFollowsTheFlow() throws Exception {
        assertTrue(!CASE.equals(FitFixtures.CASE), "the fixture's film line changed; update CASE");
        Path caseFile = dir.resolve("correlation.yaml");
        Files.writeString(caseFile, CASE);
        Experiment slow = new Experiment("slow", List.of(), CurveCsvReader.read(
                FitFixtures.syntheticCurve(caseFile, dir, "slow.csv", 3L), List.of("IgG"), "kg/m^3"), 1.0);
        Experiment fast = new Experiment("fast", FAST_RUN, CurveCsvReader.read(FitFixtures.syntheticCurve(caseFile, dir,
                "fast.csv", 4L, FAST_RUN.toArray(new String[0])), List.of("IgG"), "kg/m^3"), 1.0);
        List<String> start = List.of("particle.film_diffusion.molecular_diffusion[0]=5e-13",
                "particle.pore_diffusion[0]=6e-12");
        FitResult single;
        FitResult joint;
        try (JavaBackend java = new JavaBackend(2)) {
            BatchRunner runner = new BatchRunner(java, RunBudget.UNLIMITED, ProgressListener.NONE);
            single = Fitter.fit(caseFile, start, List.of(slow), KEYS, Map.of(), runner,
                    FitSettings.DEFAULT);
            joint = Fitter.fit(caseFile, start, List.of(slow, fast), KEYS, Map.of(), runner,
                    FitSettings.DEFAULT);
        }
        JointFitTest.assertSeparated("D_m/D_p", single, joint, KEYS, TRUTH);
    }
}
