package org.ccft.schemas;

/** The value types of the CMS export contract (cms-export.md, "CSV format"). */
public enum ColumnType {
    /** Free or identifying text. */
    TEXT,
    /** One value from a list the contract fixes. */
    ENUM,
    /** One code from a list (the contract's own, or a reference-data code list). */
    CODE,
    /** {@code |}-separated codes, primary first. */
    CODES,
    /** A whole number. */
    INT,
    /** A whole number, zero or more. */
    COUNT,
    /** {@code yyyy-MM-dd}. */
    DATE,
    /** ISO-8601 with offset. */
    TIMESTAMP,
    /** {@code Y} or {@code N}. */
    FLAG,
    /** Pounds with two decimals, no symbol. */
    MONEY,
    /** {@code yyyy-MM}. */
    MONTH
}
