package org.ccft.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;

/**
 * Builds CMS rows for fixtures: every contract column, with sensible defaults and named overrides.
 */
public final class Cms {

    private Cms() {}

    public static List<String> header(FileContract f) {
        return f.columnNames();
    }

    /** A row of {@code f} from {@code name=value} pairs; columns not named are empty. */
    public static List<String> row(FileContract f, Map<String, String> values) {
        List<String> row = new ArrayList<>();
        for (String c : f.columnNames()) {
            row.add(values.get(c));
        }
        return row;
    }

    /**
     * A complaint stage (current, not deleted) with the given overrides, as {@code "column=value"}
     * strings.
     */
    public static List<String> feedback(String... overrides) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("record_id", "R1");
        v.put("case_ref", "C1");
        v.put("feedback_type", "COMPLAINT");
        v.put("procedure", "CORPORATE");
        v.put("stage", "1");
        v.put("received_date", "2022-06-01");
        v.put("service_area", "SAT");
        v.put("themes", "PLANS");
        v.put("complainant_role", "PARENT");
        v.put("status", "OPEN");
        v.put("last_modified", "2022-06-01T09:00:00Z");
        v.put("is_deleted", "N");
        v.put("complainant_name", "Alex Example");
        v.put("summary", "Free text, with a comma and a \"quote\"\nand a line break");
        apply(v, overrides);
        return row(CmsContract.FEEDBACK_RECORDS, v);
    }

    public static List<String> action(String... overrides) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("action_id", "A1");
        v.put("record_id", "R1");
        v.put("kind", "ASSESSMENT");
        v.put("description", "Commission an OT assessment for the child");
        v.put("owner_team", "sat North");
        v.put("agreed_date", "2022-06-10");
        v.put("due_date", "2022-07-10");
        v.put("status", "OPEN");
        v.put("last_modified", "2022-06-10T09:00:00Z");
        v.put("is_deleted", "N");
        apply(v, overrides);
        return row(CmsContract.ACTIONS, v);
    }

    public static List<String> contact(String... overrides) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("contact_id", "K1");
        v.put("record_id", "R1");
        v.put("due_date", "2022-06-17");
        v.put("sent_date", "2022-06-16");
        v.put("adjustment", "WEEKLY_UPDATE");
        v.put("adjustment_met", "Y");
        v.put("last_modified", "2022-06-16T09:00:00Z");
        v.put("is_deleted", "N");
        apply(v, overrides);
        return row(CmsContract.CONTACTS, v);
    }

    private static void apply(Map<String, String> v, String... overrides) {
        Arrays.stream(overrides)
                .forEach(
                        o -> {
                            int eq = o.indexOf('=');
                            String value = o.substring(eq + 1);
                            v.put(o.substring(0, eq), value.isEmpty() ? null : value);
                        });
    }
}
