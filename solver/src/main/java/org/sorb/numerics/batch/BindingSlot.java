package org.sorb.numerics.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sorb.model.BindingDeclaration;
import org.sorb.model.BindingParameter;

/**
 * Where one declared binding parameter lies in the kernels' per-design parameter array: the kernels' offset
 * {@code P_<KEY>} (the declared key upper-cased) and its number of values. Every parameter declared positive also
 * gets a slot {@code P_INV_<KEY>} holding its reciprocals, so that the kernels multiply where the Java model
 * divides (1 / qmax, 1 / q_ref): no division in a Newton iteration's hot loops.
 *
 * @param key        the declared parameter's key, e.g. {@code qmax}
 * @param reciprocal true for the slot of 1 / value
 * @param offset     index of its first value among a design's parameters
 * @param size       number of values (the declared count for the batch's n_comp)
 */
public record BindingSlot(String key, boolean reciprocal, int offset, int size) {

    /** The kernels' name of the offset: {@code P_<KEY>} or {@code P_INV_<KEY>}. */
    public String define() {
        return (reciprocal ? "P_INV_" : "P_") + key.toUpperCase(Locale.ROOT);
    }

    /** The slots of every parameter of {@code d}, in declaration order, from {@code first} on, for n_comp = nc. */
    static List<BindingSlot> of(BindingDeclaration d, int nc, int first) {
        List<BindingSlot> out = new ArrayList<>();
        int at = first;
        for (BindingParameter p : d.parameters()) {
            int size = p.count().size(nc);
            out.add(new BindingSlot(p.key(), false, at, size));
            at += size;
            if (p.bound() == BindingParameter.Bound.POSITIVE) {
                out.add(new BindingSlot(p.key(), true, at, size));
                at += size;
            }
        }
        return List.copyOf(out);
    }
}
