package org.sorb.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.BindingDeclaration;
import org.sorb.model.BindingModel;
import org.sorb.model.BindingModels;
import org.sorb.model.BindingParameter;
import org.sorb.model.BindingParameter.Count;

/**
 * Reads the {@code binding:} section of any registered model from its {@link BindingDeclaration}: the model's
 * keys, counts, units, ranges and defaults all come from the declared parameters. A parameter declared on a bed
 * basis may be given per volume of solid skeleton ({@code qmax}, as the model uses it) or per volume of packed bed
 * ({@code qmax_bed}, as datasheets quote it), converted by qmax = qmax_bed / ((1 - eps_c)(1 - eps_p)).
 */
final class BindingReader {
    /** The suffix of a parameter given per volume of packed bed. */
    static final String BED_SUFFIX = "_bed";

    private BindingReader() {
    }

    static BindingModel read(Section s, Components components, double bedPorosity, double particlePorosity)
            throws CaseException {
        Map<String, BindingDeclaration> models = new LinkedHashMap<>();
        BindingModels.ALL.forEach(d -> models.put(d.key(), d));
        BindingDeclaration model = s.choice("model", models, null);
        s.allowKeys(keys(model));
        boolean kinetic = s.bool("kinetic", true);
        if (components.count() < model.minComponents()) {
            throw new CaseException("components", components.names().toString(), model.firstComponent()
                    + " first, then at least one binding component, for binding.model " + model.key());
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (BindingParameter p : model.parameters()) {
            values.put(p.key(), p.bedBasis() ? capacity(s, p, components, bedPorosity, particlePorosity)
                    : values(s, p, components));
        }
        return model.create(kinetic, values);
    }

    /** Every key a {@code binding:} section of {@code model} may hold, in declaration order. */
    static List<String> keys(BindingDeclaration model) {
        List<String> keys = new ArrayList<>(List.of("model", "kinetic"));
        for (BindingParameter p : model.parameters()) {
            keys.add(p.key());
            if (p.bedBasis()) {
                keys.add(p.key() + BED_SUFFIX);
            }
        }
        return keys;
    }

    /** The pairs of keys of every registered model that exclude each other: a parameter and its bed basis. */
    static List<List<String>> exclusivePairs() {
        List<List<String>> pairs = new ArrayList<>();
        for (BindingDeclaration d : BindingModels.ALL) {
            for (BindingParameter p : d.parameters()) {
                List<String> pair = List.of(p.key(), p.key() + BED_SUFFIX);
                if (p.bedBasis() && !pairs.contains(pair)) {
                    pairs.add(pair);
                }
            }
        }
        return pairs;
    }

    /** What a count of values means, naming the components, e.g. "one per component: IgG, HSA". */
    static String countText(Count count, Components components) {
        return switch (count) {
            case SCALAR -> "one value";
            case PER_COMPONENT -> components.perComponentText();
            case PER_SITE -> components.perSiteText();
            case PER_BINDING_COMPONENT -> "one per binding component: " + String.join(", ",
                    components.names().subList(1, components.count()));
        };
    }

    private static Range range(BindingParameter.Bound bound) {
        return switch (bound) {
            case ANY -> Range.ANY;
            case NON_NEGATIVE -> Range.NON_NEGATIVE;
            case POSITIVE -> Range.POSITIVE;
        };
    }

    /** The values of {@code p} under its own key: a scalar as one number, else a list; the default when absent. */
    private static double[] values(Section s, BindingParameter p, Components components) throws CaseException {
        int count = p.count().size(components.count());
        if (!s.has(p.key()) && p.defaultValue() != null) {
            double[] v = new double[count];
            Arrays.fill(v, p.defaultValue());
            return v;
        }
        return read(s, p.key(), p, components);
    }

    private static double[] read(Section s, String key, BindingParameter p, Components components)
            throws CaseException {
        if (p.count() == Count.SCALAR) {
            return new double[] {s.number(key, QuantityKind.of(p.kind()), range(p.bound()))};
        }
        return s.numbers(key, QuantityKind.of(p.kind()), range(p.bound()), p.count().size(components.count()),
                countText(p.count(), components));
    }

    /** A parameter given per volume of solid skeleton ({@code key}) or of packed bed ({@code key_bed}). */
    private static double[] capacity(Section s, BindingParameter p, Components components, double bedPorosity,
                                     double particlePorosity) throws CaseException {
        String key = p.key();
        String bedKey = key + BED_SUFFIX;
        if (s.has(key) && s.has(bedKey)) {
            throw new CaseException(s.field(bedKey), s.display(bedKey) + " together with " + key + " "
                    + s.display(key), "either " + key + " (per volume of solid skeleton) or " + bedKey
                    + " (per volume of packed bed), not both");
        }
        if (!s.has(bedKey)) {
            if (!s.has(key) && p.defaultValue() == null) {
                int count = p.count().size(components.count());
                throw new CaseException(s.field(key), "nothing", key + " (per volume of solid skeleton) or "
                        + bedKey + " (per volume of packed bed), " + count + " values ("
                        + countText(p.count(), components) + ")");
            }
            return values(s, p, components);
        }
        double[] bed = read(s, bedKey, p, components);
        double solidFraction = (1.0 - bedPorosity) * (1.0 - particlePorosity);
        double[] solid = new double[bed.length];
        for (int i = 0; i < bed.length; i++) {
            solid[i] = bed[i] / solidFraction;
        }
        String values = bed.length == 1 ? Format.number(bed[0]) : Format.numbers(bed);
        s.context().noteConversion(s.field(key), "from " + bedKey + " " + values + " "
                + s.context().family().siUnit() + " of bed / ((1-" + Format.number(bedPorosity) + ")(1-"
                + Format.number(particlePorosity) + "))");
        return solid;
    }
}
