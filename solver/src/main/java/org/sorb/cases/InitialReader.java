package org.sorb.cases;

import java.util.List;
import org.sorb.model.BindingModel;
import org.sorb.model.InitialState;

/** Reads the optional {@code initial:} section; absent means an empty column. */
final class InitialReader {
    static final List<String> KEYS = List.of("bulk", "bound");

    private InitialReader() {
    }

    static InitialState read(Section s, Components components, BindingModel binding) throws CaseException {
        int n = components.count();
        if (s == null) {
            return InitialState.empty(n);
        }
        s.allowKeys(KEYS);
        double[] bulk = s.has("bulk")
                ? s.numbers("bulk", QuantityKind.CONCENTRATION, Range.NON_NEGATIVE, n, components.perComponentText())
                : new double[n];
        double[] bound = null;
        if (s.has("bound")) {
            int nb = binding.boundStates();
            String countText = nb == n ? components.perComponentText() : nb == 2 * n ? components.perSiteText()
                    : "one per bound state: the components after pH";
            bound = s.numbers("bound", QuantityKind.CONCENTRATION, Range.NON_NEGATIVE, nb, countText);
        }
        return new InitialState(bulk, bound);
    }
}
