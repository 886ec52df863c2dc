package org.sorb.cases;

/** The two ways a case may express concentrations; one case uses one of them throughout. */
public enum ConcentrationFamily {
    /** Mass concentrations, SI unit kg/m^3 (= mg/mL = g/L). */
    MASS("kg/m^3", "mass units (kg/m^3, mg/mL, g/L)"),
    /** Molar concentrations, SI unit mol/m^3 (= mM). */
    MOLAR("mol/m^3", "molar units (mol/m^3, mM, mmol/L, uM, umol/L, M, mol/L)");

    private final String siUnit;
    private final String description;

    ConcentrationFamily(String siUnit, String description) {
        this.siUnit = siUnit;
        this.description = description;
    }

    /** The SI unit every concentration of this family is converted to. */
    public String siUnit() {
        return siUnit;
    }

    /** A human description listing the accepted units. */
    public String description() {
        return description;
    }

    /** The family whose SI unit is {@code unit}, or null when there is none. */
    public static ConcentrationFamily fromSiUnit(String unit) {
        for (ConcentrationFamily f : values()) {
            if (f.siUnit.equals(unit)) {
                return f;
            }
        }
        return null;
    }
}
