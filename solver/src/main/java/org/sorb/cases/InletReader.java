package org.sorb.cases;

import java.util.ArrayList;
import java.util.List;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;

/** Reads the {@code inlet:} list of consecutive sections, each ending at its {@code until} time. */
final class InletReader {
    static final List<String> KEYS = List.of("until", "concentration", "slope", "quadratic", "cubic");
    private static final String EXPECTED =
            "a list of sections like {until: 60 min, concentration: [1.0]}, in time order";

    private InletReader() {
    }

    static Inlet read(Section root, Components components) throws CaseException {
        List<InletSection> sections = new ArrayList<>();
        double previousEnd = 0.0;
        String previousText = "0 s";
        int n = components.count();
        String perComponent = components.perComponentText();
        for (Section s : root.sectionList("inlet", EXPECTED)) {
            s.allowKeys(KEYS);
            double end = s.number("until", QuantityKind.TIME, Range.POSITIVE);
            if (!(end > previousEnd)) {
                throw new CaseException(s.field("until"), s.display("until"),
                        "a time after the previous section's end (" + previousText + ")");
            }
            double[] c = s.numbers("concentration", QuantityKind.CONCENTRATION, Range.NON_NEGATIVE, n,
                    perComponent);
            double[] slope = term(s, "slope", QuantityKind.CONCENTRATION_SLOPE, n, perComponent);
            double[] quadratic = term(s, "quadratic", QuantityKind.CONCENTRATION_QUADRATIC, n, perComponent);
            double[] cubic = term(s, "cubic", QuantityKind.CONCENTRATION_CUBIC, n, perComponent);
            sections.add(new InletSection(end, c, slope, quadratic, cubic));
            previousEnd = end;
            previousText = s.display("until");
        }
        return new Inlet(sections);
    }

    /** An optional per-component coefficient of the section's cubic, or null (zeros) when absent. */
    private static double[] term(Section s, String key, QuantityKind kind, int n, String perComponent)
            throws CaseException {
        return s.has(key) ? s.numbers(key, kind, Range.ANY, n, perComponent) : null;
    }
}
