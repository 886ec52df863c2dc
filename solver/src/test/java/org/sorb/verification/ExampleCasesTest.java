package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedCase;
import org.sorb.cases.LoadedSweep;
import org.sorb.cases.TreatmentCaseLoader;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * Every case in {@code cases/} loads and runs on a coarse grid (16 x 4 cells, or 4 axial elements on spectral
 * elements) with its mass balance closed (for a sweep case: its first and last designs).
 */
class ExampleCasesTest {
    static Stream<Path> exampleCases() throws IOException {
        Path dir = Path.of(System.getProperty("sorb.repoRoot", ".")).resolve("cases");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).filter(ExampleCasesTest::columnCase).sorted().toList();
        }
        assertTrue(files.size() >= 4, "cases/ should hold the example cases, found " + files);
        return files.stream();
    }

    /** Treatment cases (with a patient: section) are run by org.sorb.treatment's tests. */
    private static boolean columnCase(Path p) {
        try {
            return !TreatmentCaseLoader.isTreatment(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleCases")
    void runsOnCoarseGridWithClosedMassBalance(Path file) throws IOException, CaseException {
        List<String> coarse = List.of("discretization.axial_cells=16", "discretization.particle_cells=4");
        if (!CaseLoader.declaresSweep(file) && CaseLoader.load(file, List.of()).model().discretization().isGalerkin()) {
            // spectral elements take their own keys: half as many axial elements of the same degrees
            coarse = List.of("discretization.axial_elements=4");
        }
        if (CaseLoader.declaresSweep(file)) {
            LoadedSweep sweep = CaseLoader.loadSweep(file, coarse);
            check(file, sweep.designs().get(0));
            check(file, sweep.designs().get(sweep.size() - 1));
        } else {
            check(file, CaseLoader.load(file, coarse));
        }
    }

    private static void check(Path file, LoadedCase loaded) {
        SimulationResult r = new ColumnSimulator(loaded.model()).run(ProgressListener.NONE);
        assertEquals(loaded.model().nComp(), r.nComp());
        for (double v : r.outlet()) {
            assertTrue(Double.isFinite(v), "finite outlet");
        }
        assertTrue(r.massBalance().relativeError() <= Tolerances.MASS_BALANCE,
                file.getFileName() + ": mass balance error " + r.massBalance().relativeError());
    }
}
