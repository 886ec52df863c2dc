package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.sorb.numerics.Sizes;

/**
 * A sweep section as read, before any design is built.
 *
 * @param mode       grid, zip, sobol or latin_hypercube
 * @param parameters the swept keys in file order, each with its values as written (for a sampled mode: the drawn
 *                   value of every design, in the unit its range's min was written in)
 * @param definition the section as one line of YAML, for result files
 */
record SweepSpec(SweepMode mode, List<Parameter> parameters, String definition) {
    /**
     * One swept key.
     *
     * @param key    the key path as written, e.g. {@code binding.qmax[0]}
     * @param path   the parsed path (String keys and Integer indices)
     * @param values the values as written (scalars)
     */
    record Parameter(String key, List<Object> path, List<JsonNode> values) {
        Parameter {
            path = List.copyOf(path);
            values = values instanceof SweepSampling.Drawn ? values : List.copyOf(values);
        }

        /** The field of this parameter in error messages. */
        String field() {
            return SweepReader.PARAMETERS_FIELD + "." + key;
        }
    }

    SweepSpec {
        parameters = List.copyOf(parameters);
    }

    /**
     * Number of designs: the product of the list lengths (grid, Long.MAX_VALUE when it does not fit a long) or their
     * common length (zip and the sampled modes).
     */
    long designCount() {
        if (mode != SweepMode.GRID) {
            return parameters.get(0).values().size();
        }
        long n = 1;
        for (Parameter p : parameters) {
            n = Sizes.times(n, p.values().size());
        }
        return n;
    }

    /** The value index of every parameter in design {@code d}. */
    int[] valueIndices(long d) {
        int[] idx = new int[parameters.size()];
        if (mode != SweepMode.GRID) {
            java.util.Arrays.fill(idx, (int) d);
            return idx;
        }
        long rest = d;
        for (int p = parameters.size() - 1; p >= 0; p--) {
            int size = parameters.get(p).values().size();
            idx[p] = (int) (rest % size);
            rest /= size;
        }
        return idx;
    }
}
