package org.sorb.model;

import java.util.List;

/** The registry of binding models: one line per model; everything that lists or finds a model reads it here. */
public final class BindingModels {
    /** Every binding model, in the order they are listed to users. */
    public static final List<BindingDeclaration> ALL = List.of(
            LinearBinding.DECLARATION,
            LangmuirBinding.DECLARATION,
            BiLangmuirBinding.DECLARATION,
            PhLangmuirBinding.DECLARATION,
            StericMassActionBinding.DECLARATION);

    private BindingModels() {
    }

    /** The declaration with case-file key {@code key}, or null. */
    public static BindingDeclaration find(String key) {
        for (BindingDeclaration d : ALL) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        return null;
    }

    /** The case-file keys of every model. */
    public static List<String> keys() {
        return ALL.stream().map(BindingDeclaration::key).toList();
    }
}
