package org.sorb.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.BiLangmuirBinding;
import org.sorb.model.BindingModel;
import org.sorb.model.ColumnModel;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.PhLangmuirBinding;
import org.sorb.numerics.StateEntry.Phase;

/** The non-finite locator: every state index maps back to the phase, cell, shell, component and site it holds. */
class StateLayoutTest {
    private static final BindingModel LANGMUIR = new LangmuirBinding(true, new double[] {1, 2}, new double[] {1, 1},
            new double[] {10, 10});
    private static final BindingModel BI_LANGMUIR = new BiLangmuirBinding(true, new double[] {1, 2, 3, 4},
            new double[] {1, 1, 1, 1}, new double[] {10, 10, 5, 5});

    /** Checks locate against the layout's own offsets for every unknown, and that they cover the state once. */
    private static void roundTrip(StateLayout layout, BindingModel binding) {
        int[] seen = new int[layout.size()];
        for (int j = 0; j < layout.axialCells(); j++) {
            for (int i = 0; i < layout.components(); i++) {
                StateEntry e = layout.locate(layout.bulk(j, i));
                assertEquals(new StateEntry(Phase.BULK, j, layout.axialCells(), -1, layout.shells(), i, 0, 1), e);
                seen[layout.bulk(j, i)]++;
            }
            for (int k = 0; k < layout.localBlocks(); k++) {
                int shell = layout.hasPores() ? k : -1;
                if (layout.hasPores()) {
                    for (int i = 0; i < layout.components(); i++) {
                        assertEquals(new StateEntry(Phase.PORE, j, layout.axialCells(), shell, layout.shells(), i, 0,
                                1), layout.locate(layout.pore(j, k, i)));
                        seen[layout.pore(j, k, i)]++;
                    }
                }
                for (int s = 0; s < layout.boundStates(); s++) {
                    StateEntry e = layout.locate(layout.bound(j, k, s));
                    assertEquals(Phase.BOUND, e.phase());
                    assertEquals(j, e.cell());
                    assertEquals(shell, e.shell());
                    assertEquals(binding.componentOf(s), e.component(), "bound state " + s);
                    seen[layout.bound(j, k, s)]++;
                }
            }
        }
        for (int l = 0; l < seen.length; l++) {
            assertEquals(1, seen[l], "state index " + l);
        }
    }

    @Test
    void everyIndexOfEveryModelMapsBackToItsUnknown() {
        for (ColumnModel model : ColumnModel.values()) {
            roundTrip(new StateLayout(model, 5, 3, LANGMUIR), LANGMUIR);
            roundTrip(new StateLayout(model, 4, 2, BI_LANGMUIR), BI_LANGMUIR);
        }
        BindingModel ph = new PhLangmuirBinding(true, new double[] {1}, new double[] {1}, new double[] {10},
                new double[] {1}, new double[] {4}, new double[] {1}, new double[] {4});
        roundTrip(new StateLayout(ColumnModel.GENERAL_RATE, 3, 2, ph), ph);
    }

    @Test
    void knownIndicesAreDescribedByNameCellAndShell() {
        // general rate, 2 components, 3 shells: a cell holds c (2), then per shell c_p (2) and q (2): stride 14
        StateLayout grm = new StateLayout(ColumnModel.GENERAL_RATE, 8, 3, LANGMUIR);
        List<String> names = List.of("IgG", "HSA");
        assertEquals("bulk liquid c of component HSA in axial cell 2 of 8 (from 0 at the inlet)",
                grm.locate(2 * 14 + 1).describe(names));
        assertEquals("pore liquid c_p of component IgG in axial cell 5 of 8 (from 0 at the inlet), particle shell 2 "
                + "of 3 (from 0 at the surface)", grm.locate(5 * 14 + 2 + 2 * 4).describe(names));
        assertEquals("bound phase q of component HSA in axial cell 0 of 8 (from 0 at the inlet), particle shell 1 "
                + "of 3 (from 0 at the surface)", grm.locate(2 + 4 + 3).describe(names));
        // bi-Langmuir, lumped rate: a cell holds c (2) and q (4: site 1 of both components, then site 2)
        StateLayout lrm = new StateLayout(ColumnModel.LUMPED_RATE, 6, 1, BI_LANGMUIR);
        assertEquals("bound phase q (site type 2) of component IgG in axial cell 3 of 6 (from 0 at the inlet)",
                lrm.locate(3 * 6 + 2 + 2).describe(names));
        assertEquals(new StateEntry(Phase.BOUND, 3, 6, -1, 0, 0, 1, 2), lrm.locate(3 * 6 + 2 + 2));
        assertEquals("bulk liquid c of component #1 in axial cell 0 of 6 (from 0 at the inlet)",
                lrm.locate(1).describe(List.of()));
        assertThrows(IndexOutOfBoundsException.class, () -> lrm.locate(lrm.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> lrm.locate(-1));
    }

    @Test
    void firstNonFiniteFindsTheFirstNanOrInfinity() {
        StateLayout layout = new StateLayout(ColumnModel.LUMPED_RATE_WITH_PORES, 3, 1, LANGMUIR);
        double[] y = new double[layout.size()];
        assertEquals(-1, layout.firstNonFinite(y));
        assertEquals(18, y.length, "3 cells of c (2), c_p (2) and q (2)");
        y[15] = Double.NEGATIVE_INFINITY;
        y[17] = Double.NaN;
        assertEquals(15, layout.firstNonFinite(y));
        y[5] = Double.NaN;
        assertEquals(5, layout.firstNonFinite(y));
    }
}
