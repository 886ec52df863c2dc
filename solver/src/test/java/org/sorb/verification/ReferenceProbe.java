package org.sorb.verification;

import org.sorb.model.ConvectionScheme;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/** Manual probe: prints error and time against a reference for a grid (not a test). */
public final class ReferenceProbe {
    public static void main(String[] args) {
        CadetReference ref = CadetReference.load(args[0]);
        int nz = Integer.parseInt(args[1]);
        int nr = Integer.parseInt(args[2]);
        ParticleGrid grid = ParticleGrid.fromKey(args.length > 3 ? args[3] : "equal_volume");
        ConvectionScheme scheme = ConvectionScheme.fromKey(args.length > 4 ? args[4] : "weno3");
        double rel = args.length > 5 ? Double.parseDouble(args[5]) : 1e-6;
        double abs = args.length > 6 ? Double.parseDouble(args[6]) : 1e-10;
        for (int rep = 0; rep < (args.length > 7 ? Integer.parseInt(args[7]) : 1); rep++) {
            SimulationResult r = new ColumnSimulator(ref.toCase(nz, nr, grid, scheme, abs, rel)).run(ProgressListener.NONE);
            double[] c = r.outletOf(0);
            double[] e = ref.outlet();
            double max = 0;
            for (int k = 0; k < e.length; k++) {
                max = Math.max(max, Math.abs(c[k] - e[k]));
            }
            System.out.printf("%s nz=%d nr=%d err=%.3e wall=%.3f s steps=%d rej=%d newton=%d mb=%.2e%n", ref.model(), nz, nr, max,
                    r.stats().wallSeconds(), r.stats().steps(), r.stats().rejectedSteps(), r.stats().newtonIterations(),
                    r.massBalance().relativeError());
        }
    }
}
