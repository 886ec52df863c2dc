package org.sorb.cadet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedCase;
import org.sorb.cases.YamlEmitter;

/**
 * A CADET input file ({@code /input}, v5 or v6 layout) translated into a Sorb case tree, the same structure a YAML case
 * file has, so that it is loaded, overridden ({@code --set}), validated and guarded exactly as one.
 *
 * @param tree    the case tree: name, components, units, column, particle, binding, inlet, initial, discretization,
 *                solver, output
 * @param network the unit operations of the file (for writing results in CADET's layout)
 * @param sources the HDF5 path each case key was read from (e.g. {@code column.length} from
 *                {@code /input/model/unit_001/COL_LENGTH}), so that validation errors name the path
 */
public record CadetInput(Map<String, Object> tree, CadetNetwork network, Map<String, String> sources) {
    private static final String SOLVER = "/input/solver/";
    private static final String TIMES = SOLVER + "USER_SOLUTION_TIMES";
    /** Relative spread of USER_SOLUTION_TIMES' steps accepted as equidistant (round-off of t_k = k dt). */
    private static final double EQUIDISTANT = 1e-9;

    public CadetInput {
        tree = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tree));
        sources = Map.copyOf(sources);
    }

    /** Reads the {@code /input} group of {@code file}. */
    public static CadetInput read(Path file) throws CaseException {
        try (CadetFile f = CadetFile.open(file)) {
            if (!f.hasGroup("/input/model")) {
                throw f.refused("/input/model", "nothing", "a CADET input file (HDF5 with an /input/model group)");
            }
            CadetNetwork network = CadetNetwork.read(f);
            Map<String, Object> tree = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            String stem = file.getFileName().toString().replaceFirst("\\.(h5|hdf5|hdf)$", "");
            tree.put("name", stem + "-sorb");
            tree.put("description", "CADET input " + file.getFileName() + ", column unit_"
                    + String.format(java.util.Locale.ROOT, "%03d", network.column()));
            tree.put("units", Map.of("concentration", "mol/m^3"));
            ColumnUnitReader.read(f, network, tree, sources);
            int n = ((List<?>) tree.get("components")).size();
            tree.put("inlet", InletSections.read(f, CadetNetwork.unit(network.inlet()), n, sources));
            tree.put("solver", solver(f));
            String integrator = SOLVER + "time_integrator/";
            sources.put("solver.abs_tol", integrator + "ABSTOL");
            sources.put("solver.rel_tol", integrator + "RELTOL");
            sources.put("solver.initial_step", integrator + "INIT_STEP_SIZE");
            sources.put("output.interval", TIMES);
            double[] sections = InletSections.sectionTimes(f);
            Map<String, Object> output = output(f, sections[sections.length - 1]);
            if (!output.isEmpty()) {
                tree.put("output", output);
            }
            return new CadetInput(reorder(tree), network, sources);
        }
    }

    /** Reads and loads {@code file} as a case with {@code overrides} ({@code key.path=value}), as a YAML case is. */
    public static LoadedCase load(Path file, List<String> overrides) throws CaseException, IOException {
        return read(file).validated(file, overrides);
    }

    /** This case, read from {@code file}, loaded with {@code overrides}; errors name the HDF5 path of their field. */
    public LoadedCase validated(Path file, List<String> overrides) throws CaseException {
        try {
            return CaseLoader.parseFrom(yaml(), file, overrides);
        } catch (CaseException e) {
            throw located(e, file, overrides);
        }
    }

    /**
     * {@code e} with the HDF5 path its field was read from (e.g. {@code /input/model/unit_001/COL_POROSITY
     * (column.bed_porosity): got 1.5, ...}); unchanged when the field was set by {@code --set} or is not from the file.
     */
    CaseException located(CaseException e, Path file, List<String> overrides) {
        String field = e.field();
        String key = field.replaceFirst("\\[[0-9]+\\]$", "");
        String path = sources.get(key);
        for (String o : overrides) {
            String set = o.substring(0, Math.max(0, o.indexOf('='))).trim().replaceFirst("\\[[0-9]+\\]$", "");
            if (set.equals(key) || set.equals(field)) {
                return e;
            }
        }
        if (path == null) {
            return e;
        }
        String message = e.getMessage().startsWith(field + ": ") ? e.getMessage().substring(field.length() + 2)
                : e.getMessage();
        return new CaseException(path + " (" + field + ")", message + " (in " + file.getFileName() + ")");
    }

    /** The case as YAML text (what {@code sorb convert} writes). */
    public String yaml() {
        return "# converted from a CADET input file by sorb convert; SI units, concentrations in mol/m^3\n"
                + YamlEmitter.document(tree);
    }

    /** Tolerances (RELTOL, ABSTOL) and the first step (INIT_STEP_SIZE) where the file has them. */
    private static Map<String, Object> solver(CadetFile f) throws CaseException {
        String t = SOLVER + "time_integrator/";
        Map<String, Object> solver = new LinkedHashMap<>();
        if (f.has(t + "ABSTOL")) {
            solver.put("abs_tol", f.number(t + "ABSTOL", "the absolute tolerance"));
        }
        if (f.has(t + "RELTOL")) {
            solver.put("rel_tol", f.number(t + "RELTOL", "the relative tolerance"));
        }
        if (f.has(t + "INIT_STEP_SIZE")) {
            double[] h = f.numbers(t + "INIT_STEP_SIZE", "the first step (s)");
            solver.put("initial_step", h[0]);
        }
        return solver;
    }

    /**
     * USER_SOLUTION_TIMES as Sorb's outlet interval: Sorb samples the outlet every {@code interval} from 0 to the
     * last section's end, so the times must be equidistant over exactly that span.
     */
    private static Map<String, Object> output(CadetFile f, double end) throws CaseException {
        Map<String, Object> output = new LinkedHashMap<>();
        if (!f.has(TIMES)) {
            return output;
        }
        double[] t = f.numbers(TIMES, "output times (s)");
        String expected = "equidistant times from 0 to the last section's end " + CadetFile.format(end)
                + " s (Sorb samples the outlet at a fixed interval)";
        if (t.length < 2 || t[0] != 0.0 || Math.abs(t[t.length - 1] - end) > EQUIDISTANT * end) {
            throw f.refused(TIMES, t.length + " times from " + (t.length == 0 ? "nothing" : t[0] + " to "
                    + t[t.length - 1]), expected);
        }
        double step = end / (t.length - 1);
        for (int k = 1; k < t.length; k++) {
            if (Math.abs((t[k] - t[k - 1]) - step) > EQUIDISTANT * step + EQUIDISTANT * Math.abs(t[k])) {
                throw f.refused(TIMES, "a step of " + (t[k] - t[k - 1]) + " s before time " + t[k]
                        + " (the mean step is " + step + " s)", expected);
            }
        }
        output.put("interval", step);
        return output;
    }

    /** The sections in the order of a YAML case file. */
    private static Map<String, Object> reorder(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("name", "description", "components", "units", "column", "particle", "binding",
                "inlet", "initial", "discretization", "solver", "output")) {
            if (tree.containsKey(key)) {
                out.put(key, tree.get(key));
            }
        }
        return out;
    }
}
