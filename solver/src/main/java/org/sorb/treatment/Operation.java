package org.sorb.treatment;

import org.sorb.model.Checks;
import org.sorb.model.InvalidModelException;

/**
 * Column operation: {@code columns} adsorbers (1 or 2) alternate; each loads {@code cycleVolume} of (diluted)
 * plasma, V_cycle = Q_p t_load, then goes off-line for regeneration while the other one loads. A column goes
 * back on-line only when its regeneration is done; until then the loop waits (no plasma is processed).
 *
 * @param columns      number of columns, 1 or 2
 * @param cycleVolume  plasma volume through the adsorber per loading cycle (m^3)
 * @param regeneration the off-line wash, elution and re-equilibration
 */
public record Operation(int columns, double cycleVolume, Regeneration regeneration) {
    public Operation {
        if (columns < 1 || columns > 2) {
            throw new InvalidModelException("operation.columns", Integer.toString(columns), "1 or 2 columns");
        }
        TreatmentLimits.CYCLE_VOLUME.check(cycleVolume);
        Checks.notNull("operation.regeneration", regeneration);
    }
}
