package org.sorb.cases;

import org.sorb.model.BindingParameter;

/** The physical kinds of value a case file holds, each with its accepted units and SI dimension. */
public enum QuantityKind {
    LENGTH("a length", "m, cm, mm, um", new Dimension(1, 0, 0, 0), null),
    TIME("a time", "ms, s, min, h, d", new Dimension(0, 1, 0, 0), null),
    VELOCITY("a velocity", "m/s, cm/h, cm/min, mm/s, m/h", new Dimension(1, -1, 0, 0), null),
    FLOW_RATE("a flow rate", "m^3/s, mL/min, mL/h, L/h, L/min", new Dimension(3, -1, 0, 0), null),
    DIFFUSIVITY("a diffusion coefficient", "m^2/s, cm^2/s", new Dimension(2, -1, 0, 0), null),
    FILM_COEFFICIENT("a film mass-transfer coefficient", "m/s, cm/s", new Dimension(1, -1, 0, 0), null),
    CONCENTRATION("a concentration", "kg/m^3, mg/mL, g/L, mol/m^3, mM, mmol/L, uM, umol/L, M, mol/L",
            new Dimension(-3, 0, 1, 0), new Dimension(-3, 0, 0, 1)),
    CONCENTRATION_SLOPE("a concentration change per time", "e.g. mg/mL/min, g/L/h, mM/min; bare: per s",
            new Dimension(-3, -1, 1, 0), new Dimension(-3, -1, 0, 1)),
    CONCENTRATION_QUADRATIC("a concentration change per time^2", "e.g. mg/mL/min^2, mM/h^2; bare: per s^2",
            new Dimension(-3, -2, 1, 0), new Dimension(-3, -2, 0, 1)),
    CONCENTRATION_CUBIC("a concentration change per time^3", "e.g. mg/mL/min^3, mM/h^3; bare: per s^3",
            new Dimension(-3, -3, 1, 0), new Dimension(-3, -3, 0, 1)),
    RATE_CONSTANT("a rate constant", "1/s, 1/min", new Dimension(0, -1, 0, 0), null),
    ADSORPTION_RATE("an adsorption rate constant", "m^3/(kg s), mL/(mg s), m^3/(mol s), 1/(M s)",
            new Dimension(3, -1, -1, 0), new Dimension(3, -1, 0, -1)),
    MASS("a mass", "kg, g", new Dimension(0, 0, 1, 0), null),
    VOLUME("a volume", "L, mL, m^3", new Dimension(3, 0, 0, 0), null),
    VISCOSITY("a dynamic viscosity", "Pa s, mPa s, cP", new Dimension(-1, -1, 1, 0), null),
    NUMBER("a number", "", Dimension.NONE, null);

    private final String noun;
    private final String units;
    private final Dimension dimension;
    private final Dimension molarDimension;

    QuantityKind(String noun, String units, Dimension dimension, Dimension molarDimension) {
        this.noun = noun;
        this.units = units;
        this.dimension = dimension;
        this.molarDimension = molarDimension;
    }

    /** The case-file kind of a binding parameter's kind (which fixes its units). */
    public static QuantityKind of(BindingParameter.Kind kind) {
        return switch (kind) {
            case RATE_CONSTANT -> RATE_CONSTANT;
            case ADSORPTION_RATE -> ADSORPTION_RATE;
            case CONCENTRATION -> CONCENTRATION;
            case NUMBER -> NUMBER;
        };
    }

    /** The kind's name with its article, e.g. "a length". */
    public String noun() {
        return noun;
    }

    /** The accepted units as a comma-separated list (empty for a plain number). */
    public String units() {
        return units;
    }

    /** What a value of this kind should look like, e.g. "a length > 0 (m, cm, mm, um)". */
    public String describe(String rangeText) {
        String range = rangeText == null || rangeText.isEmpty() ? "" : " " + rangeText;
        return noun + range + (units.isEmpty() ? "" : " (" + units + ")");
    }

    /** The SI unit of a value of this kind in a case of concentration {@code family}, e.g. "m^2/s"; "1" for numbers. */
    public String siUnit(ConcentrationFamily family) {
        String c = family.siUnit();
        String amount = family == ConcentrationFamily.MOLAR ? "mol" : "kg";
        return switch (this) {
            case LENGTH -> "m";
            case TIME -> "s";
            case VELOCITY, FILM_COEFFICIENT -> "m/s";
            case FLOW_RATE -> "m^3/s";
            case DIFFUSIVITY -> "m^2/s";
            case CONCENTRATION -> c;
            case CONCENTRATION_SLOPE -> c + "/s";
            case CONCENTRATION_QUADRATIC -> c + "/s^2";
            case CONCENTRATION_CUBIC -> c + "/s^3";
            case RATE_CONSTANT -> "1/s";
            case ADSORPTION_RATE -> "m^3/(" + amount + " s)";
            case MASS -> amount;
            case VOLUME -> "m^3";
            case VISCOSITY -> "Pa s";
            case NUMBER -> "1";
        };
    }

    /** The concentration family a unit of dimension {@code d} belongs to, or null when it does not fit. */
    ConcentrationFamily familyOf(Dimension d) {
        if (d.equals(dimension)) {
            return molarDimension == null ? null : ConcentrationFamily.MASS;
        }
        return d.equals(molarDimension) ? ConcentrationFamily.MOLAR : null;
    }

    /** True when a unit of dimension {@code d} fits this kind. */
    boolean accepts(Dimension d) {
        return d.equals(dimension) || d.equals(molarDimension);
    }
}
