package org.sorb.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.Column;
import org.sorb.model.ColumnModel;

/**
 * Reads the {@code column:} section: model, geometry and flow, with the velocity given one of four ways: interstitial
 * u, superficial u_s = eps_c u, flow rate Q = u_s pi d^2 / 4, or residence time tau = V_bed / Q = L / u_s.
 */
final class ColumnReader {
    static final List<String> KEYS = List.of("model", "length", "diameter", "bed_porosity", "interstitial_velocity",
            "superficial_velocity", "flow_rate", "residence_time", "axial_dispersion");
    static final List<String> VELOCITY_KEYS = List.of("interstitial_velocity", "superficial_velocity", "flow_rate",
            "residence_time");
    private static final String VELOCITY_CHOICE = "exactly one of interstitial_velocity, superficial_velocity, "
            + "flow_rate (with diameter), residence_time";

    private ColumnReader() {
    }

    /** The case-file names of the column models. */
    static Map<String, ColumnModel> models() {
        Map<String, ColumnModel> m = new LinkedHashMap<>();
        for (ColumnModel model : ColumnModel.values()) {
            m.put(model.key(), model);
        }
        return m;
    }

    static Column read(Section s) throws CaseException {
        s.allowKeys(KEYS);
        ColumnModel model = s.choice("model", models(), null);
        double length = s.number("length", QuantityKind.LENGTH, Range.POSITIVE);
        double bedPorosity = s.number("bed_porosity", QuantityKind.NUMBER, Range.OPEN_UNIT);
        double velocity = interstitialVelocity(s, length, bedPorosity);
        double dispersion = s.number("axial_dispersion", QuantityKind.DIFFUSIVITY, Range.NON_NEGATIVE);
        return new Column(model, length, bedPorosity, velocity, dispersion);
    }

    private static double interstitialVelocity(Section s, double length, double bedPorosity) throws CaseException {
        String given = null;
        for (String key : VELOCITY_KEYS) {
            if (s.has(key)) {
                if (given != null) {
                    throw new CaseException(s.field(key), s.display(key) + " together with " + given,
                            VELOCITY_CHOICE);
                }
                given = key;
            }
        }
        Double diameter = s.has("diameter") ? s.number("diameter", QuantityKind.LENGTH, Range.POSITIVE) : null;
        if (given == null) {
            throw new CaseException(s.field("interstitial_velocity"), "nothing", VELOCITY_CHOICE);
        }
        String target = s.field("interstitial_velocity");
        String eps = Format.number(bedPorosity);
        switch (given) {
            case "superficial_velocity": {
                double vs = s.number(given, QuantityKind.VELOCITY, Range.POSITIVE);
                s.context().noteConversion(target, "from superficial_velocity " + s.display(given)
                        + " (" + Format.number(vs) + " m/s) / bed_porosity " + eps);
                return vs / bedPorosity;
            }
            case "flow_rate": {
                double q = s.number(given, QuantityKind.FLOW_RATE, Range.POSITIVE);
                if (diameter == null) {
                    throw new CaseException(s.field("diameter"), "nothing",
                            QuantityKind.LENGTH.describe("> 0") + ", needed with flow_rate");
                }
                double area = Math.PI * diameter * diameter / 4.0;
                s.context().noteConversion(target, "from flow_rate " + s.display(given) + " (" + Format.number(q)
                        + " m^3/s) / (pi (" + Format.number(diameter) + " m)^2 / 4) / bed_porosity " + eps);
                return q / area / bedPorosity;
            }
            case "residence_time": {
                double tau = s.number(given, QuantityKind.TIME, Range.POSITIVE);
                s.context().noteConversion(target, "from residence_time " + s.display(given) + " (" + Format.number(tau)
                        + " s): length " + Format.number(length) + " m / residence_time / bed_porosity " + eps);
                return length / tau / bedPorosity;
            }
            default:
                return s.number(given, QuantityKind.VELOCITY, Range.POSITIVE);
        }
    }
}
