package org.sorb.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.Column;
import org.sorb.model.FilmCorrelation;
import org.sorb.model.WilsonGeankoplis;

/**
 * Reads {@code particle.film_diffusion}: either k_f per component (m/s), or a correlation evaluated for this
 * column and particle, {@code {correlation: wilson_geankoplis, molecular_diffusion: [D_m per component]}}, so that a
 * sweep over radius or flow moves k_f with them.
 */
final class FilmReader {
    static final String KEY = "film_diffusion";
    static final List<String> KEYS = List.of("correlation", "molecular_diffusion");

    private FilmReader() {
    }

    /** The case-file names of the correlations. */
    static Map<String, FilmCorrelation> correlations() {
        Map<String, FilmCorrelation> m = new LinkedHashMap<>();
        m.put("wilson_geankoplis", new WilsonGeankoplis());
        return m;
    }

    /** k_f per component (m/s) from the particle section {@code s} of radius {@code radius} in {@code column}. */
    static double[] read(Section s, Column column, double radius, int n, String perComponent) throws CaseException {
        if (!(s.raw(KEY) instanceof ObjectNode)) {
            return s.numbers(KEY, QuantityKind.FILM_COEFFICIENT, Range.POSITIVE, n, perComponent);
        }
        Section f = s.section(KEY);
        f.allowKeys(KEYS);
        FilmCorrelation correlation = f.choice("correlation", correlations(), null);
        double[] dm = f.numbers("molecular_diffusion", QuantityKind.DIFFUSIVITY, Range.POSITIVE, n, perComponent);
        if (!(radius > 0)) {
            throw new CaseException(s.field("radius"), Format.number(radius) + " m",
                    "a particle radius > 0 for a film correlation");
        }
        double us = column.superficialVelocity();
        double dp = 2 * radius;
        double[] kf = new double[n];
        for (int i = 0; i < n; i++) {
            kf[i] = correlation.coefficient(column.bedPorosity(), us, dp, dm[i]);
            s.context().noteConversion(s.field(KEY) + "[" + i + "]", "from " + f.display("correlation") + ": "
                    + Format.number(kf[i]) + " m/s at Pe = u_s d_p / D_m = " + Format.number(us) + " x "
                    + Format.number(dp) + " / " + Format.number(dm[i]) + " = "
                    + Format.number(FilmCorrelation.peclet(us, dp, dm[i])) + " (measured for "
                    + Format.number(WilsonGeankoplis.MIN_PECLET) + " < Pe < "
                    + Format.number(WilsonGeankoplis.MAX_PECLET) + ")");
        }
        return kf;
    }
}
