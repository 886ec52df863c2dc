package org.sorb.cases;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A case whose numeric key paths (any {@code --set} key, e.g. {@code binding.qmax[0]}) take values from a vector of
 * SI numbers: the designs of a fit. Each design is built from the case tree the way a sweep builds its designs
 * and is fully validated.
 */
public final class ParameterizedCase {
    /** The field named when a fitted key path is malformed or not a number the case reads. */
    public static final String FIELD = "--fit";

    private final CaseLoader.Prepared prepared;
    private final Path source;
    private final List<SetOverride> parameters;
    private final LoadedCase base;
    private final Map<String, Double> baseValues;
    private final double[] initial;

    private ParameterizedCase(CaseLoader.Prepared prepared, Path source, List<SetOverride> parameters,
                              CaseLoader.Read base, double[] initial) {
        this.prepared = prepared;
        this.source = source;
        this.parameters = parameters;
        this.base = withSource(base.loaded());
        this.baseValues = base.values();
        this.initial = initial;
    }

    /**
     * Reads {@code file} with {@code overrides} ({@code key.path=value}) and checks every key of {@code keys}: a
     * well-formed path to a number the case reads (an unknown key fails as it would with {@code --set}).
     *
     * @throws CaseException when the case, an override or a key is not valid
     */
    public static ParameterizedCase load(Path file, List<String> overrides, List<String> keys)
            throws CaseException, IOException {
        ObjectNode tree = YamlTree.parseMapping(CaseText.read(file), file.toString());
        if (tree.has(SweepReader.KEY)) {
            throw new CaseException(SweepReader.KEY, "a sweep of designs", "a single case to fit (remove sweep:)");
        }
        CaseLoader.Prepared prepared = CaseLoader.prepare(tree, file.toString(), overrides);
        CaseLoader.Read read = prepared.read(List.of());
        List<SetOverride> parameters = new ArrayList<>();
        double[] initial = new double[keys.size()];
        for (int p = 0; p < keys.size(); p++) {
            SetOverride probe = parsedKey(keys.get(p));
            Double v = numberAt(read.values(), probe);
            if (v == null) {
                // not read: setting it shows why, in the words --set would use (unknown key, did-you-mean, ...)
                String why = "the case reads it, but not as a number";
                try {
                    prepared.read(List.of(probe));
                } catch (CaseException e) {
                    why = "--set " + keys.get(p) + "=1.0 says: " + e.getMessage();
                }
                throw new CaseException(FIELD, keys.get(p) + " (" + why + ")",
                        "a numeric key path of the case, e.g. binding.qmax[0] or particle.pore_diffusion[0]");
            }
            initial[p] = v;
            parameters.add(probe);
        }
        return new ParameterizedCase(prepared, file, List.copyOf(parameters), read, initial);
    }

    private static SetOverride parsedKey(String key) throws CaseException {
        SetOverride probe;
        try {
            probe = SetOverride.parse(key + "=1.0");
        } catch (CaseException e) {
            throw new CaseException(FIELD, key, "a key path like binding.qmax[0] or particle.pore_diffusion[0]");
        }
        if (probe.path().get(0).equals(SweepReader.KEY) || probe.path().get(0).equals("name")) {
            throw new CaseException(FIELD, key, "a numeric key path of the case, e.g. binding.qmax[0]");
        }
        return probe;
    }

    private static Double numberAt(Map<String, Double> values, SetOverride o) {
        String canonical = o.prefix(o.path().size());
        Double v = values.get(canonical);
        return v != null ? v : values.get(canonical + "[0]");
    }

    /** The fitted key paths, as given. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        parameters.forEach(o -> out.add(o.field()));
        return out;
    }

    /** SI value of every fitted key in the case as read (the start of a fit). */
    public double[] initialValues() {
        return initial.clone();
    }

    /** The case as read, without fitted values applied. */
    public LoadedCase base() {
        return base;
    }

    /** SI value of {@code field} (e.g. {@code column.diameter}) as the case read it, or NaN when it has none. */
    public double baseValue(String field) {
        Double v = baseValues.get(field);
        return v == null ? Double.NaN : v;
    }

    /**
     * The case with the fitted keys set to {@code values} (SI, in the order of {@link #keys}), validated.
     *
     * @throws CaseException when the case with these values is not valid
     */
    public LoadedCase at(double[] values) throws CaseException {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(values.length + " values for " + parameters.size() + " keys");
        }
        ObjectNode tree = prepared.tree().deepCopy();
        List<SetOverride> set = new ArrayList<>(parameters.size());
        for (int p = 0; p < values.length; p++) {
            SetOverride o = parameters.get(p);
            SetOverride v = new SetOverride(o.field(), o.path(), DoubleNode.valueOf(values[p]));
            Overrides.apply(tree, v, prepared.inherited());
            set.add(v);
        }
        return withSource(prepared.readTree(tree, set).loaded());
    }

    private LoadedCase withSource(LoadedCase c) {
        return new LoadedCase(c.model(), c.resolvedYaml(), c.concentrationUnit(), source, c.metrics());
    }
}
