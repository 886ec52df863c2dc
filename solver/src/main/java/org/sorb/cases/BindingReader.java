package org.sorb.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.BiLangmuirBinding;
import org.sorb.model.BindingModel;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.LinearBinding;
import org.sorb.model.PhLangmuirBinding;

/**
 * Reads the {@code binding:} section. A capacity may be given per volume of solid skeleton ({@code qmax}, as
 * the model uses it) or per volume of packed bed ({@code qmax_bed}, as datasheets quote it), converted by
 * qmax = qmax_bed / ((1 - eps_c)(1 - eps_p)).
 */
final class BindingReader {
    static final List<String> LINEAR_KEYS = List.of("model", "kinetic", "ka", "kd");
    static final List<String> LANGMUIR_KEYS = List.of("model", "kinetic", "ka", "kd", "qmax", "qmax_bed");
    static final List<String> PH_LANGMUIR_KEYS = List.of("model", "kinetic", "ka", "kd", "qmax", "qmax_bed", "eta_a",
            "pka_a", "eta_g", "pka_g");
    static final List<String> MODELS = List.of("linear", "langmuir", "bi_langmuir", "ph_langmuir");

    private BindingReader() {
    }

    static BindingModel read(Section s, Components components, double bedPorosity, double particlePorosity)
            throws CaseException {
        Map<String, String> models = new LinkedHashMap<>();
        MODELS.forEach(m -> models.put(m, m));
        String model = s.choice("model", models, null);
        s.allowKeys(model.equals("linear") ? LINEAR_KEYS : model.equals("ph_langmuir") ? PH_LANGMUIR_KEYS
                : LANGMUIR_KEYS);
        boolean kinetic = s.bool("kinetic", true);
        if (model.equals("ph_langmuir")) {
            return phLangmuir(s, components, kinetic, bedPorosity, particlePorosity);
        }
        boolean twoSites = model.equals("bi_langmuir");
        int count = twoSites ? 2 * components.count() : components.count();
        String countText = twoSites ? components.perSiteText() : components.perComponentText();
        QuantityKind kaKind = model.equals("linear") ? QuantityKind.RATE_CONSTANT : QuantityKind.ADSORPTION_RATE;
        double[] ka = s.numbers("ka", kaKind, Range.NON_NEGATIVE, count, countText);
        double[] kd = s.numbers("kd", QuantityKind.RATE_CONSTANT, Range.NON_NEGATIVE, count, countText);
        if (model.equals("linear")) {
            return new LinearBinding(kinetic, ka, kd);
        }
        double[] qmax = capacity(s, count, countText, bedPorosity, particlePorosity);
        return twoSites ? new BiLangmuirBinding(kinetic, ka, kd, qmax) : new LangmuirBinding(kinetic, ka, kd, qmax);
    }

    /**
     * The pH-dependent Langmuir (ACT) binding: component 0 is the pH (whatever its name); every list has one value per binding
     * component (the components after pH).
     */
    private static BindingModel phLangmuir(Section s, Components components, boolean kinetic, double bedPorosity,
                                           double particlePorosity) throws CaseException {
        if (components.count() < 2) {
            throw new CaseException("components", components.names().toString(), "the pH first (a liquid-phase "
                    + "modulator without bound state), then at least one binding component, for binding.model "
                    + "ph_langmuir");
        }
        int count = components.count() - 1;
        String countText = "one per binding component: " + String.join(", ",
                components.names().subList(1, components.count()));
        double[] ka = s.numbers("ka", QuantityKind.ADSORPTION_RATE, Range.NON_NEGATIVE, count, countText);
        double[] kd = s.numbers("kd", QuantityKind.RATE_CONSTANT, Range.NON_NEGATIVE, count, countText);
        double[] qmax = capacity(s, count, countText, bedPorosity, particlePorosity);
        double[] etaA = s.numbers("eta_a", QuantityKind.NUMBER, Range.NON_NEGATIVE, count, countText);
        double[] pkaA = s.numbers("pka_a", QuantityKind.NUMBER, Range.ANY, count, countText);
        double[] etaG = s.numbers("eta_g", QuantityKind.NUMBER, Range.NON_NEGATIVE, count, countText);
        double[] pkaG = s.numbers("pka_g", QuantityKind.NUMBER, Range.ANY, count, countText);
        return new PhLangmuirBinding(kinetic, ka, kd, qmax, etaA, pkaA, etaG, pkaG);
    }

    private static double[] capacity(Section s, int count, String countText, double bedPorosity,
                                     double particlePorosity) throws CaseException {
        if (s.has("qmax") && s.has("qmax_bed")) {
            throw new CaseException(s.field("qmax_bed"), s.display("qmax_bed") + " together with qmax "
                    + s.display("qmax"), "either qmax (per volume of solid skeleton) or qmax_bed (per volume of "
                    + "packed bed), not both");
        }
        if (!s.has("qmax_bed")) {
            if (!s.has("qmax")) {
                throw new CaseException(s.field("qmax"), "nothing", "qmax (per volume of solid skeleton) or "
                        + "qmax_bed (per volume of packed bed), " + count + " values (" + countText + ")");
            }
            return s.numbers("qmax", QuantityKind.CONCENTRATION, Range.POSITIVE, count, countText);
        }
        double[] bed = s.numbers("qmax_bed", QuantityKind.CONCENTRATION, Range.POSITIVE, count, countText);
        double solidFraction = (1.0 - bedPorosity) * (1.0 - particlePorosity);
        double[] qmax = new double[count];
        for (int i = 0; i < count; i++) {
            qmax[i] = bed[i] / solidFraction;
        }
        String values = count == 1 ? Format.number(bed[0]) : Format.numbers(bed);
        s.context().noteConversion(s.field("qmax"), "from qmax_bed " + values + " "
                + s.context().family().siUnit() + " of bed / ((1-" + Format.number(bedPorosity) + ")(1-"
                + Format.number(particlePorosity) + "))");
        return qmax;
    }
}
