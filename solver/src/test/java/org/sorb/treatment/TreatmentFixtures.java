package org.sorb.treatment;

import java.nio.file.Path;
import java.util.List;
import org.sorb.cases.LoadedTreatment;
import org.sorb.cases.TreatmentCaseLoader;
import org.sorb.numerics.ProgressListener;

/** Shared treatment runs for the tests (each simulated once per test JVM). */
final class TreatmentFixtures {
    /** Coarse settings for the protein A session: 8 x 3 cells, 30 s coupling (within 0.2% of 12 x 4 at 10 s). */
    static final List<String> COARSE = List.of("discretization.axial_cells=8", "discretization.particle_cells=3",
            "schedule.coupling_interval=30 s");

    private static TreatmentResult session;

    private TreatmentFixtures() {
    }

    static Path repo() {
        return Path.of(System.getProperty("sorb.repoRoot", ".")).toAbsolutePath().normalize();
    }

    static Path caseFile(String name) {
        return repo().resolve("cases").resolve(name);
    }

    static LoadedTreatment load(String name, List<String> overrides) throws Exception {
        return TreatmentCaseLoader.load(caseFile(name), overrides);
    }

    /** The protein A session case on the coarse grid. */
    static synchronized TreatmentResult session() throws Exception {
        if (session == null) {
            LoadedTreatment t = load("immunoadsorption-protein-a-session.yaml", COARSE);
            session = new TreatmentSimulator(t.model(), null).run(ProgressListener.NONE);
        }
        return session;
    }

    /** Loads a treatment case from text. */
    static LoadedTreatment parse(String yaml, List<String> overrides) throws Exception {
        return TreatmentCaseLoader.parse(yaml, "test", overrides);
    }
}
