package org.sorb.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.LinearBinding;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.ParticleGrid;
import org.sorb.model.TimeIntegration;

/**
 * A CADET verification file from {@code ../shared/reference/}: the model input read from {@code /input}
 * and the outlet solution from {@code /output/solution}.
 */
public final class CadetReference {
    private final Path file;
    private final double[] times;
    private final double[] outlet;
    private final ColumnModel model;
    private final double length;
    private final double bedPorosity;
    private final double velocity;
    private final double dispersion;
    private final double particlePorosity;
    private final double radius;
    private final double film;
    private final double pore;
    private final double ka;
    private final double kd;
    private final boolean kinetic;
    private final double[] sectionTimes;
    private final double[] sectionConst;
    private final double[] sectionLin;

    private CadetReference(Path file) {
        this.file = file;
        try (HdfFile h = new HdfFile(file)) {
            String unit = "/input/model/unit_001/";
            String par = unit + "particle_type_000/";
            times = numbers(h, "/output/solution/SOLUTION_TIMES");
            outlet = numbers(h, "/output/solution/unit_001/SOLUTION_OUTLET");
            length = number(h, unit + "COL_LENGTH");
            velocity = number(h, unit + "VELOCITY");
            dispersion = number(h, unit + "COL_DISPERSION");
            ka = number(h, par + "adsorption/LIN_KA");
            kd = number(h, par + "adsorption/LIN_KD");
            kinetic = number(h, par + "adsorption/IS_KINETIC") != 0.0;
            if (((io.jhdf.api.Group) h.getByPath("/input/model/unit_001")).getChildren().containsKey("TOTAL_POROSITY")) {
                model = ColumnModel.LUMPED_RATE;
                bedPorosity = number(h, unit + "TOTAL_POROSITY");
                particlePorosity = 0.0;
                radius = 0.0;
                film = 0.0;
                pore = 0.0;
            } else {
                bedPorosity = number(h, unit + "COL_POROSITY");
                particlePorosity = number(h, par + "PAR_POROSITY");
                radius = number(h, par + "PAR_RADIUS");
                film = number(h, par + "FILM_DIFFUSION");
                boolean hasPore = number(h, par + "HAS_PORE_DIFFUSION") != 0.0;
                model = hasPore ? ColumnModel.GENERAL_RATE : ColumnModel.LUMPED_RATE_WITH_PORES;
                pore = hasPore ? number(h, par + "PORE_DIFFUSION") : 0.0;
            }
            sectionTimes = numbers(h, "/input/solver/sections/SECTION_TIMES");
            int nsec = sectionTimes.length - 1;
            sectionConst = new double[nsec];
            sectionLin = new double[nsec];
            for (int s = 0; s < nsec; s++) {
                String sec = String.format("/input/model/unit_000/sec_%03d/", s);
                sectionConst[s] = number(h, sec + "CONST_COEFF");
                sectionLin[s] = number(h, sec + "LIN_COEFF");
            }
        }
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

    /** The reference case as a Sorb model at the given resolution and tolerances. */
    public ColumnCase toCase(int axialCells, int particleCells, ParticleGrid grid, ConvectionScheme scheme,
                             double absTol, double relTol) {
        Column column = new Column(model, length, bedPorosity, velocity, dispersion);
        Particle particle = model == ColumnModel.LUMPED_RATE
                ? new Particle(0.0, 0.0, null, null)
                : new Particle(radius, particlePorosity, new double[] {film},
                        model == ColumnModel.GENERAL_RATE ? new double[] {pore} : null);
        List<InletSection> sections = new ArrayList<>();
        for (int s = 0; s < sectionConst.length; s++) {
            sections.add(new InletSection(sectionTimes[s + 1], new double[] {sectionConst[s]},
                    new double[] {sectionLin[s]}));
        }
        double interval = times[1] - times[0];
        return new ColumnCase(file.getFileName().toString(), List.of("A"), column, particle,
                new LinearBinding(kinetic, new double[] {ka}, new double[] {kd}), new Inlet(sections),
                InitialState.empty(1), new Discretization(axialCells, particleCells, grid, scheme),
                new TimeIntegration(absTol, relTol, 1e-4, 10_000_000), new OutputSpec(interval, null));
    }
}
