package org.ccft.sat;

import java.util.Map;

/**
 * One line of {@code sat/ehcp_monthly.csv} as delivered: its line number and its fields by header
 * name.
 */
public record SatMonthRow(long line, Map<String, String> fields) {

    public String get(String column) {
        String v = fields.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
