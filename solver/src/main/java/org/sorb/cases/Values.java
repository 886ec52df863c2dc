package org.sorb.cases;

import com.fasterxml.jackson.databind.JsonNode;

/** Converts one scalar of the case tree to an SI number, checking unit, finiteness, range and family. */
final class Values {
    private Values() {
    }

    /** The SI value of {@code node}; every failure names {@code field}, the text and what was expected. */
    static double number(String field, JsonNode node, QuantityKind kind, Range range, ReadContext context)
            throws CaseException {
        String text = YamlTree.display(node);
        if (node == null || !node.isValueNode() || node.isNull() || node.isBoolean()) {
            throw new CaseException(field, text, kind.describe(range.text()));
        }
        Quantity q = kind == QuantityKind.TIME ? ColumnVolumes.time(field, text, context) : null;
        if (q == null) {
            q = Units.toSi(field, text, kind, range.text());
        }
        if (!range.contains(q.si())) {
            throw new CaseException(field, text, kind.describe(range.text()));
        }
        context.useFamily(field, text, q.family());
        context.noteValue(field, q.si(), kind);
        return q.si();
    }
}
