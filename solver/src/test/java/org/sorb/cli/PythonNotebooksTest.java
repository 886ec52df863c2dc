package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python side of the results: {@code python/test_sorb_results.py} (the xarray reader) and both notebooks,
 * executed with {@code nbconvert --execute}, on a single run, a sweep and a treatment file that the CLI writes here
 * in-process (coarse grids, so that the whole class takes seconds).
 */
class PythonNotebooksTest {
    /** Seconds the reader's unittest run may take (it takes about 2 s). */
    private static final long UNITTEST_TIMEOUT_S = 120;
    /** Seconds one notebook may take to execute (about 5 s: kernel start, imports, one figure). */
    private static final long NOTEBOOK_TIMEOUT_S = 240;
    /** A drawn figure: the executed notebook embeds at least one PNG. */
    private static final String PNG_OUTPUT = "\"image/png\"";

    private static final Path REPO = Path.of(System.getProperty("sorb.repoRoot", ".."));
    private static final String[] COARSE_COLUMN = {"--set", "discretization.axial_cells=12", "--set",
        "discretization.particle_cells=3"};

    @TempDir
    static Path work;
    private static Path single;
    private static Path sweep;
    private static Path treatment;

    @BeforeAll
    static void writeResults() throws IOException, InterruptedException {
        if (PythonStack.problem() != null) {
            return; // each test skips (or fails) with the reason
        }
        single = write("protein-a-igg-breakthrough.yaml", "single.h5", COARSE_COLUMN);
        sweep = write("protein-a-capacity-sweep.yaml", "sweep.h5", COARSE_COLUMN);
        treatment = write("immunoadsorption-protein-a-session.yaml", "treatment.h5", "--set",
                "discretization.axial_cells=8", "--set", "discretization.particle_cells=3", "--set",
                "schedule.coupling_interval=30 s");
    }

    @BeforeEach
    void requirePython() throws IOException, InterruptedException {
        PythonStack.require();
    }

    private static Path write(String caseName, String out, String... overrides) {
        String[] args = new String[6 + overrides.length];
        String[] head = {"run", REPO.resolve("cases").resolve(caseName).toString(), "--backend", "java", "-o", out};
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(overrides, 0, args, head.length, overrides.length);
        CliHarness.Outcome o = CliHarness.run(work, Backends.standard(), args);
        assertEquals(0, o.status(), o.err());
        return work.resolve(out);
    }

    @Test
    void theReaderPassesItsTests() throws IOException, InterruptedException {
        PythonStack.Result r = PythonStack.run(REPO.resolve("python"), Map.of("SORB_TEST_SINGLE", single.toString(),
                "SORB_TEST_SWEEP", sweep.toString(), "SORB_TEST_TREATMENT", treatment.toString()),
                UNITTEST_TIMEOUT_S, "-m", "unittest", "-v", "test_sorb_results");
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("\nOK"), r.output());
        assertTrue(!r.output().contains("skipped"), "no reader test may skip here: " + r.output());
    }

    @Test
    void theBreakthroughNotebookExecutesOnASingleRun() throws IOException, InterruptedException {
        execute("breakthrough.ipynb", single);
    }

    @Test
    void theDesignSweepNotebookExecutesOnASweep() throws IOException, InterruptedException {
        execute("design-sweep.ipynb", sweep);
    }

    @Test
    void theDesignSweepNotebookPlotsDbc10OfTheSobolDesignSweep() throws IOException, InterruptedException {
        Path sobol = write("protein-a-design-sweep.yaml", "design-sweep.h5", "--set", "sweep.samples=8", "--set",
                "discretization.axial_cells=8", "--set", "discretization.particle_cells=3");
        String executed = execute("design-sweep.ipynb", sobol);
        assertTrue(executed.contains("highest dbc_10pct:IgG in design"), executed);
        assertTrue(executed.contains("swept: ['particle.radius', 'binding.qmax_bed[0]', 'particle.pore_diffusion[0]']"),
                executed);
    }

    @Test
    void theDesignSweepNotebookDrawsTheCurvesOfAFileWithoutTheMetric() throws IOException, InterruptedException {
        String executed = execute("design-sweep.ipynb", sweep, "SORB_METRIC", "dbc_50pct:IgG");
        assertTrue(executed.contains("has no metric 'dbc_50pct:IgG'"), executed);
    }

    /** Executes {@code notebook} on {@code result} with extra environment (name, value, ...); the executed JSON. */
    private static String execute(String notebook, Path result, String... env)
            throws IOException, InterruptedException {
        Path outDir = Files.createDirectories(work.resolve("executed-" + result.getFileName() + "-" + notebook
                + env.length));
        Map<String, String> vars = new HashMap<>(Map.of("SORB_RESULT", result.toString(), "MPLCONFIGDIR",
                work.resolve("matplotlib").toString(), "JUPYTER_RUNTIME_DIR", work.resolve("jupyter").toString()));
        for (int i = 0; i + 1 < env.length; i += 2) {
            vars.put(env[i], env[i + 1]);
        }
        PythonStack.Result r = PythonStack.run(REPO.resolve("notebooks"), vars, NOTEBOOK_TIMEOUT_S, "-m",
                "nbconvert", "--to", "notebook",
                "--execute", "--ExecutePreprocessor.timeout=" + NOTEBOOK_TIMEOUT_S, "--output-dir",
                outDir.toString(), notebook);
        assertEquals(0, r.status(), r.output());
        String executed = Files.readString(outDir.resolve(notebook));
        assertTrue(executed.contains(PNG_OUTPUT), "the notebook drew no figure: " + r.output());
        assertTrue(!executed.contains("\"output_type\": \"error\""), executed);
        return executed;
    }
}
