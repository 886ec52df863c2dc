package org.sorb.cadet;

import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.util.Locale;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;

/**
 * {@code sorb run --format cadet}: CADET's layout beside Sorb's own groups in one result file, so CADET-Python and
 * CADET-Process scripts read it unchanged: {@code /input} (the case as a CADET v5 input), {@code
 * /output/solution/SOLUTION_TIMES} (s) and {@code /output/solution/unit_XXX/SOLUTION_OUTLET} [time, component]
 * (mol/m^3 or kg/m^3, the case's unit) for the column unit and, when there is one, the outlet unit.
 */
public final class CadetResultWriter {
    private final CadetInputWriter input;
    private final CadetNetwork network;

    private CadetResultWriter(ColumnCase c, CadetNetwork network) {
        this.input = new CadetInputWriter(c, network);
        this.network = network;
    }

    /**
     * The writer for {@code c} with units at {@code network}'s indices; refuses (InvalidModelException) a case CADET
     * cannot express before anything runs.
     */
    public static CadetResultWriter content(ColumnCase c, CadetNetwork network) {
        return new CadetResultWriter(c, network);
    }

    /** Writes {@code /input} and {@code /output} of {@code result} into {@code file}. */
    public void writeTo(WritableHdfFile file, SimulationResult result) {
        double[] times = result.time();
        input.write(file, times);
        WritableGroup solution = file.putGroup("output").putGroup("solution");
        solution.putDataset("SOLUTION_TIMES", times);
        double[][] outlet = outlet(result);
        solution.putGroup(unit(network.column())).putDataset("SOLUTION_OUTLET", outlet);
        if (network.outlet() >= 0) {
            solution.putGroup(unit(network.outlet())).putDataset("SOLUTION_OUTLET", outlet);
        }
    }

    private static String unit(int index) {
        return String.format(Locale.ROOT, "unit_%03d", index);
    }

    private static double[][] outlet(SimulationResult r) {
        int nT = r.time().length;
        int n = r.nComp();
        double[] flat = r.outlet();
        double[][] out = new double[nT][n];
        for (int k = 0; k < nT; k++) {
            System.arraycopy(flat, k * n, out[k], 0, n);
        }
        return out;
    }
}
