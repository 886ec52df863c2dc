package org.sorb.cases;

/** A case file that cannot be used; the message names the field, the value and what was expected. */
public final class CaseException extends Exception {
    private final String field;

    public CaseException(String field, String value, String expected) {
        super(field + ": got " + value + ", expected " + expected);
        this.field = field;
    }

    /** For messages that are not of the got/expected form (e.g. YAML syntax errors). */
    public CaseException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The offending key path, e.g. {@code column.bed_porosity} or {@code inlet[1].until}. */
    public String field() {
        return field;
    }
}
