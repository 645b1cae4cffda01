package org.ccft.published.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccft.marts.Audience;
import org.ccft.published.MartReader;
import org.ccft.published.PublicRelease;
import org.ccft.testing.Chromium;

/**
 * The dashboard as a reader meets it, in a real headless Chromium: every page loads with no console
 * error and asks for nothing outside the site; the numbers in each chart's table are its mart's
 * (worked out here with queries of the test's own over the same release); the filters change them;
 * axe-core finds no serious or critical accessibility violation; and a screenshot of every page is
 * left under {@code target/site-screenshots/} for a person to look at.
 */
public final class DashboardInTheBrowser {

    static final String YEAR = "2022-23";
    private final Chromium browser;
    private final String axe;

    public DashboardInTheBrowser(Chromium browser) throws Exception {
        this.browser = browser;
        try (InputStream in =
                DashboardInTheBrowser.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
            this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * One chart's table as the page shows it: header, then per row the category and each cell's
     * value.
     */
    public record ShownTable(String chart, List<String> header, Map<String, List<String>> rows) {}

    /** Opens a page of a site with the given filters and checks what every page must be. */
    public Map<String, ShownTable> open(
            Path site, String page, String fy, String area, String audience) throws Exception {
        browser.open(site.resolve(page).toUri() + "#fy=" + fy + "&area=" + area);
        assertThat(browser.errors()).as("console errors on " + page).isEmpty();
        String root = site.toUri().toString();
        assertThat(browser.requests())
                .as("requests of " + page)
                .isNotEmpty()
                .allMatch(u -> u.startsWith(root), "inside the site " + root);
        assertThat(browser.evaluate("document.getElementById('asat').textContent").asText())
                .contains("Figures as at")
                .contains("Data quality");
        Path shots = Path.of("target/site-screenshots");
        Files.createDirectories(shots);
        Files.write(
                shots.resolve(audience + "-" + page.replace(".html", "") + "-" + fy + ".png"),
                browser.screenshot());
        return tables();
    }

    /** The width of a phone held upright, at which every page must still read. */
    public static final int PHONE = 390;

    /**
     * Shows pages at {@code width} CSS pixels wide (0: the browser's own window again), from a
     * blank page, so that the next page opened, even the same one, loads afresh.
     */
    public void width(int width) throws Exception {
        browser.open("about:blank");
        if (width == 0) {
            browser.send("Emulation.clearDeviceMetricsOverride", null);
            return;
        }
        browser.send(
                "Emulation.setDeviceMetricsOverride",
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("width", width)
                        .put("height", 844)
                        .put("deviceScaleFactor", 1)
                        .put("mobile", true));
    }

    /**
     * What a reader would see wrong on the open page: a chart's text drawn outside its chart (cut
     * off), chart text smaller than 12 px as drawn, and a code (YOUNG_PERSON,
     * special_cause_concern) in the page's visible text, outside an element marked as holding codes
     * ({@code data-code}).
     */
    public List<String> craftProblems(String where) throws Exception {
        JsonNode found =
                browser.evaluate(
                        """
                        (() => {
                          const out = [];
                          document.querySelectorAll('svg.svg-chart').forEach((svg, n) => {
                            const box = svg.getBoundingClientRect();
                            const fig = svg.closest('figure');
                            const chart = fig ? fig.querySelector('figcaption').textContent : 'chart ' + n;
                            const scale = box.width / svg.viewBox.baseVal.width;
                            svg.querySelectorAll('text').forEach(t => {
                              const b = t.getBoundingClientRect();
                              if (b.width === 0) return;
                              if (b.left < box.left - 0.5 || b.right > box.right + 0.5
                                  || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5) {
                                out.push('cut off: "' + t.textContent + '" in ' + chart);
                              }
                              const px = parseFloat(getComputedStyle(t).fontSize) * scale;
                              if (px < 11.99) {
                                out.push('text of ' + px.toFixed(1) + ' px: "' + t.textContent + '" in ' + chart);
                              }
                            });
                          });
                          const code = /\b([A-Z][A-Z0-9]+(_[A-Z0-9]+)+|[a-z][a-z0-9]+(_[a-z0-9]+)+)\b/;
                          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                            const e = n.parentElement;
                            if (!e || e.closest('script,style,noscript,[data-code]')) continue;
                            if (e.closest('svg') === null && e.offsetParent === null && e.tagName !== 'BODY') continue;
                            const m = code.exec(n.textContent);
                            if (m) out.push('code "' + m[1] + '" in: ' + n.textContent.trim().slice(0, 80));
                          }
                          return [...new Set(out)];
                        })()
                        """);
        List<String> out = new ArrayList<>();
        found.forEach(v -> out.add(where + ": " + v.asText()));
        return out;
    }

    /** axe-core's serious and critical violations on the open page. */
    public List<String> accessibilityViolations() throws Exception {
        if (browser.evaluate("typeof axe").asText().equals("undefined")) {
            browser.evaluate(axe + "\n;true");
        }
        JsonNode found =
                browser.evaluate(
                        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')))");
        List<String> out = new ArrayList<>();
        found.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Chooses a filter's value as a person would (the select's change event). */
    public Map<String, ShownTable> choose(String select, String value) throws Exception {
        browser.evaluate(
                "(() => { const s = document.getElementById('"
                        + select
                        + "'); s.value = '"
                        + value
                        + "';"
                        + " s.dispatchEvent(new Event('change')); return new Promise(r => setTimeout(() => r(true), 300)); })()");
        assertThat(browser.errors()).isEmpty();
        return tables();
    }

    public String text(String selector) throws Exception {
        return browser.evaluate(
                        "[...document.querySelectorAll("
                                + quote(selector)
                                + ")].map(e => e.textContent).join('\\n')")
                .asText();
    }

    private Map<String, ShownTable> tables() throws Exception {
        JsonNode all =
                browser.evaluate(
                        "[...document.querySelectorAll('table[data-chart]')].map(t => ({chart: t.dataset.chart,"
                                + " header: [...t.tHead.rows[0].cells].map(c => c.textContent),"
                                + " rows: [...t.tBodies[0].rows].map(r => [...r.cells].map((c, i) => i === 0 ? c.textContent"
                                + " : (c.dataset.value === undefined ? c.textContent : c.dataset.value)))}))");
        Map<String, ShownTable> out = new LinkedHashMap<>();
        for (JsonNode t : all) {
            List<String> header = new ArrayList<>();
            t.get("header").forEach(h -> header.add(h.asText()));
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (JsonNode r : t.get("rows")) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(norm(c.asText())));
                rows.put(cells.get(0), cells.subList(1, cells.size()));
            }
            out.put(t.get("chart").asText(), new ShownTable(t.get("chart").asText(), header, rows));
        }
        return out;
    }

    /**
     * A number written one way whichever side wrote it (JavaScript's and Java's shortest forms can
     * differ).
     */
    static String norm(String v) {
        try {
            double d = Double.parseDouble(v);
            return d == Math.rint(d) && Math.abs(d) < 1e15
                    ? String.valueOf((long) d)
                    : String.valueOf(d);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * A mart's figure as the site must show it, from the test's own query over the release: the
     * number (as the page writes it in a cell's data-value), or {@code c} where the public release
     * suppresses it.
     */
    public static Map<String, String> expected(MartReader reader, String query) throws Exception {
        MartReader.Answer a = reader.answer(query);
        Map<String, String> out = new LinkedHashMap<>();
        for (Object[] r : a.rows()) {
            out.put(String.valueOf(r[0]), r[1] == null ? "" : norm(String.valueOf(r[1])));
        }
        return out;
    }

    /** The public release's reader of a warehouse, for the suppressed figures. */
    public static MartReader publicReader(Path warehouse) throws Exception {
        return MartReader.open(warehouse.toString(), Audience.PUBLIC, null);
    }

    public static final String SUPPRESSED = PublicRelease.SUPPRESSED;

    // ---- the checks, on a warehouse whose publication wrote its sites
    // (published/site/<audience>/) ----

    /**
     * Every page of the staff's, the team's and the public's site: loads clean, stays inside,
     * passes axe, and reads as it should on a desktop and at 390 px wide (no chart text cut off or
     * under 12 px, no raw codes).
     */
    public void everyPageLoadsCleanlyAndAccessibly(Path warehouse, Path teamSite) throws Exception {
        Map<String, Path> sites =
                Map.of(
                        "internal",
                        warehouse.resolve("published/site/internal"),
                        "public",
                        warehouse.resolve("published/site/public"),
                        "team",
                        teamSite);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Path> site : sites.entrySet()) {
            for (String page : DashboardSite.pages(Audience.of(site.getKey()))) {
                String where = site.getKey() + "/" + page;
                open(site.getValue(), page, YEAR, "all", site.getKey());
                accessibilityViolations().forEach(v -> problems.add(where + ": " + v));
                problems.addAll(craftProblems(where));
                width(PHONE);
                try {
                    open(site.getValue(), page, YEAR, "all", site.getKey() + "-" + PHONE + "px");
                    problems.addAll(craftProblems(where + " at " + PHONE + " px"));
                } finally {
                    width(0);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(warehouse.resolve("published/site/public/team.html")).doesNotExist();
    }

    /**
     * The staff's charts hold the marts' exact figures; the filters change them to the year's and
     * area's.
     */
    public void chartsShowTheirMartsAndFiltersChangeThem(Path warehouse) throws Exception {
        Path site = warehouse.resolve("published/site/internal");
        MartReader marts = MartReader.open(warehouse.toString(), Audience.INTERNAL, null);
        Map<String, ShownTable> overview = open(site, "index.html", YEAR, "all", "internal");
        assertThat(column(overview.get("at_a_glance"), 0))
                .containsExactlyElementsOf(expected(marts, measures("value", YEAR)).values());
        assertThat(column(overview.get("at_a_glance"), 1))
                .containsExactlyElementsOf(
                        expected(marts, measures("previous_year_value", YEAR)).values());
        // The seed report's front page, as a reader sees it on the tiles.
        assertThat(text(".tile-value"))
                .contains("206 (204)", "16 (30)", "112 (68)", "3 (5)", "339 (319)", "29 (20)");
        Map<String, ShownTable> before = choose("fy", "2021-22");
        assertThat(column(before.get("at_a_glance"), 0))
                .containsExactlyElementsOf(expected(marts, measures("value", "2021-22")).values());

        Map<String, ShownTable> complaints = open(site, "complaints.html", YEAR, "all", "internal");
        Map<String, String> byArea =
                expected(
                        marts,
                        "SELECT service_area_name, sum(received) FROM complaints_by_service_area "
                                + "WHERE financial_year = '"
                                + YEAR
                                + "' GROUP BY service_area, service_area_name ORDER BY service_area");
        assertThat(byName(complaints.get("graph3"), 0))
                .containsAllEntriesOf(byArea)
                .hasSameSizeAs(byArea);
        assertThat(byArea).containsEntry("Statutory Assessment Team", "190");
        String outcomes =
                "SELECT procedure || ' ' || stage, sum(upheld) FROM complaint_outcomes WHERE financial_year = '"
                        + YEAR
                        + "'%s GROUP BY 1";
        assertThat(stageCells(complaints.get("outcomes"), 0))
                .isEqualTo(expected(marts, outcomes.formatted("")));
        // The year's responses over every stage and area: the seed report's 459, 176 extended, 36%
        // late.
        assertThat(byName(complaints.get("timeliness_year"), 0))
                .isEqualTo(
                        expected(
                                marts,
                                "SELECT 'Responded', concluded "
                                        + "FROM complaints_summary WHERE financial_year = '"
                                        + YEAR
                                        + "' UNION ALL SELECT 'Extended', extended FROM "
                                        + "complaints_summary WHERE financial_year = '"
                                        + YEAR
                                        + "' UNION ALL SELECT 'Outside timescale', "
                                        + "outside_timescale FROM complaints_summary WHERE financial_year = '"
                                        + YEAR
                                        + "'"));
        assertThat(byName(complaints.get("timeliness_year"), 1).get("Outside timescale"))
                .isEqualTo(
                        expected(
                                        marts,
                                        "SELECT 'share', outside_timescale_share FROM complaints_summary WHERE financial_year = '"
                                                + YEAR
                                                + "'")
                                .get("share"));
        Map<String, ShownTable> sat = choose("area", "SAT");
        assertThat(sat).doesNotContainKey("timeliness_year");
        assertThat(stageCells(sat.get("outcomes"), 0))
                .isEqualTo(expected(marts, outcomes.formatted(" AND service_area = 'SAT'")));
        assertThat(stageCells(sat.get("outcomes"), 0))
                .isNotEqualTo(stageCells(complaints.get("outcomes"), 0));

        Map<String, ShownTable> send = open(site, "send.html", YEAR, "all", "internal");
        assertThat(byName(send.get("graph4"), 0))
                .isEqualTo(
                        expected(
                                marts,
                                "SELECT financial_year, sat_complaints FROM sat_complaints_vs_ehcp ORDER BY 1"));
        assertThat(byName(send.get("graph4"), 1))
                .isEqualTo(
                        expected(
                                marts,
                                "SELECT financial_year, plans_issued FROM sat_complaints_vs_ehcp ORDER BY 1"));
        assertThat(byName(send.get("xmr_sat_complaints_per_100_plans"), 0))
                .isEqualTo(
                        expected(
                                marts,
                                "SELECT strftime(strptime(month || '-01', '%Y-%m-%d'), '%b %Y'), value FROM spc_xmr"
                                        + " WHERE measure = 'sat_complaints_per_100_plans' ORDER BY month"));
        assertThat(byName(send.get("xmr_sat_complaints_per_100_plans"), 2))
                .isEqualTo(
                        expected(
                                marts,
                                "SELECT strftime(strptime(month || '-01', '%Y-%m-%d'), '%b %Y'), CASE WHEN in_progress"
                                        + " THEN NULL ELSE upper_process_limit END FROM spc_xmr"
                                        + " WHERE measure = 'sat_complaints_per_100_plans' ORDER BY month"));
        assertThat(byName(send.get("benchmark"), 3))
                .isEqualTo(
                        expected(
                                marts,
                                "SELECT CAST(calendar_year AS VARCHAR), CAST(rank AS VARCHAR) || ' of ' || CAST(councils_ranked AS VARCHAR) "
                                        + "FROM ehcp_benchmark WHERE is_council AND measure = 'share_within_20_weeks' ORDER BY 1"));
        // Every council is not 149 bars: this council, its region, England and the highest and
        // lowest ten, each with its rank.
        assertThat(send.get("benchmark_all").rows().keySet())
                .hasSizeBetween(3, 23)
                .contains("England")
                .anyMatch(k -> k.matches(".*\\(this council, \\d+(st|nd|rd|th)\\)"))
                .anyMatch(k -> k.startsWith("Region: "));
    }

    /**
     * The public site shows the public release's figures: c where it suppresses one, nothing from
     * staff marts.
     */
    public void thePublicSiteShowsOnlySuppressedFigures(Path warehouse) throws Exception {
        Path site = warehouse.resolve("published/site/public");
        MartReader released = publicReader(warehouse);
        Map<String, ShownTable> complaints = open(site, "complaints.html", YEAR, "all", "public");
        // Over every service area, the outcomes by stage are the year's one-way totals: the page
        // shows them as the statistics table publishes them, exact (corporate stage 1's included),
        // not added up from the protected figures of each service area.
        Map<String, String> upheld =
                expected(
                        released,
                        "SELECT upper(procedure) || ' ' || replace(stage, 'Stage ', ''), complaints_upheld "
                                + "FROM statistics_by_stage_and_service_area WHERE time_period = '"
                                + YEAR.substring(0, 4)
                                + YEAR.substring(5, 7)
                                + "' AND service_area = 'Total' AND send_service = 'Total' "
                                + "AND procedure <> 'Total' AND stage <> 'Total'");
        assertThat(upheld).hasSize(6).doesNotContainValue("c");
        assertThat(stageCells(complaints.get("outcomes"), 0)).isEqualTo(upheld);
        // The year's outcomes over every stage and area are large counts: the public sees them
        // exactly.
        assertThat(byName(complaints.get("outcomes_year"), 0))
                .isEqualTo(
                        expected(
                                released,
                                "SELECT 'Upheld', upheld FROM "
                                        + "complaints_summary WHERE financial_year = '"
                                        + YEAR
                                        + "' UNION ALL SELECT 'Withdrawn', withdrawn FROM "
                                        + "complaints_summary WHERE financial_year = '"
                                        + YEAR
                                        + "' UNION ALL SELECT 'Partially upheld', "
                                        + "partially_upheld FROM complaints_summary WHERE financial_year = '"
                                        + YEAR
                                        + "' UNION ALL SELECT "
                                        + "'Not upheld', not_upheld FROM complaints_summary WHERE financial_year = '"
                                        + YEAR
                                        + "'"))
                .doesNotContainValue("");
        assertThat(complaints).doesNotContainKey("working_days");
        Map<String, ShownTable> send = open(site, "send.html", YEAR, "all", "public");
        assertThat(send.keySet()).noneMatch(k -> k.startsWith("xmr_"));
        Map<String, ShownTable> overview = open(site, "index.html", YEAR, "all", "public");
        assertThat(text(".tile-value")).contains("206 (204)", "3 (5)");
    }

    /** Case references appear in the team's site only. */
    public void referencesAreInTheTeamsSiteOnly(Path warehouse, Path teamSite) throws Exception {
        Map<String, ShownTable> team = open(teamSite, "team.html", YEAR, "all", "team");
        assertThat(team.get("worklist").rows().keySet())
                .isNotEmpty()
                .allMatch(r -> r.matches("P[0-9A-F]{12}"));
        Map<String, ShownTable> internal =
                open(
                        warehouse.resolve("published/site/internal"),
                        "team.html",
                        YEAR,
                        "all",
                        "internal");
        assertThat(internal)
                .doesNotContainKey("worklist")
                .containsKeys("stages_due", "commitments", "adjustments");
        assertThat(text("main")).doesNotContainPattern("P[0-9A-F]{12}");
        for (Path f :
                List.of(
                        warehouse.resolve("published/site/internal/assets/data.js"),
                        warehouse.resolve("published/site/public/assets/data.js"))) {
            assertThat(Files.readString(f)).doesNotContainPattern("\"P[0-9A-F]{12}\"");
        }
    }

    private static String measures(String column, String fy) {
        return "SELECT measure, "
                + column
                + " FROM at_a_glance WHERE financial_year = '"
                + fy
                + "' ORDER BY CASE measure "
                + "WHEN 'compliments' THEN 1 WHEN 'enquiries_general' THEN 2 WHEN 'enquiries_councillor' THEN 3 "
                + "WHEN 'enquiries_mp' THEN 4 WHEN 'statutory_stage1' THEN 5 WHEN 'statutory_stage2' THEN 6 "
                + "WHEN 'statutory_stage3' THEN 7 WHEN 'corporate_stage1' THEN 8 WHEN 'corporate_stage2' THEN 9 "
                + "WHEN 'corporate_stage3' THEN 10 ELSE 11 END";
    }

    private static List<String> column(ShownTable t, int series) {
        return t.rows().values().stream().map(r -> r.get(series)).toList();
    }

    private static Map<String, String> byName(ShownTable t, int series) {
        Map<String, String> out = new LinkedHashMap<>();
        t.rows().forEach((k, v) -> out.put(k, v.get(series)));
        return out;
    }

    /**
     * A by-stage table keyed as the queries key it ("STATUTORY 1"), stages with no row left out.
     */
    private static Map<String, String> stageCells(ShownTable t, int series) {
        Map<String, String> out = new LinkedHashMap<>();
        t.rows()
                .forEach(
                        (label, v) -> {
                            if (!v.get(series).isEmpty()) {
                                out.put(
                                        label.replace("Statutory stage ", "STATUTORY ")
                                                .replace("Corporate stage ", "CORPORATE "),
                                        v.get(series));
                            }
                        });
        return out;
    }
}
