package org.sorb.cadet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sorb.cases.CaseException;

/**
 * The {@code PIECEWISE_CUBIC_POLY} inlet as Sorb's {@code inlet:} list: section s of {@code SECTION_TIMES}
 * [t_s, t_s+1] gives {@code {until: t_s+1, concentration: CONST_COEFF, slope: LIN_COEFF, quadratic: QUAD_COEFF,
 * cubic: CUBE_COEFF}}, since both write c(t) = CONST + LIN dt + QUAD dt^2 + CUBE dt^3, dt = t - t_s. Absent or
 * all-zero terms are left out.
 */
final class InletSections {
    static final String SECTION_TIMES = "/input/solver/sections/SECTION_TIMES";
    /** Sorb's key, CADET's dataset and what it must hold, for the terms above the constant. */
    private static final String[][] TERMS = {
        {"slope", "LIN_COEFF", "one slope per component (mol/m^3/s)"},
        {"quadratic", "QUAD_COEFF", "one quadratic coefficient per component (mol/m^3/s^2)"},
        {"cubic", "CUBE_COEFF", "one cubic coefficient per component (mol/m^3/s^3)"},
    };

    private InletSections() {
    }

    static List<Map<String, Object>> read(CadetFile f, String unit, int n, Map<String, String> sources)
            throws CaseException {
        String type = f.text(unit + "INLET_TYPE", "PIECEWISE_CUBIC_POLY", "PIECEWISE_CUBIC_POLY");
        if (!type.equals("PIECEWISE_CUBIC_POLY")) {
            throw f.refused(unit + "INLET_TYPE", type, "PIECEWISE_CUBIC_POLY");
        }
        double[] times = sectionTimes(f);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int s = 0; s + 1 < times.length; s++) {
            String sec = unit + String.format(Locale.ROOT, "sec_%03d/", s);
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("until", times[s + 1]);
            section.put("concentration", f.perComponent(sec + "CONST_COEFF", n, "one inlet concentration per "
                    + "component (mol/m^3)"));
            String key = "inlet[" + s + "].";
            sources.put(key + "until", SECTION_TIMES);
            sources.put(key + "concentration", sec + "CONST_COEFF");
            for (String[] term : TERMS) {
                String dataset = sec + term[1];
                double[] v = f.has(dataset) ? f.perComponent(dataset, n, term[2]) : new double[n];
                if (Arrays.stream(v).anyMatch(x -> x != 0.0)) {
                    section.put(term[0], v);
                }
                sources.put(key + term[0], dataset);
            }
            sections.add(section);
        }
        return sections;
    }

    /** SECTION_TIMES, checked to start at 0 and increase. */
    static double[] sectionTimes(CadetFile f) throws CaseException {
        double[] t = f.numbers(SECTION_TIMES, "section times from 0 in increasing order (s)");
        if (t.length < 2 || t[0] != 0.0) {
            throw f.refused(SECTION_TIMES, f.display(SECTION_TIMES), "at least two times, the first 0 (Sorb's runs "
                    + "start at t = 0)");
        }
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] > t[i - 1])) {
                throw f.refused(SECTION_TIMES, f.display(SECTION_TIMES), "times in increasing order");
            }
        }
        return t;
    }
}
