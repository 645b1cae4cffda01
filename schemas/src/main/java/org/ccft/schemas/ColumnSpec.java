package org.ccft.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One column of a contract file, with the rules the contract states for it.
 *
 * @param requiredWhen SQL condition over the row under which the column is required
 * @param emptyUnless SQL condition outside which the column must be empty
 * @param allowedWhen value to the SQL condition under which that value is allowed
 * @param codeList name of a reference-data code list the value must be on
 * @param notBefore another date column this one must not precede
 * @param notAbove another count column this one must not exceed
 * @param personal personal data: kept in the raw layer only
 * @param listedIn free text that could name a person: past raw, kept only when on this reference
 *     list
 * @param since the contract release that added the column (null: the first): a drop of an earlier
 *     release lacks it, and its header is not warned for that
 * @param inForce reference data whose rows, valid on the record's received_date, say which values
 *     are in force (for {@code stage}: {@code complaint_timescales}, by procedure)
 */
public record ColumnSpec(
        String name,
        ColumnType type,
        boolean required,
        List<String> values,
        @JsonProperty("code_list") String codeList,
        @JsonProperty("required_when") String requiredWhen,
        @JsonProperty("empty_unless") String emptyUnless,
        @JsonProperty("allowed_when") Map<String, String> allowedWhen,
        @JsonProperty("not_future") boolean notFuture,
        @JsonProperty("not_before") String notBefore,
        @JsonProperty("not_above") String notAbove,
        boolean personal,
        @JsonProperty("listed_in") String listedIn,
        String since,
        @JsonProperty("in_force") String inForce)
        implements Serializable {

    public ColumnSpec {
        values = values == null ? List.of() : List.copyOf(values);
        allowedWhen = allowedWhen == null ? Map.of() : Map.copyOf(allowedWhen);
    }
}
