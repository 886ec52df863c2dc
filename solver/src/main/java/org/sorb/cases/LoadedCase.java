package org.sorb.cases;

import java.nio.file.Path;
import org.sorb.metrics.MetricsSpec;
import org.sorb.model.ColumnCase;

/**
 * A case file after reading, unit conversion, material merging and validation.
 *
 * @param model             the validated model, SI units
 * @param resolvedYaml      the resolved case as YAML text (SI values, material expanded), for result files
 * @param concentrationUnit unit of every concentration in the model: "kg/m^3" or "mol/m^3"
 * @param source            the file it came from, or null when parsed from text
 * @param metrics           what the design metrics need besides the model (viscosity, levels, grid check)
 */
public record LoadedCase(ColumnCase model, String resolvedYaml, String concentrationUnit, Path source,
                         MetricsSpec metrics) {
    public LoadedCase {
        metrics = metrics == null ? MetricsSpec.DEFAULTS : metrics;
    }

    /** A case with the default metrics settings ({@link MetricsSpec#DEFAULTS}). */
    public LoadedCase(ColumnCase model, String resolvedYaml, String concentrationUnit, Path source) {
        this(model, resolvedYaml, concentrationUnit, source, MetricsSpec.DEFAULTS);
    }
}
