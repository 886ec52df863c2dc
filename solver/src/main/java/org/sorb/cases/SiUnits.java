package org.sorb.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code units:} section: the SI units every bare number of a case is in. The resolved YAML lists them;
 * on reading, only {@code concentration} may be chosen (kg/m^3 or mol/m^3), the others must be the SI unit.
 */
final class SiUnits {
    private SiUnits() {
    }

    /** The SI unit of every quantity, for a case in {@code family}. */
    static Map<String, String> table(ConcentrationFamily family) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("length", "m");
        m.put("time", "s");
        m.put("velocity", "m/s");
        m.put("axial_dispersion", "m^2/s");
        m.put("film_diffusion", "m/s");
        m.put("pore_diffusion", "m^2/s");
        m.put("concentration", family.siUnit());
        m.put("langmuir_ka", family == ConcentrationFamily.MASS ? "m^3/(kg s)" : "m^3/(mol s)");
        m.put("linear_ka", "1/s");
        m.put("kd", "1/s");
        m.put("slope", family.siUnit() + "/s");
        m.put("quadratic", family.siUnit() + "/s^2");
        m.put("cubic", family.siUnit() + "/s^3");
        m.put("viscosity", "Pa s");
        return m;
    }

    /** Reads a {@code units:} section and declares its concentration family, if any. */
    static void read(Section s) throws CaseException {
        if (s == null) {
            return;
        }
        Map<String, String> massTable = table(ConcentrationFamily.MASS);
        s.allowKeys(massTable.keySet());
        ConcentrationFamily family = ConcentrationFamily.MASS;
        if (s.has("concentration")) {
            String unit = s.text("concentration", null);
            family = ConcentrationFamily.fromSiUnit(unit);
            if (family == null) {
                throw new CaseException(s.field("concentration"), unit, "kg/m^3 or mol/m^3");
            }
            s.context().useFamily(s.field("concentration"), unit, family);
        }
        Map<String, String> expected = table(family);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (s.has(e.getKey()) && !s.display(e.getKey()).equals(e.getValue())) {
                throw new CaseException(s.field(e.getKey()), s.display(e.getKey()), e.getValue()
                        + " (bare numbers are always SI; write a unit on each value instead)");
            }
        }
    }
}
