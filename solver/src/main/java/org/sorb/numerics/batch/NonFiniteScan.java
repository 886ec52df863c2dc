package org.sorb.numerics.batch;

import java.util.List;
import org.sorb.numerics.NonFiniteState;
import org.sorb.numerics.StateLayout;
import org.sorb.numerics.batch.BatchDevice.Buf;

/**
 * Finds the first NaN or infinity of one design in what {@link BatchIntegrator} reads back from its device: the
 * stage states and error estimate of a rejected attempt, or the rates F1 of a whole batch at its start.
 */
final class NonFiniteScan {
    private static final Buf[] STAGE_STATES = {Buf.S1, Buf.S2, Buf.S3};

    private NonFiniteScan() {
    }

    /**
     * The {@link NonFiniteState#inAttempt} message for design b's last attempt, or null when its stage states S1..S3
     * and, for a complete attempt, its error estimate ERR are finite.
     */
    static String attempt(BatchDevice device, int b, StateLayout layout, List<String> names, boolean complete,
                          String at, double h, int rejections) {
        double[] single = new double[layout.size()];
        for (Buf stage : STAGE_STATES) {
            device.readDesign(stage, b, single);
            int bad = layout.firstNonFinite(single);
            if (bad >= 0) {
                return NonFiniteState.inAttempt("state", layout, names, bad, single[bad], at, h, rejections);
            }
        }
        if (complete) {
            device.readDesign(Buf.ERR, b, single);
            int bad = layout.firstNonFinite(single);
            if (bad >= 0) {
                return NonFiniteState.inAttempt("error estimate", layout, names, bad, single[bad], at, h, rejections);
            }
        }
        return null;
    }

    /**
     * Index of design b's first non-finite entry in {@code all} (a whole-batch buffer read back, [l * nd + b]), or
     * -1; {@code single} (n values) receives the design's column.
     */
    static int firstNonFinite(double[] all, int b, int nd, StateLayout layout, double[] single) {
        for (int l = 0; l < single.length; l++) {
            single[l] = all[l * nd + b];
        }
        return layout.firstNonFinite(single);
    }
}
