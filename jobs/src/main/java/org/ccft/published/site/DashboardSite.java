package org.ccft.published.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ccft.marts.Audience;
import org.ccft.published.FigureFormat;
import org.ccft.published.MartReader;
import org.ccft.published.RefusedQuery;
import org.ccft.published.ReleaseInfo;
import org.ccft.published.ReleasedRows;
import org.ccft.reference.CodeNames;
import org.ccft.reference.ServiceArea;
import org.ccft.reference.calendar.FinancialYear;
import org.ccft.text.HtmlText;

/**
 * The dashboard: a static site of plain files (HTML, one stylesheet, the chart library and the
 * pages' script, and the figures as {@code assets/data.js}) that opens from a file share or any web
 * server, with nothing fetched from the network. Its figures are one publication's marts as an
 * audience reads them: the public's after disclosure control ({@code c} where suppressed), staff's
 * exact, and the team's with the worklist's references.
 */
public final class DashboardSite {

    /** What every page says about the figures: whose, as at when, and how good the data was. */
    public record Context(
            String council,
            String asAtDate,
            String qualityVerdict,
            String publishedAt,
            Audience audience) {

        public static Context of(ReleaseInfo info, Audience audience) {
            return new Context(
                    info.council(),
                    info.asAtDate(),
                    info.qualityVerdict(),
                    info.publishedAt(),
                    audience);
        }
    }

    /** A page: its file, its name in the navigation, its heading, and which audiences see it. */
    private record Page(String id, String file, String name, String heading, boolean forPublic) {}

    private static final List<Page> PAGES =
            List.of(
                    new Page(
                            "overview",
                            "index.html",
                            "Overview",
                            "Children's complaints and feedback: overview",
                            true),
                    new Page(
                            "feedback",
                            "feedback.html",
                            "Feedback",
                            "Compliments, enquiries and other feedback",
                            true),
                    new Page(
                            "complaints",
                            "complaints.html",
                            "Complaints",
                            "Complaints: outcomes, timeliness, service areas and themes",
                            true),
                    new Page(
                            "send",
                            "send.html",
                            "SEND tracker",
                            "SEND tracker: SAT complaints and EHC plans",
                            true),
                    new Page(
                            "ombudsman",
                            "ombudsman.html",
                            "The Ombudsman",
                            "The Local Government and Social Care Ombudsman",
                            true),
                    new Page(
                            "learning",
                            "learning.html",
                            "Learning",
                            "Learning from complaints: what we changed, and whether it worked",
                            false),
                    new Page(
                            "team",
                            "team.html",
                            "The team",
                            "For the complaints team: what is overdue or missing",
                            false));

    private static final List<String> ASSETS = List.of("charts.js", "app.js", "site.css");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardSite() {}

