package org.sorb.model;

/** Which transport model a column uses: the general rate model or one of its lumped limits. */
public enum ColumnModel {
    /** Bulk, film, radial pore diffusion in spherical particles, binding in every particle shell. */
    GENERAL_RATE("general_rate"),
    /** One well-mixed pore phase per axial cell behind a film resistance. */
    LUMPED_RATE_WITH_PORES("lumped_rate_with_pores"),
    /** Pore liquid in equilibrium with the bulk (c_p = c): one total porosity, no film. */
    LUMPED_RATE("lumped_rate");

    private final String key;

    ColumnModel(String key) {
        this.key = key;
    }

    /** The name used in case files. */
    public String key() {
        return key;
    }

    /** The model with the case-file name {@code key}, or null when there is none. */
    public static ColumnModel fromKey(String key) {
        for (ColumnModel m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }
}
