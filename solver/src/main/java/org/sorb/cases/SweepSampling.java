package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a sampled sweep ({@code mode: sobol | latin_hypercube}, {@code samples}, {@code seed}, a range per key) and
 * draws its designs: unit-cube points of {@link SobolDesign} or {@link LatinHypercubeDesign} mapped onto each
 * parameter's {@link SweepRange}.
 */
final class SweepSampling {
    /** Seed used when the sweep gives none. */
    static final int DEFAULT_SEED = 0;
    /**
     * Keys that hold integers (cell counts, the step budget): refused in sampled modes rather than rounded, since a
     * rounded draw would break the design's stratification; grid them instead.
     */
    static final List<String> INTEGER_KEYS = List.of("discretization.axial_cells", "discretization.particle_cells",
            "solver.max_steps");

    private SweepSampling() {
    }

    static SweepSpec read(Section s, SweepMode mode, ObjectNode map) throws CaseException {
        int samples = samples(s);
        int seed = s.integer("seed", 0, DEFAULT_SEED);
        List<String> keys = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        List<SweepRange> ranges = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = SweepReader.PARAMETERS_FIELD + "." + e.getKey();
            List<Object> path = SweepReader.path(e.getKey());
            if (INTEGER_KEYS.contains(e.getKey())) {
                throw new CaseException(field, "an integer key in mode " + mode.key(), "a real-valued key (cell "
                        + "counts and max_steps are not sampled; vary them with mode grid)");
            }
            if (e.getValue() instanceof ArrayNode) {
                throw new CaseException(field, YamlTree.display(e.getValue()) + " with mode " + mode.key(),
                        SweepRange.EXPECTED + " (lists of values are for mode grid or zip)");
            }
            keys.add(e.getKey());
            paths.add(path);
            ranges.add(SweepRange.read(field, e.getValue()));
        }
        if (mode == SweepMode.SOBOL && ranges.size() > SobolDesign.MAX_DIMENSIONS) {
            throw new CaseException(SweepReader.PARAMETERS_FIELD, ranges.size() + " parameters",
                    "at most " + SobolDesign.MAX_DIMENSIONS + " for mode sobol");
        }
        Points points = new Points(mode == SweepMode.SOBOL ? new SobolDesign() : new LatinHypercubeDesign(), samples,
                ranges, seed);
        List<SweepSpec.Parameter> parameters = new ArrayList<>();
        for (int p = 0; p < ranges.size(); p++) {
            parameters.add(new SweepSpec.Parameter(keys.get(p), paths.get(p), new Drawn(points, p)));
        }
        ObjectNode definition = s.node().deepCopy();
        definition.put("seed", seed);
        return new SweepSpec(mode, parameters, YamlTree.display(definition));
    }

    /** The designs of a sampled sweep: unit-cube points drawn on first use (after the memory check), mapped. */
    private static final class Points {
        private final UnitDesign design;
        private final int samples;
        private final List<SweepRange> ranges;
        private final int seed;
        private double[][] points;

        Points(UnitDesign design, int samples, List<SweepRange> ranges, int seed) {
            this.design = design;
            this.samples = samples;
            this.ranges = List.copyOf(ranges);
            this.seed = seed;
        }

        /** Design {@code sample}'s value of parameter {@code p} as case-file text. */
        synchronized JsonNode node(int sample, int p) {
            if (points == null) {
                points = design.points(samples, ranges.size(), seed);
            }
            return ranges.get(p).node(points[sample][p]);
        }
    }

    /** One parameter's drawn values as case-file text, one per design, made when asked for. */
    static final class Drawn extends AbstractList<JsonNode> {
        private final Points points;
        private final int parameter;

        Drawn(Points points, int parameter) {
            this.points = points;
            this.parameter = parameter;
        }

        @Override
        public JsonNode get(int index) {
            return points.node(index, parameter);
        }

        @Override
        public int size() {
            return points.samples;
        }
    }

    private static int samples(Section s) throws CaseException {
        s.require("samples", "the number of designs to draw, an integer >= 1");
        int samples = s.integer("samples", 1, 1);
        if (samples > SweepReader.MAX_DESIGNS) {
            throw new CaseException(s.field("samples"), s.display("samples"),
                    "at most " + SweepReader.MAX_DESIGNS + " designs per sweep");
        }
        return samples;
    }
}
