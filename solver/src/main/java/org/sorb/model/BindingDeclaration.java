package org.sorb.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a binding model is, declared once beside its equations: its case-file key, its parameters in order, what
 * its first component is when that is a modulator (pH, salt), and how to build it from parameter values.
 * Registered in {@link BindingModels}.
 *
 * @param key            the case-file name, e.g. {@code langmuir}
 * @param parameters     the parameters in the order the kernels pack them
 * @param firstComponent what component 0 must be when it is a modulator (e.g. "the salt (counter-ion)"), or null
 * @param factory        builds the model from the kinetic flag and the values by parameter key
 */
public record BindingDeclaration(String key, List<BindingParameter> parameters, String firstComponent,
                                 Factory factory) {

    /** Builds a model from validated values. */
    @FunctionalInterface
    public interface Factory {
        BindingModel create(boolean kinetic, Map<String, double[]> values);
    }

    public BindingDeclaration {
        Checks.notNull("key", key);
        parameters = List.copyOf(parameters);
        Checks.notNull("factory", factory);
    }

    /** The parameter with case-file key {@code k}, or null. */
    public BindingParameter parameter(String k) {
        for (BindingParameter p : parameters) {
            if (p.key().equals(k)) {
                return p;
            }
        }
        return null;
    }

    /** The smallest number of liquid components the model takes: 2 with a modulator first, else 1. */
    public int minComponents() {
        return firstComponent == null ? 1 : 2;
    }

    /** Builds the model (its constructor checks the values). */
    public BindingModel create(boolean kinetic, Map<String, double[]> values) {
        return factory.create(kinetic, values);
    }

    /** The values of {@code model} by parameter key, in declaration order. */
    public static Map<String, double[]> values(BindingModel model) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (BindingParameter p : model.declaration().parameters()) {
            m.put(p.key(), model.values(p.key()));
        }
        return m;
    }
}
