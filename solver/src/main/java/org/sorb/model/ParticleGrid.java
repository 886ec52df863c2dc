package org.sorb.model;

/** Placement of the finite-volume shells inside a particle. */
public enum ParticleGrid {
    /** Shells of equal volume: thin near the surface, where uptake happens. */
    EQUAL_VOLUME("equal_volume"),
    /** Shells of equal thickness. */
    EQUIDISTANT("equidistant");

    private final String key;

    ParticleGrid(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ParticleGrid fromKey(String key) {
        for (ParticleGrid g : values()) {
            if (g.key.equals(key)) {
                return g;
            }
        }
        return null;
    }
}
