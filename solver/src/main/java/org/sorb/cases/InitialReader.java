package org.sorb.cases;

import java.util.List;
import org.sorb.model.BindingModel;
import org.sorb.model.InitialState;
import org.sorb.numerics.BindingEquilibrium;
import org.sorb.numerics.SolverException;

/**
 * Reads the optional {@code initial:} section; absent means an empty column. Without {@code bound} the bound
 * states start in equilibrium with {@code bulk}, which must then be unique (steric mass action needs salt).
 */
final class InitialReader {
    static final List<String> KEYS = List.of("bulk", "bound");

    private InitialReader() {
    }

    static InitialState read(Section s, Components components, BindingModel binding) throws CaseException {
        int n = components.count();
        if (s == null) {
            return equilibrium(InitialState.empty(n), binding, components);
        }
        s.allowKeys(KEYS);
        double[] bulk = s.has("bulk")
                ? s.numbers("bulk", QuantityKind.CONCENTRATION, Range.NON_NEGATIVE, n, components.perComponentText())
                : new double[n];
        double[] bound = null;
        if (s.has("bound")) {
            bound = s.numbers("bound", QuantityKind.CONCENTRATION, Range.NON_NEGATIVE, binding.boundStates(),
                    countText(binding, components));
        }
        return equilibrium(new InitialState(bulk, bound), binding, components);
    }

    /** {@code initial}, after checking that a missing bound state has a unique equilibrium with the bulk. */
    private static InitialState equilibrium(InitialState initial, BindingModel binding, Components components)
            throws CaseException {
        if (initial.bound() == null) {
            try {
                BindingEquilibrium.solve(binding, initial.bulk());
            } catch (SolverException e) {
                throw new CaseException("initial.bound", "nothing", "initial.bound ("
                        + countText(binding, components) + "), since the " + binding.key() + " equilibrium with "
                        + "initial.bulk " + Format.numbers(initial.bulk()) + " cannot start the column: "
                        + e.getMessage());
            }
        }
        return initial;
    }

    private static String countText(BindingModel binding, Components components) {
        int n = components.count();
        int nb = binding.boundStates();
        return nb == n ? components.perComponentText() : nb == 2 * n ? components.perSiteText()
                : "one per bound state: the components after " + components.names().get(0);
    }
}
