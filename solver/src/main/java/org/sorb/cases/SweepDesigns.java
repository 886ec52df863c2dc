package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.HostMemory;
import org.sorb.numerics.Sizes;

/** Builds and validates every design of a sweep from the prepared base case, and its design matrix. */
final class SweepDesigns {
    private SweepDesigns() {
    }

    static LoadedSweep load(CaseLoader.Prepared prepared, SweepSpec spec) throws CaseException {
        LoadedCase base = prepared.read(List.of()).loaded();
        List<SweepSpec.Parameter> params = spec.parameters();
        MemoryGuard.sweep(base, spec.designCount(), params.size(), HostMemory::availableFor);
        int n = Sizes.length(spec.designCount(), "designs");
        double[][] matrix = new double[n][params.size()];
        String[] units = new String[params.size()];
        List<LoadedCase> designs = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            int[] idx = spec.valueIndices(d);
            List<SetOverride> overrides = new ArrayList<>();
            ObjectNode tree = prepared.tree().deepCopy();
            for (int p = 0; p < params.size(); p++) {
                SweepSpec.Parameter param = params.get(p);
                SetOverride o = new SetOverride(param.key(), param.path(), param.values().get(idx[p]));
                try {
                    Overrides.apply(tree, o, prepared.inherited());
                } catch (CaseException e) {
                    throw new CaseException(param.field(), stripField(e));
                }
                overrides.add(o);
            }
            CaseLoader.Read read;
            try {
                read = prepared.readTree(tree, overrides);
            } catch (CaseException e) {
                throw classify(e, spec, d, idx);
            }
            for (int p = 0; p < params.size(); p++) {
                matrix[d][p] = value(read.values(), params.get(p), overrides.get(p), idx[p]);
                units[p] = read.units().get(canonicalField(read.values(), overrides.get(p)));
            }
            checkSameOutletTimes(designs.isEmpty() ? null : designs.get(0).model(), read.loaded().model(), spec,
                    d, idx);
            designs.add(read.loaded());
        }
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.key()));
        return new LoadedSweep(base, spec.mode().key(), names, List.of(units), matrix, designs, spec.definition());
    }

    /** The field the case read for override {@code o}: its path, or its first element for a one-value list. */
    private static String canonicalField(Map<String, Double> values, SetOverride o) {
        String canonical = o.prefix(o.path().size());
        return values.containsKey(canonical) ? canonical : canonical + "[0]";
    }

    /** The SI value the case read for the parameter. */
    private static double value(Map<String, Double> values, SweepSpec.Parameter param, SetOverride o, int index)
            throws CaseException {
        Double v = values.get(canonicalField(values, o));
        if (v == null) {
            throw new CaseException(param.field(), YamlTree.display(param.values().get(index)) + " at a key the case "
                    + "does not read as a number", "a numeric key of this case, e.g. binding.qmax[0] or column.length");
        }
        return v;
    }

    /** An unknown key under a swept path is the parameter's fault; anything else fails the design. */
    private static CaseException classify(CaseException e, SweepSpec spec, int design, int[] idx) {
        String message = e.getMessage();
        for (SweepSpec.Parameter p : spec.parameters()) {
            String canonical = canonical(p);
            boolean onPath = canonical.equals(e.field()) || canonical.startsWith(e.field() + ".")
                    || canonical.startsWith(e.field() + "[");
            if (onPath && message.contains("unknown key")) {
                return new CaseException(p.field(), stripField(e));
            }
        }
        return new CaseException(SweepReader.PARAMETERS_FIELD, "design " + design + " (" + describe(spec, idx)
                + ") is not valid: " + message);
    }

    private static void checkSameOutletTimes(ColumnCase first, ColumnCase design, SweepSpec spec, int d, int[] idx)
            throws CaseException {
        if (first == null) {
            return;
        }
        if (first.inlet().endTime() != design.inlet().endTime()
                || first.output().interval() != design.output().interval()) {
            throw new CaseException(SweepReader.PARAMETERS_FIELD, "design " + d + " (" + describe(spec, idx)
                    + ") with outlet times other than design 0's (end " + design.inlet().endTime() + " s vs "
                    + first.inlet().endTime() + " s, interval " + design.output().interval() + " s vs "
                    + first.output().interval() + " s)", "parameters that keep the last inlet section's end and "
                    + "output.interval equal, so all designs share /outlet/time (times in CV move with the length "
                    + "and flow; write them in s or min to sweep those)");
        }
    }

    private static String canonical(SweepSpec.Parameter p) {
        StringBuilder sb = new StringBuilder();
        for (Object seg : p.path()) {
            if (seg instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(seg);
            }
        }
        return sb.toString();
    }

    /** {@code key = value, ...} of design {@code idx}, as written. */
    static String describe(SweepSpec spec, int[] idx) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < spec.parameters().size(); p++) {
            SweepSpec.Parameter param = spec.parameters().get(p);
            JsonNode v = param.values().get(idx[p]);
            sb.append(p == 0 ? "" : ", ").append(param.key()).append(" = ").append(YamlTree.display(v));
        }
        return sb.toString();
    }

    private static String stripField(CaseException e) {
        String prefix = e.field() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }
}
