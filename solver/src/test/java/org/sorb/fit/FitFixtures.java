package org.sorb.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.sorb.backend.JavaBackend;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;

/** A cheap breakthrough case and synthetic curves made by Sorb from it with known parameters plus seeded noise. */
final class FitFixtures {
    /** Relative noise of the synthetic curves: Gaussian, standard deviation 1 % of the feed concentration. */
    static final double NOISE = 0.01;
    /** Feed concentration of the fixture case (kg/m^3 = mg/mL). */
    static final double FEED = 1.0;
    /** Every how many outlet samples a synthetic curve takes a row. */
    static final int EVERY = 1;

    /** A short GRM Langmuir column on a coarse grid: a load of 1 mg/mL for 40 min, outlet every 5 s. */
    static final String CASE = """
            name: fit-fixture
            components: [IgG]
            column: {model: general_rate, length: 2 cm, bed_porosity: 0.35, interstitial_velocity: 6.0e-4,
                     axial_dispersion: 1.0e-7}
            particle: {radius: 50 um, porosity: 0.8, film_diffusion: [2.0e-5], pore_diffusion: [4.0e-12]}
            binding: {model: langmuir, kinetic: true, ka: [0.002], kd: [1.0e-4], qmax: [60.0]}
            inlet:
              - {until: 40 min, concentration: [1.0 mg/mL]}
            discretization: {axial_cells: 10, particle_cells: 4}
            output: {interval: 5 s}
            """;

    private FitFixtures() {
    }

    /** Writes the fixture case into {@code dir} and returns its path. */
    static Path caseFile(Path dir) throws IOException {
        Path file = dir.resolve("fixture.yaml");
        Files.writeString(file, CASE);
        return file;
    }

    /**
     * Simulates the fixture with {@code overrides} and writes every {@link #EVERY}-th outlet sample after t = 0 with
     * noise of {@link #NOISE} x feed (seed {@code seed}) as a CSV curve {@code name}.
     */
    static Path syntheticCurve(Path dir, String name, long seed, String... overrides)
            throws IOException, CaseException {
        return syntheticCurve(caseFile(dir), dir, name, seed, overrides);
    }

    /** As {@link #syntheticCurve(Path, String, long, String...)} for the case file {@code caseFile}. */
    static Path syntheticCurve(Path caseFile, Path dir, String name, long seed, String... overrides)
            throws IOException, CaseException {
        SimulationResult r;
        try (JavaBackend java = new JavaBackend(1)) {
            r = java.simulate(CaseLoader.load(caseFile, List.of(overrides)).model(), ProgressListener.NONE);
        }
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("# synthetic: made by Sorb from " + caseFile.getFileName() + " with " + String.join(" ", overrides)
                + ", Gaussian noise sd " + NOISE + " x feed, seed " + seed);
        lines.add("time (min), IgG (mg/mL)");
        double[] t = r.time();
        for (int k = EVERY; k < t.length; k += EVERY) {
            double c = r.outlet(k, 0) + NOISE * FEED * random.nextGaussian();
            lines.add(String.format(Locale.ROOT, "%.6f, %.8f", t[k] / 60.0, c));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }
}
