package org.sorb.cases;

import java.util.ArrayList;
import java.util.List;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;

/** Reads the {@code inlet:} list of consecutive sections, each ending at its {@code until} time. */
final class InletReader {
    static final List<String> KEYS = List.of("until", "concentration", "slope");
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
            double[] slope = s.has("slope")
                    ? s.numbers("slope", QuantityKind.CONCENTRATION_SLOPE, Range.ANY, n, perComponent) : null;
            sections.add(new InletSection(end, c, slope));
            previousEnd = end;
            previousText = s.display("until");
        }
        return new Inlet(sections);
    }
}
