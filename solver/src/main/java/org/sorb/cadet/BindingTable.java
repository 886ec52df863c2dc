package org.sorb.cadet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.cases.CaseException;

/**
 * CADET's {@code ADSORPTION_MODEL} names and fields against Sorb's {@code binding:} keys: the mapping table of
 * {@code docs/cadet.md}. Salt is component 0 of steric mass action; its entries in CADET's per-component arrays are
 * dropped, since Sorb's lists hold one value per protein.
 */
enum BindingTable {
    LINEAR("LINEAR", "linear", 1, List.of(
            field("LIN_KA", "ka", Shape.PER_COMPONENT), field("LIN_KD", "kd", Shape.PER_COMPONENT))),
    LANGMUIR("MULTI_COMPONENT_LANGMUIR", "langmuir", 1, List.of(
            field("MCL_KA", "ka", Shape.PER_COMPONENT), field("MCL_KD", "kd", Shape.PER_COMPONENT),
            field("MCL_QMAX", "qmax", Shape.PER_COMPONENT))),
    BI_LANGMUIR("MULTI_COMPONENT_BILANGMUIR", "bi_langmuir", 2, List.of(
            field("MCBL_KA", "ka", Shape.PER_STATE), field("MCBL_KD", "kd", Shape.PER_STATE),
            field("MCBL_QMAX", "qmax", Shape.PER_STATE))),
    STERIC_MASS_ACTION("STERIC_MASS_ACTION", "steric_mass_action", 1, List.of(
            field("SMA_LAMBDA", "lambda", Shape.SCALAR), field("SMA_KA", "ka", Shape.PER_PROTEIN),
            field("SMA_KD", "kd", Shape.PER_PROTEIN), field("SMA_NU", "nu", Shape.PER_PROTEIN),
            field("SMA_SIGMA", "sigma", Shape.PER_PROTEIN), optional("SMA_REFC0", "c_ref"),
            optional("SMA_REFQ", "q_ref")));

    /** How many values a field holds. */
    enum Shape {
        /** One per component ({@code NCOMP}). */
        PER_COMPONENT,
        /** One per bound state, state-major: site type 1 for every component, then site type 2. */
        PER_STATE,
        /** One per component in CADET, the salt's (component 0) dropped for Sorb. */
        PER_PROTEIN,
        /** A single value. */
        SCALAR,
        /** A single value that may be left out (Sorb's default applies). */
        OPTIONAL_SCALAR
    }

    /** One CADET field and the Sorb key it becomes. */
    record Field(String cadet, String sorb, Shape shape) {
    }

    private final String cadetName;
    private final String sorbModel;
    private final int boundPerComponent;
    private final List<Field> fields;

    BindingTable(String cadetName, String sorbModel, int boundPerComponent, List<Field> fields) {
        this.cadetName = cadetName;
        this.sorbModel = sorbModel;
        this.boundPerComponent = boundPerComponent;
        this.fields = fields;
    }

    private static Field field(String cadet, String sorb, Shape shape) {
        return new Field(cadet, sorb, shape);
    }

    private static Field optional(String cadet, String sorb) {
        return new Field(cadet, sorb, Shape.OPTIONAL_SCALAR);
    }

    String cadetName() {
        return cadetName;
    }

    String sorbModel() {
        return sorbModel;
    }

    /** Bound states per component ({@code NBOUND} of every component). */
    int boundPerComponent() {
        return boundPerComponent;
    }

    List<Field> fields() {
        return fields;
    }

    /** The entry for CADET's {@code name}, or null when Sorb has no such binding model. */
    static BindingTable named(String name) {
        return Arrays.stream(values()).filter(b -> b.cadetName.equals(name)).findFirst().orElse(null);
    }

    /** The entry for Sorb's binding model {@code key} (e.g. {@code langmuir}), or null when CADET has none here. */
    static BindingTable forSorb(String key) {
        return Arrays.stream(values()).filter(b -> b.sorbModel.equals(key)).findFirst().orElse(null);
    }

    /** Sorb's models that have a CADET name here, for messages. */
    static String sorbNames() {
        return String.join(", ", Arrays.stream(values()).map(BindingTable::sorbModel).toList());
    }

    /** The CADET names Sorb reads, for messages. */
    static String names() {
        return String.join(", ", Arrays.stream(values()).map(BindingTable::cadetName).toList());
    }

    /**
     * Reads the {@code adsorption/} group at {@code group} (ending in '/') into Sorb's binding keys, for {@code n}
     * components.
     */
    Map<String, Object> read(CadetFile f, String group, int n) throws CaseException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", sorbModel);
        out.put("kinetic", kinetic(f, group + "IS_KINETIC", this == STERIC_MASS_ACTION ? n : -1));
        for (Field field : fields) {
            String path = group + field.cadet();
            switch (field.shape()) {
                case PER_COMPONENT -> out.put(field.sorb(), f.perComponent(path, n, "one value per component"));
                case PER_STATE -> out.put(field.sorb(), f.perComponent(path, 2 * n,
                        "one value per bound state, state-major (site type 1 of every component, then site type 2)"));
                case PER_PROTEIN -> {
                    double[] all = f.perComponent(path, n, "one value per component, salt (component 0) first");
                    out.put(field.sorb(), Arrays.copyOfRange(all, 1, n));
                }
                case SCALAR -> out.put(field.sorb(), f.number(path, "one value"));
                case OPTIONAL_SCALAR -> {
                    if (f.has(path)) {
                        out.put(field.sorb(), f.number(path, "one value"));
                    }
                }
                default -> throw new IllegalStateException(field.shape().name());
            }
        }
        return out;
    }

    /**
     * IS_KINETIC: one value, or one per bound state that all agree (Sorb's mode is per binding model); with
     * {@code saltStates} = NCOMP values, the salt's (first) entry is left out, since its bound state is algebraic in
     * Sorb's steric mass action whatever it says.
     */
    private static boolean kinetic(CadetFile f, String path, int saltStates) throws CaseException {
        double[] all = f.numbers(path, "0 (rapid equilibrium) or 1 (kinetic)");
        double[] v = all.length == saltStates && all.length > 1 ? Arrays.copyOfRange(all, 1, all.length) : all;
        for (double x : v) {
            if (x != v[0] || (x != 0.0 && x != 1.0)) {
                throw f.refused(path, Arrays.toString(all), "0 or 1, the same for every bound state (Sorb's binding "
                        + "is kinetic or rapid-equilibrium as a whole)");
            }
        }
        return v[0] == 1.0;
    }
}
