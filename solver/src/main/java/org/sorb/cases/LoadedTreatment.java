package org.sorb.cases;

import java.nio.file.Path;
import org.sorb.treatment.TreatmentCase;

/**
 * A treatment case after reading, unit conversion, material merging and validation.
 *
 * @param model             the validated treatment, SI units
 * @param resolvedYaml      the resolved case as YAML text, for result files
 * @param concentrationUnit unit of every concentration: "kg/m^3" or "mol/m^3"
 * @param source            the file it came from, or null when parsed from text
 */
public record LoadedTreatment(TreatmentCase model, String resolvedYaml, String concentrationUnit, Path source) {
}
