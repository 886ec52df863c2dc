package org.sorb.treatment;

import org.sorb.model.ColumnCase;
import org.sorb.model.Checks;
import org.sorb.model.InvalidModelException;

/**
 * One adsorber column type (every column of the circuit is one of these): the full column model at the plasma
 * flow (superficial velocity Q_p / A, interstitial Q_p / (A eps_c)) and the same column at the regeneration flow.
 *
 * @param loading      the column at the plasma flow; its inlet and output sections are not used
 * @param regeneration the same column at the regeneration flow
 * @param area         column cross-section A = pi d^2 / 4 (m^2)
 * @param phComponent  index of the pH component, or -1 when the binding carries none
 */
public record AdsorberColumn(ColumnCase loading, ColumnCase regeneration, double area, int phComponent) {
    public AdsorberColumn {
        Checks.notNull("column", loading);
        Checks.notNull("column", regeneration);
        Checks.positive("column.diameter", area);
        TreatmentLimits.COLUMN_VOLUME.check(area * loading.column().length(), " (the bed volume, length x pi "
                + "diameter^2 / 4)");
        if (phComponent >= loading.nComp()) {
            throw new InvalidModelException("components", Integer.toString(phComponent), "a pH component index");
        }
    }

    /** Bed volume A L (m^3). */
    public double bedVolume() {
        return area * loading.column().length();
    }

    /** Flow rate through the column of {@code c}: A eps_c u (m^3/s). */
    public double flow(ColumnCase c) {
        return area * c.column().bedPorosity() * c.column().interstitialVelocity();
    }
}
