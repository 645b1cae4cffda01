package org.ccft.marts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The marts the warehouse publishes (marts.md), and the intermediate views they share, in build order. */
public final class MartCatalog {

    /** Views several marts read; built first, never published. */
    public static final List<String> INTERMEDIATE = List.of(
            "financial_years", "complaint_stages", "feedback_measures", "feedback_received");

    /** The marts of marts.md, by the names dashboards rely on. */
    public static final List<String> CONTRACT_MARTS = List.of(
            "at_a_glance", "complaint_outcomes", "complaint_timeliness", "complaint_themes", "lgo_outcomes",
            "sat_complaints_vs_ehcp", "commitment_followup", "adjustments_compliance");

    /**
     * Every published mart, in build order (a mart may read one built before it): the contract's, then
     * the rest of the annual report, the SEND tracker, and the lists for the complaints team.
     */
    public static final List<String> MARTS = Stream.concat(CONTRACT_MARTS.stream(), Stream.of(
            // the report: feedback, complaints, the ombudsman, remedies, compliments
            "feedback_by_quarter", "other_feedback", "complaints_by_service_area", "service_area_complaints",
            "complaint_stage_trends",
            "send_complaints", "complainants", "complaints_summary", "complaint_response_times",
            "complaint_escalation", "lgo_caseload", "lgo_decisions_by_theme", "remedy_payments",
            "compliments_by_service_area",
            // EHC plans: the SAT's months and DfE's statistics
            "ehcp_monthly_performance", "ehcp_benchmark",
            // for the complaints team: what to act on today
            "commitments_outstanding", "adjustments_by_complainant", "complaint_worklist", "complaint_stages_due",
            // improvement tracking
            "spc_xmr")).toList();

    /** Marts that read other marts (built before them, at the version just written). */
    public static final Map<String, List<String>> READS_MARTS = Map.of(
            "other_feedback", List.of("feedback_by_quarter"),
            "complaint_stages_due", List.of("complaint_worklist"),
            "service_area_complaints", List.of("complaints_by_service_area"),
            "spc_xmr", List.of("ehcp_monthly_performance", "complaint_response_times"));

    private MartCatalog() {
    }

    public static String intermediateSql(String name) {
        return sql("marts/intermediate/" + name + ".sql");
    }

    public static String martSql(String name) {
        return sql("marts/" + name + ".sql");
    }

    private static String sql(String resource) {
        try (InputStream in = MartCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no SQL at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
