package org.sorb.treatment;

import java.util.Map;

/**
 * Default patient values used where a treatment case leaves them out, each with its source. Values are SI
 * (kg/m^3 = g/L, s, m^3).
 */
public final class PatientDefaults {
    private PatientDefaults() {
    }

    private static final double DAY = 86400.0;

    /**
     * 0.065 L/kg: A.A. Kaplan, A simple and accurate method for prescribing plasma exchange, ASAIO Trans. 36 (1990)
     * M597-M599: PV = 0.065 x weight (kg) x (1 - Hct) litres.
     */
    public static final double KAPLAN_PLASMA_VOLUME_PER_KG = 0.065e-3;

    /** Arterial plasma pH 7.35-7.45 (textbook physiology); 7.4 the mid value. */
    public static final double PLASMA_PH = 7.4;

    /**
     * Adult IgG subclass plasma concentrations (g/L): IgG1 6.6, IgG2 2.9, IgG3 0.6, IgG4 0.4, mid values of adult
     * reference ranges (e.g. IgG1 4.9-11.4, IgG2 1.5-6.4, IgG3 0.2-1.1, IgG4 0.08-1.4 g/L: Schauer et al., Clin.
     * Chem. 49 (2003) 1924-1929, reference values for adults against CRM 470); the issue text quotes the same mid
     * values.
     */
    public static final Map<String, Double> CONCENTRATION = Map.of("IgG1", 6.6, "IgG2", 2.9, "IgG3", 0.6,
            "IgG4", 0.4);

    /**
     * Total-body elimination half-lives: about 21 d for IgG1, IgG2 and IgG4 and about 7 d for IgG3 (Morell, Terry
     * and Waldmann, Metabolic properties of IgG subclasses in man, J. Clin. Invest. 49 (1970) 673-680).
     */
    public static final Map<String, Double> HALF_LIFE = Map.of("IgG1", 21.0 * DAY, "IgG2", 21.0 * DAY,
            "IgG3", 7.0 * DAY, "IgG4", 21.0 * DAY);

    /**
     * Intravascular fraction of total-body IgG, about 45% (Waldmann and Strober, Metabolism of immunoglobulins,
     * Prog. Allergy 13 (1969) 1-110); used for every IgG subclass.
     */
    public static final double IGG_INTRAVASCULAR_FRACTION = 0.45;

    /**
     * Re-equilibration half-time of plasma IgG with the extravascular pool after apheresis: ESTIMATE 1.5 d, the
     * middle of the 1-2 days over which plasma IgG rebounds after plasma exchange before synthesis dominates
     * (Kaplan, Therapeutic plasma exchange: core curriculum, Am. J. Kidney Dis. 52 (2008) 1180, rebound within
     * 48 h); not a fitted value.
     */
    public static final double IGG_REDISTRIBUTION_HALF_TIME = 1.5 * DAY;

    /** Default species parameters for a named IgG subclass, or null when the name is not IgG1 .. IgG4. */
    public static Species subclass(String name) {
        Double c = CONCENTRATION.get(name);
        if (c == null) {
            return null;
        }
        return new Species(name, c, IGG_INTRAVASCULAR_FRACTION, IGG_REDISTRIBUTION_HALF_TIME, HALF_LIFE.get(name),
                true);
    }
}
