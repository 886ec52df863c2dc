package org.sorb.cases;

import java.nio.file.Path;
import org.sorb.model.ColumnCase;

/**
 * A case file after reading, unit conversion, material merging and validation.
 *
 * @param model             the validated model, SI units
 * @param resolvedYaml      the resolved case as YAML text (SI values, material expanded), for result files
 * @param concentrationUnit unit of every concentration in the model: "kg/m^3" or "mol/m^3"
 * @param source            the file it came from, or null when parsed from text
 */
public record LoadedCase(ColumnCase model, String resolvedYaml, String concentrationUnit, Path source) {
}
