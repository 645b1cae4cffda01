package org.ccft.dfe;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.Fingerprint;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.LandingArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DfE's SEN2 statistics ("Education, health and care plans"), loaded as DfE publishes them: UTF-8
 * with a byte-order mark, one row per year, geographic level and breakdown, and the Government
 * Statistical Service's markers in place of figures ({@code x} not available, {@code c} suppressed,
 * {@code z} not applicable, {@code low} rounds to zero). The council's figures and every other
 * council's, England's and each region's, for the "All" breakdown, become {@code
 * conformed/dfe_sen2}: one row per year, area and measure, the figure or null with the marker that
 * stood in its place.
 *
 * <p>The files are restated whole when DfE publishes (once a year): {@code
 * <landing>/dfe/sen2/*.csv}. A run without them keeps the table it has.
 */
public final class Sen2Statistics {

    private static final Logger LOG = LoggerFactory.getLogger(Sen2Statistics.class);

    /**
     * A figure the warehouse takes from a file: DfE's column, the measure's name, and a divisor
     * (percentages).
     */
    record Measure(String column, String measure, double divisor) {}

    /**
     * One published file: its "All" breakdown, its measures, and how its time_period names a
     * calendar year.
     */
    record PublishedFile(
            String name, String allBreakdown, boolean academicYearCensus, List<Measure> measures) {}

    static final List<PublishedFile> FILES =
            List.of(
                    new PublishedFile(
                            "timeliness_20_week.csv",
                            "All EHC plans issued",
                            false,
                            List.of(
                                    new Measure("plans_issued_den", "plans_issued", 1),
                                    new Measure(
                                            "plans_issued_within_20_weeks",
                                            "plans_issued_within_20_weeks",
                                            1),
                                    new Measure(
                                            "pc_plans_issued_within_20_weeks",
                                            "share_within_20_weeks",
                                            100),
                                    new Measure(
                                            "PC_plans_issued_20_weeks_ex",
                                            "share_within_20_weeks_excluding_exceptions",
                                            100))),
                    new PublishedFile(
                            "requests.csv",
                            "All requests for EHC needs assessments",
                            false,
                            List.of(
                                    new Measure(
                                            "requests_received_in_year", "requests_received", 1))),
                    // The January census: time_period 202223 is January 2023.
                    new PublishedFile(
                            "caseload.csv",
                            "All EHC plans",
                            true,
                            List.of(new Measure("ehcplans", "caseload", 1))));

    static final List<String> AREA_COLUMNS =
            List.of(
                    "time_period",
                    "geographic_level",
                    "region_code",
                    "region_name",
                    "new_la_code",
                    "old_la_code",
                    "la_name",
                    "breakdown");

    /** The markers DfE publishes instead of a figure. */
    static final List<String> MARKERS = List.of("x", "c", "z", "low", "u", "k");

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public Sen2Statistics(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    public static String folder(LandingArea landing) {
        return landing.root() + "/dfe/sen2";
    }

    /** Loads whichever of the files are delivered; returns how many were. */
    public int load(LandingArea landing) {
        List<Dataset<Row>> parts = new ArrayList<>();
        for (PublishedFile f : FILES) {
            String path = folder(landing) + "/" + f.name();
            if (!landing.exists(path)) {
                LOG.info("DfE SEN2: {} not delivered; the statistics loaded before are kept", path);
                continue;
            }
            parts.add(figures(f, path));
        }
        if (parts.isEmpty()) {
            return 0;
        }
        Dataset<Row> all = parts.stream().reduce(Dataset::unionByName).orElseThrow();
        // The files delivered replace their own measures; the others stay as they were.
        List<String> measures =
                FILES.stream()
                        .filter(f -> landing.exists(folder(landing) + "/" + f.name()))
                        .flatMap(f -> f.measures().stream().map(Measure::measure))
                        .toList();
        // Re-delivered as they were (the usual night), the table keeps its version, and so do the
        // marts built on it.
        String predicate = "measure IN " + DeltaTables.sqlList(measures);
        Dataset<Row> figures =
                all.persist(
                        StorageLevel.MEMORY_AND_DISK()); // parsed once: fingerprinted, then written
        try {
            if (!DeltaTables.replaceWhereUnlessUnchanged(
                    figures,
                    layout.conformed("dfe_sen2"),
                    predicate,
                    Fingerprint.of(predicate, Fingerprint.ofRows(figures)))) {
                LOG.info("DfE SEN2: the same figures as the last delivery, kept");
            }
        } finally {
            figures.unpersist();
        }
        return parts.size();
    }

    Dataset<Row> figures(PublishedFile f, String path) {
        Dataset<Row> published =
                spark.read()
                        .option("header", "true")
                        .option("inferSchema", "false")
                        .option("encoding", "UTF-8")
                        .csv(path);
        // Published with a byte-order mark: it arrives glued to the first column's name.
        published =
                published.toDF(
                        Arrays.stream(published.columns())
                                .map(c -> c.replace("\uFEFF", "").trim())
                                .toArray(String[]::new));
        List<String> needed = new ArrayList<>(AREA_COLUMNS);
        f.measures().forEach(m -> needed.add(m.column()));
        List<String> present = List.of(published.columns());
        List<String> missing = needed.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    path
                            + ": line 1: not DfE's published SEN2 layout, missing column(s) "
                            + missing);
        }
        Dataset<Row> rows = published.where(col("breakdown").equalTo(f.allBreakdown()));
        Column year =
                f.academicYearCensus()
                        ? concat(col("time_period").substr(1, 2), col("time_period").substr(5, 2))
                                .cast("int")
                        : col("time_period").cast("int");
        Dataset<Row> out = null;
        for (Measure m : f.measures()) {
            Column raw = col(m.column());
            Column isFigure = raw.rlike("^-?[0-9]+(\\.[0-9]+)?$");
            Dataset<Row> one =
                    rows.select(
                            year.as("calendar_year"),
                            col("geographic_level"),
                            col("region_code"),
                            col("region_name"),
                            col("new_la_code").as("la_code"),
                            col("old_la_code"),
                            col("la_name"),
                            lit(m.measure()).as("measure"),
                            when(isFigure, round(raw.cast("double").divide(m.divisor()), 6))
                                    .as("value"),
                            when(isFigure.or(raw.isNull()), lit(null).cast("string"))
                                    .otherwise(raw)
                                    .as("marker"),
                            lit(path.substring(path.lastIndexOf('/') + 1)).as("source_file"));
            out = out == null ? one : out.unionByName(one);
        }
        return out;
    }
}
