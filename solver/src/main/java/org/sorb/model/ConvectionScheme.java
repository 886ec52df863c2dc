package org.sorb.model;

/** Reconstruction of the convective face value in the axial finite-volume scheme. */
public enum ConvectionScheme {
    /** Third-order WENO (Jiang-Shu weights, as CADET), first order at the inlet face. */
    WENO3("weno3"),
    /** Koren-limited kappa = 1/3 upwind reconstruction (TVD). */
    KOREN("koren"),
    /** First-order upwind (diffusive; for comparison only). */
    UPWIND("upwind");

    private final String key;

    ConvectionScheme(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ConvectionScheme fromKey(String key) {
        for (ConvectionScheme s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
