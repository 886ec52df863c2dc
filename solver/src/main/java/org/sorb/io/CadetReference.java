package org.sorb.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sorb.cadet.CadetInput;
import org.sorb.cases.CaseException;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.ParticleGrid;

/**
 * A CADET verification file from {@code ../shared/reference/}: the outlet solution from {@code /output/solution} and
 * the model from {@code /input}, read by Sorb's one CADET reader ({@link CadetInput}) with the grid and tolerances
 * set as {@code --set} would.
 */
public final class CadetReference {
    private final Path file;
    private final double[] times;
    private final double[] outlet;
    private final ColumnModel model;

    private CadetReference(Path file) {
        this.file = file;
        try (HdfFile h = new HdfFile(file)) {
            times = numbers(h, "/output/solution/SOLUTION_TIMES");
            outlet = numbers(h, "/output/solution/unit_001/SOLUTION_OUTLET");
        }
        model = toCase(List.of()).column().model();
    }

    /** Reads a CADET file with a single column (unit_001), linear binding and a piecewise-polynomial inlet. */
    public static CadetReference read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("CADET reference file not found: " + file);
        }
        return new CadetReference(file);
    }

    /** Max abs difference between an outlet series and this reference's outlet at the same times. */
    public double maxError(double[] outlet) {
        if (outlet.length != this.outlet.length) {
            throw new IllegalArgumentException("outlet has " + outlet.length + " samples, reference "
                    + this.outlet.length);
        }
        double max = 0.0;
        for (int k = 0; k < outlet.length; k++) {
            max = Math.max(max, Math.abs(outlet[k] - this.outlet[k]));
        }
        return max;
    }

    private static double number(HdfFile h, String path) {
        return numbers(h, path)[0];
    }

    private static double[] numbers(HdfFile h, String path) {
        Object data = ((Dataset) h.getByPath(path)).getData();
        List<Double> out = new ArrayList<>();
        flatten(data, out);
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    private static void flatten(Object o, List<Double> out) {
        if (o != null && o.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(o); i++) {
                flatten(Array.get(o, i), out);
            }
        } else if (o instanceof Number n) {
            out.add(n.doubleValue());
        }
    }

    public Path file() {
        return file;
    }

    public ColumnModel model() {
        return model;
    }

    public double[] times() {
        return times.clone();
    }

    public double[] outlet() {
        return outlet.clone();
    }

    /**
     * The reference case as a Sorb model at the given resolution and tolerances (first step 1e-4 s, step budget
     * 10^7): the file's {@code /input} with these values set as {@code --set} overrides.
     */
    public ColumnCase toCase(int axialCells, int particleCells, ParticleGrid grid, ConvectionScheme scheme,
                             double absTol, double relTol) {
        return toCase(overrides(axialCells, particleCells, grid, scheme, absTol, relTol));
    }

    /** The reference case on grid {@code d} (finite volumes or spectral elements) at the given tolerances. */
    public ColumnCase toCase(Discretization d, double absTol, double relTol) {
        return toCase(8, 2, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3, absTol, relTol).withDiscretization(d);
    }

    /** The {@code --set} overrides that {@link #toCase(int, int, ParticleGrid, ConvectionScheme, double, double)} applies. */
    public static List<String> overrides(int axialCells, int particleCells, ParticleGrid grid, ConvectionScheme scheme,
                                         double absTol, double relTol) {
        return List.of("discretization.axial_cells=" + axialCells, "discretization.particle_cells=" + particleCells,
                "discretization.particle_grid=" + grid.key(), "discretization.convection=" + scheme.key(),
                String.format(Locale.ROOT, "solver.abs_tol=%s", absTol),
                String.format(Locale.ROOT, "solver.rel_tol=%s", relTol), "solver.initial_step=1e-4",
                "solver.max_steps=10000000");
    }

    private ColumnCase toCase(List<String> overrides) {
        try {
            return CadetInput.load(file, overrides).model();
        } catch (CaseException | IOException e) {
            throw new IllegalArgumentException("CADET reference " + file + ": " + e.getMessage(), e);
        }
    }
}
