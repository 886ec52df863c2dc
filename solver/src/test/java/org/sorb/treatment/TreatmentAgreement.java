package org.sorb.treatment;

/**
 * How far two treatment runs are apart: the largest difference of the session reductions (fractions of the
 * starting plasma concentration, per session and species) and of the intravascular concentrations at the last
 * sample relative to their largest value, so one number of scale 1.
 */
public final class TreatmentAgreement {
    private TreatmentAgreement() {
    }

    /** The largest difference between {@code a} and {@code b}, relative to scale 1 (see the class comment). */
    public static double difference(TreatmentResult a, TreatmentResult b) {
        double d = 0.0;
        for (int i = 0; i < a.reduction().length; i++) {
            d = Math.max(d, Math.abs(a.reduction()[i] - b.reduction()[i]));
        }
        int ns = a.nSpecies();
        int la = a.intravascular().length - ns;
        int lb = b.intravascular().length - ns;
        for (int k = 0; k < ns; k++) {
            double scale = Double.MIN_NORMAL;
            for (int s = k; s < a.intravascular().length; s += ns) {
                scale = Math.max(scale, Math.abs(a.intravascular()[s]));
            }
            d = Math.max(d, Math.abs(a.intravascular()[la + k] - b.intravascular()[lb + k]) / scale);
        }
        return d;
    }
}
