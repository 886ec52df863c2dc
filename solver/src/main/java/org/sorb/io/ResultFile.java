package org.sorb.io;

import java.util.List;
import java.util.Map;
import org.sorb.model.SimulationResult;

/**
 * A result file as read back.
 *
 * @param result     the stored result (profiles null when the file has none)
 * @param components component names from {@code /outlet}
 * @param attributes root string attributes by name ({@code case} holds the YAML even when stored as a dataset)
 * @param units      the {@code units} attribute of each dataset, by path without leading slash
 */
public record ResultFile(SimulationResult result, List<String> components, Map<String, String> attributes,
                         Map<String, String> units) {
    public ResultFile {
        components = List.copyOf(components);
        attributes = Map.copyOf(attributes);
        units = Map.copyOf(units);
    }

    /** The root attribute {@code name}, or null when absent. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
