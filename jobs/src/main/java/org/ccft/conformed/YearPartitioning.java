package org.ccft.conformed;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.ccft.schemas.FileContract;

/**
 * A conformed table is stored by financial year of the date that places its rows in time: feedback
 * by the year it was received, commitments by the year they were agreed, agreed updates by the year
 * they were due. A year's files then hold the record ids of that year, so a night's MERGE opens
 * only the years its records are in or come from. The column is {@code <date>_financial_year}
 * without the {@code _date}, e.g. {@code received_financial_year}, labelled like every counting
 * year ({@code 2022-23}); a record with no date (a tombstone left by a FULL export) is kept under
 * the null year.
 */
public record YearPartitioning(String dateColumn, String column) {

    private static final Map<String, String> DATE_OF_TABLE =
            Map.of(
                    "feedback_records", "received_date",
                    "actions", "agreed_date",
                    "contacts", "due_date");

    public static YearPartitioning of(FileContract contract) {
        String date = DATE_OF_TABLE.get(contract.table());
        if (date == null || contract.column(date).isEmpty()) {
            throw new IllegalArgumentException(
                    "no financial-year partitioning declared for conformed table "
                            + contract.table());
        }
        return new YearPartitioning(date, date.replaceFirst("_date$", "") + "_financial_year");
    }

    /**
     * The partition value of a row: the financial year of its date (the session's {@code
     * financial_year}).
     */
    public Column value() {
        return functions.expr("financial_year(`" + dateColumn + "`)");
    }
}
