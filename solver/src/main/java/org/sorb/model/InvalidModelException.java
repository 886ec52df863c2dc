package org.sorb.model;

/** A model value outside its valid range; the message names the field, the value and what was expected. */
public class InvalidModelException extends IllegalArgumentException {
    private final String field;

    public InvalidModelException(String field, String value, String expected) {
        super(field + ": got " + value + ", expected " + expected);
        this.field = field;
    }

    /** The offending field as a case-file key path, e.g. {@code column.bed_porosity}. */
    public String field() {
        return field;
    }
}
