package org.ccft.schemas;

/**
 * The value types of the CMS export contract (cms-export.md, "CSV format"), each with the shape its
 * text must have. The shape is the one rule both the Spark SQL checks and the SAT chunk step's
 * processor apply; a date or timestamp must also be a real one, which each checks its own way.
 */
public enum ColumnType {
    /** Free or identifying text. */
    TEXT(null),
    /** One value from a list the contract fixes. */
    ENUM(null),
    /** One code from a list (the contract's own, or a reference-data code list). */
    CODE(null),
    /** {@code |}-separated codes, primary first. */
    CODES(null),
    /** A whole number. */
    INT("-?[0-9]{1,9}"),
    /** A whole number, zero or more. */
    COUNT("[0-9]{1,12}"),
    /** {@code yyyy-MM-dd}. */
    DATE("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    /** ISO-8601 with offset. */
    TIMESTAMP(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})"),
    /** {@code Y} or {@code N}. */
    FLAG("Y|N"),
    /** Pounds with two decimals, no symbol. */
    MONEY("[0-9]{1,10}[.][0-9]{2}"),
    /** {@code yyyy-MM}. */
    MONTH("[0-9]{4}-(0[1-9]|1[0-2])");

    private final String shape;

    ColumnType(String shape) {
        this.shape = shape;
    }

    /** The regular expression the whole value must match, or null when any text will do. */
    public String shape() {
        return shape;
    }

    /** Whether a (non-empty) value has this type's shape. */
    public boolean accepts(String value) {
        return shape == null || value.matches(shape);
    }
}