    /** Writes the site into {@code out} (made if missing) and returns its front page. */
    public static Path write(MartReader reader, Context context, Path out) {
        try {
            Files.createDirectories(out.resolve("assets"));
            for (String asset : ASSETS) {
                try (InputStream in =
                        DashboardSite.class
                                .getClassLoader()
                                .getResourceAsStream("site/assets/" + asset)) {
                    if (in == null) {
                        throw new IllegalStateException(
                                "the site's " + asset + " is missing from the jar");
                    }
                    Files.write(out.resolve("assets/" + asset), in.readAllBytes());
                }
            }
            Files.writeString(
                    out.resolve("assets/data.js"),
                    "window.CCFT_DATA = " + data(reader, context) + ";\n",
                    StandardCharsets.UTF_8);
            List<Page> pages =
                    PAGES.stream()
                            .filter(p -> p.forPublic() || context.audience() != Audience.PUBLIC)
                            .toList();
            for (Page page : PAGES) {
                Files.deleteIfExists(
                        out.resolve(page.file())); // a team page left by an earlier, wider build
            }
            for (Page page : pages) {
                Files.writeString(
                        out.resolve(page.file()),
                        html(page, pages, context),
                        StandardCharsets.UTF_8);
            }
            return out.resolve("index.html");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the site in " + out, e);
        } catch (RefusedQuery e) {
            throw new IllegalStateException(
                    "the site's figures could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The figures: every mart the audience reads (DfE's benchmark for the measures the site
     * charts).
     */
    private static String data(MartReader reader, Context context)
            throws RefusedQuery, IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta =
                root.putObject("meta")
                        .put("council", context.council())
                        .put("as_at", context.asAtDate())
                        .put("verdict", context.qualityVerdict())
                        .put("published_at", context.publishedAt())
                        .put("audience", context.audience().label());
        meta.set("names", JSON.valueToTree(CodeNames.load().byColumn()));
        ArrayNode areas = meta.putArray("service_areas");
        ServiceArea.all()
                .forEach(a -> areas.addObject().put("code", a.code()).put("name", a.name()));
        ObjectNode marts = root.putObject("marts");
        for (String mart : reader.marts()) {
            String query =
                    mart.equals("ehcp_benchmark")
                            ? "SELECT * FROM ehcp_benchmark WHERE measure = 'share_within_20_weeks'"
                            : "SELECT * FROM " + mart;
            ReleasedRows released = ReleasedRows.of(reader.answer(query));
            ObjectNode m = marts.putObject(mart);
            ArrayNode columns = m.putArray("columns");
            released.columns().forEach(columns::add);
            ArrayNode rows = m.putArray("rows");
            for (Map<String, Object> r : released.rows()) {
                ArrayNode row = rows.addArray();
                released.columns().forEach(c -> row.add(JSON.valueToTree(r.get(c))));
            }
        }
        TreeSet<String> years = new TreeSet<>();
        reader.answer("SELECT DISTINCT financial_year FROM at_a_glance")
                .rows()
                .forEach(r -> years.add(r[0].toString()));
        ArrayNode ys = meta.putArray("years");
        years.forEach(ys::add);
        meta.put("default_year", defaultYear(years, context.asAtDate()));
        return JSON.writeValueAsString(root);
    }

    /** The latest year the figures cover whole: the one before the as-at date's year, when held. */
    static String defaultYear(TreeSet<String> years, String asAtDate) {
        String current = FinancialYear.of(LocalDate.parse(asAtDate));
        String before = FinancialYear.of(LocalDate.parse(asAtDate).minusYears(1));
        return years.contains(before) ? before : years.isEmpty() ? current : years.last();
    }

    private static String html(Page page, List<Page> pages, Context c) {
        StringBuilder nav = new StringBuilder();
        for (Page p : pages) {
            nav.append("<li><a href=\"")
                    .append(p.file())
                    .append('"')
                    .append(p == page ? " aria-current=\"page\"" : "")
                    .append('>')
                    .append(HtmlText.escape(p.name()))
                    .append("</a></li>");
        }
        String who =
                switch (c.audience()) {
                    case PUBLIC ->
                            "Public figures: counts from 1 to 5 are shown as c, with others where a c could be worked out.";
                    case INTERNAL -> "Council staff only: exact figures, not for publication.";
                    case TEAM -> "Complaints team only: holds pseudonymous case references.";
                };
        return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>"
                + HtmlText.escape(page.name())
                + " – "
                + HtmlText.escape(c.council())
                + " children's complaints and feedback</title>\n"
                + "<link rel=\"stylesheet\" href=\"assets/site.css\">\n</head>\n"
                + "<body data-page=\""
                + page.id()
                + "\">\n<a class=\"skip\" href=\"#content\">Skip to the figures</a>\n"
                + "<header class=\"banner\"><p class=\"council\">"
                + HtmlText.escape(c.council())
                + " Children's Services</p>"
                + "<p>Complaints and feedback dashboard</p></header>\n"
                + "<p class=\"asat\" id=\"asat\">Figures as at <strong>"
                + HtmlText.escape(FigureFormat.DATE.text(c.asAtDate()))
                + "</strong>. Data quality of the run "
                + "that published them: <span class=\"verdict-"
                + HtmlText.escape(c.qualityVerdict())
                + "\">"
                + HtmlText.escape(c.qualityVerdict())
                + "</span>. "
                + HtmlText.escape(who)
                + "</p>\n"
                + "<nav aria-label=\"Pages\"><ul>"
                + nav
                + "</ul></nav>\n"
                + "<form id=\"filters\" aria-label=\"Filters\"><div><label for=\"fy\">Financial year</label>"
                + "<select id=\"fy\" name=\"fy\"></select></div><div><label for=\"area\">Service area</label>"
                + "<select id=\"area\" name=\"area\"></select></div></form>\n"
                + "<main id=\"content-wrap\"><h1>"
                + HtmlText.escape(page.heading())
                + "</h1><div id=\"content\">"
                + "<noscript><p>The charts and tables need JavaScript; the same figures are in the published files.</p></noscript>"
                + "</div></main>\n"
                + "<footer><p>Figures as at "
                + HtmlText.escape(FigureFormat.DATE.text(c.asAtDate()))
                + ", published "
                + HtmlText.escape(published(c.publishedAt()))
                + ". Data quality: "
                + HtmlText.escape(c.qualityVerdict())
                + ".</p><p>Every chart has its figures in a table beneath it.</p></footer>\n"
                + "<script src=\"assets/data.js\"></script>\n<script src=\"assets/charts.js\"></script>\n"
                + "<script src=\"assets/app.js\"></script>\n</body>\n</html>\n";
    }

    /** When a release was published, as a reader says it: 7 December 2026 at 11:27 (UTC). */
    static String published(String instant) {
        try {
            java.time.ZonedDateTime t =
                    java.time.Instant.parse(instant).atZone(java.time.ZoneOffset.UTC);
            return FigureFormat.DATE.text(t.toLocalDate().toString())
                    + " at "
                    + String.format("%02d:%02d", t.getHour(), t.getMinute())
                    + " (UTC)";
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    /** The page files a site for {@code audience} holds. */
    public static List<String> pages(Audience audience) {
        List<String> out = new ArrayList<>();
        PAGES.stream()
                .filter(p -> p.forPublic() || audience != Audience.PUBLIC)
                .forEach(p -> out.add(p.file()));
        return out;
    }
}
