package org.sorb.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.metrics.MetricsSpec;

/**
 * Reads the optional {@code mobile_phase:} section (viscosity, default water at 20 C) and {@code metrics:} section
 * (breakthrough percentages besides 10, the grid check and its relative tolerance) into a {@link MetricsSpec}.
 */
final class MetricsReader {
    static final String MOBILE_PHASE = "mobile_phase";
    static final String METRICS = "metrics";
    static final List<String> MOBILE_PHASE_KEYS = List.of("viscosity");
    static final List<String> METRICS_KEYS = List.of("breakthrough_percent", "grid_tolerance", "grid_check");
    private static final Range PERCENT = new Range(0.0, false, 100.0, false, "in (0, 100)");

    private MetricsReader() {
    }

    static MetricsSpec read(Section root) throws CaseException {
        double viscosity = MetricsSpec.WATER_20C_VISCOSITY;
        Section phase = root.section(MOBILE_PHASE);
        if (phase != null) {
            phase.allowKeys(MOBILE_PHASE_KEYS);
            viscosity = phase.number("viscosity", QuantityKind.VISCOSITY, Range.POSITIVE, viscosity);
        }
        Section m = root.section(METRICS);
        if (m == null) {
            return new MetricsSpec(viscosity, new double[0], MetricsSpec.DEFAULT_GRID_TOLERANCE, true);
        }
        m.allowKeys(METRICS_KEYS);
        double[] percent = new double[0];
        if (m.has("breakthrough_percent")) {
            int count = m.raw("breakthrough_percent").isArray() ? m.raw("breakthrough_percent").size() : 1;
            percent = m.numbers("breakthrough_percent", QuantityKind.NUMBER, PERCENT, count,
                    "breakthrough levels in %, 10 is always reported");
        }
        double tolerance = m.number("grid_tolerance", QuantityKind.NUMBER, Range.POSITIVE,
                MetricsSpec.DEFAULT_GRID_TOLERANCE);
        return new MetricsSpec(viscosity, percent, tolerance, m.bool("grid_check", true));
    }

    /** The two sections as the resolved case writes them (SI), to be appended to its top-level mapping. */
    static String resolvedYaml(MetricsSpec spec) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(MOBILE_PHASE, Map.of("viscosity", spec.viscosity()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("breakthrough_percent", spec.breakthroughPercent());
        metrics.put("grid_tolerance", spec.gridTolerance());
        metrics.put("grid_check", spec.gridCheck());
        doc.put(METRICS, metrics);
        StringBuilder out = new StringBuilder();
        YamlEmitter.mapping(doc, 0, out);
        return out.toString();
    }
}
