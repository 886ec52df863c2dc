package org.sorb.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.backend.JavaBackend;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedSweep;
import org.sorb.model.DesignOutcome;
import org.sorb.numerics.ProgressListener;

/** A Sobol sweep's file records the drawn designs exactly (SI) with their names and SI units. */
class SampledSweepResultTest {
    @TempDir
    Path dir;

    @Test
    void theDesignMatrixIsWrittenExactlyWithNamesAndUnits() throws Exception {
        String grid;
        try (InputStream in = SampledSweepResultTest.class.getResourceAsStream("/sweeps/grid-langmuir.yaml")) {
            grid = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String yaml = grid.substring(0, grid.indexOf("sweep:")) + "sweep:\n  mode: sobol\n  samples: 4\n  seed: 9\n"
                + "  parameters:\n    column.length: {min: 2 cm, max: 3 cm}\n"
                + "    particle.pore_diffusion[0]: {min: 1e-12, max: 4e-12, scale: log}\n";
        LoadedSweep sweep = CaseLoader.parseSweep(yaml, "sobol.yaml", List.of());
        List<DesignOutcome> outcomes = new JavaBackend(2).simulateBatch(sweep.models(), ProgressListener.NONE)
                .stream().map(DesignOutcome::ok).toList();
        Path out = dir.resolve("sobol.h5");
        SweepResultWriter.write(out, sweep, outcomes, "java", "test backend");
        try (HdfFile f = new HdfFile(out)) {
            Dataset p = f.getDatasetByPath(ResultNames.SWEEP_PARAMETERS);
            assertEquals(List.of("column.length", "particle.pore_diffusion[0]"),
                    List.of((String[]) p.getAttribute(ResultNames.NAMES).getData()));
            assertEquals(List.of("m", "m^2/s"), List.of((String[]) p.getAttribute(ResultNames.UNITS).getData()));
            double[][] m = (double[][]) p.getData();
            for (int d = 0; d < sweep.size(); d++) {
                assertArrayEquals(sweep.parameters()[d], m[d], 0.0);
                assertEquals(sweep.designs().get(d).model().column().length(), m[d][0], 0.0);
            }
            assertEquals("sobol", f.getByPath(ResultNames.SWEEP).getAttribute(ResultNames.MODE).getData());
        }
    }
}
