package org.ccft.marts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One unit test of a mart, declared in its definition under {@code cases:}: the rows {@code given}
 * for the views it reads (by view name: a source such as {@code feedback_records} or {@code
 * working_days}, an intermediate model, or another mart), the {@code as_at} date, and the rows the
 * mart must give ({@code expect}), compared on the columns they name, in any order. {@code where}
 * narrows the mart's rows before they are compared (a mart with a row per service area and year
 * gives many empty rows). A view not given is built from what is (an intermediate model or a mart)
 * or is empty (a conformed table); the reference tables are the real ones unless given. Numbers are
 * compared to the decimals the expected value is written with.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record MartCase(
        String name,
        @JsonProperty("as_at") String asAt,
        Map<String, List<Map<String, Object>>> given,
        String where,
        List<Map<String, Object>> expect) {

    void validate(String mart) {
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("marts/" + mart + ".yml: a case has no name");
        }
        if (asAt == null || expect == null) {
            throw new IllegalStateException(
                    "marts/"
                            + mart
                            + ".yml, case '"
                            + name
                            + "': needs as_at and expect "
                            + "(expect: [] for no rows)");
        }
    }

    public Map<String, List<Map<String, Object>>> givenOrNone() {
        return given == null ? Map.of() : given;
    }
}
