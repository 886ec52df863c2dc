package org.sorb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.cases.LoadedCase;
import org.sorb.model.SimulationResult;

/** A single run's file gives the outlet times in column volumes, t u_s / L, with unit CV. */
class OutletColumnVolumesTest {
    /** Relative tolerance of one division against its hand-written form. */
    private static final double ROUNDING = 1e-15;

    @TempDir
    Path dir;

    @Test
    void outletTimesAreGivenInColumnVolumes() throws Exception {
        LoadedCase loaded = Fixtures.loadedCase("demo", "name: demo");
        SimulationResult result = Fixtures.result(false);
        Path out = dir.resolve("demo.h5");
        ResultWriter.write(out, loaded, result, "java", "test");
        // the fixture's column: L = 0.1 m, eps_c = 0.37, u = 1e-3 m/s, so one CV lasts 0.1 / 3.7e-4 = 270.27 s
        try (HdfFile f = new HdfFile(out)) {
            Dataset cv = f.getDatasetByPath(ResultNames.OUTLET_COLUMN_VOLUMES);
            double[] values = (double[]) cv.getData();
            assertEquals("CV", cv.getAttribute(ResultNames.UNITS).getData());
            assertEquals(result.time().length, values.length);
            for (int k = 0; k < values.length; k++) {
                double expected = result.time()[k] * 0.37e-3 / 0.1;
                assertEquals(expected, values[k], expected * ROUNDING, "sample " + k);
            }
            assertEquals(100.0 / 270.27027027027, values[values.length - 1], 1e-12);
        }
    }
}
