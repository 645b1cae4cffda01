package org.ccft.published;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.types.StructField;
import org.ccft.config.CcftProperties;
import org.ccft.marts.Audience;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publication in PostgreSQL, for BI tools that connect to a database (Power BI, Excel): a
 * schema per reader audience ({@code ccft_internal}: the public and internal marts, exact; {@code
 * ccft_team}: the team's lists), each with a read-only role ({@code ccft_internal_reader}, {@code
 * ccft_team_reader}, which is also granted the internal role), column comments from the data
 * dictionary, and a {@code publication} table saying what is published and as at when.
 *
 * <p>A publish builds the new schemas under other names and swaps them in, all in one transaction:
 * a reader sees the old publication or the new one, never a mix, and a publish that fails leaves
 * the old one. The rows come from the release's Parquet files, so they are the rows of every other
 * reader.
 */
public final class ServingDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(ServingDatabase.class);

    /**
     * The audiences that have a schema here: the public's holds the public release (its marts after
     * disclosure control, and the statistics tables), the others the exact marts.
     */
    static final List<Audience> SERVED = List.of(Audience.PUBLIC, Audience.INTERNAL, Audience.TEAM);

    /** One table to copy in: its name, file, the row the publication table gets, and comments. */
    private record Served(
            String name,
            Path file,
            String title,
            String audience,
            long version,
            String comment,
            Map<String, String> columns) {}

    private final CcftProperties.Serving settings;

    public ServingDatabase(CcftProperties.Serving settings) {
        this.settings = settings;
    }

    public static String schema(Audience audience) {
        return "ccft_" + audience.label();
    }

    public static String role(Audience audience) {
        return "ccft_" + audience.label() + "_reader";
    }

    /** Writes the publication from a release's files (a local folder) and swaps it in. */
    public void publish(Publication.Published published, DataDictionary dictionary, Path release) {
        long started = System.nanoTime();
        try (Connection pg =
                        DriverManager.getConnection(
                                settings.getJdbcUrl(),
                                settings.getUsername(),
                                settings.getPassword());
                Connection duck = DuckDb.inMemory()) {
            pg.setAutoCommit(false);
            try (Statement sql = pg.createStatement()) {
                // One publish at a time: a second waits here rather than interleaving its swap.
                sql.execute("SELECT pg_advisory_xact_lock(hashtext('ccft serving publication'))");
                ensureRoles(sql);
                for (Audience audience : SERVED) {
                    String next = schema(audience) + "__next";
                    sql.execute("DROP SCHEMA IF EXISTS " + next + " CASCADE");
                    sql.execute("CREATE SCHEMA " + next);
                    createPublicationTable(sql, next);
                    for (Served table : tables(audience, dictionary, release)) {
                        long rows = copyTable(pg, duck, sql, next, table);
                        recordTable(pg, next, published, table, rows);
                    }
                }
                for (Audience audience : SERVED) {
                    String live = schema(audience);
                    sql.execute("DROP SCHEMA IF EXISTS " + live + " CASCADE");
                    sql.execute("ALTER SCHEMA " + live + "__next RENAME TO " + live);
                    sql.execute("GRANT USAGE ON SCHEMA " + live + " TO " + role(audience));
                    sql.execute(
                            "GRANT SELECT ON ALL TABLES IN SCHEMA "
                                    + live
                                    + " TO "
                                    + role(audience));
                    sql.execute(
                            "COMMENT ON SCHEMA "
                                    + live
                                    + " IS "
                                    + literal(
                                            "Children's complaints and feedback: "
                                                    + "the marts for "
                                                    + audience.label()
                                                    + " readers, as at "
                                                    + published.asAtDate()
                                                    + " (run "
                                                    + published.runId()
                                                    + ")"));
                }
                pg.commit();
            } catch (SQLException | RuntimeException e) {
                pg.rollback();
                throw e;
            }
            LOG.info(
                    "serving database: {} marts as at {} published in {} ms",
                    dictionary.entries().size(),
                    published.asAtDate(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot publish to the serving database ("
                            + settings.getJdbcUrl()
                            + "): "
                            + e.getMessage()
                            + "; the publication there is unchanged",
                    e);
        }
    }

    /** The read-only roles, made once; the team's role reads the internal schema too. */
    private static void ensureRoles(Statement sql) throws SQLException {
        for (Audience audience : SERVED) {
            sql.execute(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                            + role(audience)
                            + "') THEN CREATE ROLE "
                            + role(audience)
                            + " NOLOGIN; END IF; END $$");
        }
        sql.execute("GRANT " + role(Audience.INTERNAL) + " TO " + role(Audience.TEAM));
        sql.execute("GRANT " + role(Audience.PUBLIC) + " TO " + role(Audience.INTERNAL));
    }

    /**
     * The tables of an audience's schema: the exact marts of its folder; for the public, every file
     * of the public release (its marts after disclosure control, and the statistics tables).
     */
    private static List<Served> tables(Audience audience, DataDictionary dictionary, Path release)
            throws SQLException {
        List<Served> out = new ArrayList<>();
        if (audience != Audience.PUBLIC) {
            for (DataDictionary.Entry e : dictionary.entries()) {
                if (ReleaseWriter.folder(e.definition().readers())
                        .equals(ReleaseWriter.folder(audience))) {
                    out.add(
                            served(
                                    e,
                                    release.resolve(ReleaseWriter.folder(audience))
                                            .resolve("parquet")
                                            .resolve(e.mart() + ".parquet"),
                                    dictionary));
                }
            }
            return out;
        }
        Path folder = release.resolve(PublicRelease.FOLDER).resolve("parquet");
        Map<String, DataDictionary.Entry> marts = new LinkedHashMap<>();
        dictionary.entries().forEach(e -> marts.put(e.mart(), e));
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.parquet$", "");
                DataDictionary.Entry e = marts.get(name);
                out.add(
                        e != null
                                ? served(e, file, dictionary)
                                : new Served(
                                        name,
                                        file,
                                        "Public statistics table " + name,
                                        Audience.PUBLIC.label(),
                                        0,
                                        "Public statistics in the layout of DfE's explore education statistics: "
                                                + "time, place, filters (Total where a row adds one up), then "
                                                + "figures as text (c: suppressed, x: not held).",
                                        Map.of()));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    private static Served served(DataDictionary.Entry e, Path file, DataDictionary dictionary) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (StructField f : e.schema().fields()) {
            String meaning = e.definition().meaning(f.name(), dictionary.shared());
            if (meaning != null) {
                columns.put(f.name(), meaning.trim());
            }
        }
        return new Served(
                e.mart(),
                file,
                e.definition().title(),
                e.definition().audience(),
                e.version(),
                e.definition().title()
                        + ". "
                        + e.definition().description().trim()
                        + " Grain: "
                        + e.definition().grain()
                        + ".",
                columns);
    }

    private static void createPublicationTable(Statement sql, String schema) throws SQLException {
        sql.execute(
                "CREATE TABLE "
                        + schema
                        + ".publication (mart text PRIMARY KEY, title text NOT NULL, "
                        + "audience text NOT NULL, version bigint NOT NULL, row_count bigint NOT NULL, as_at_date date NOT NULL, "
                        + "run_id bigint NOT NULL, published_at timestamptz NOT NULL, release text)");
        sql.execute(
                "COMMENT ON TABLE "
                        + schema
                        + ".publication IS "
                        + literal(
                                "What is published here: each mart, its Delta version and rows, as at which date, by which run."));
    }

    private static void recordTable(
            Connection pg, String schema, Publication.Published published, Served e, long rows)
            throws SQLException {
        try (PreparedStatement insert =
                pg.prepareStatement(
                        "INSERT INTO "
                                + schema
                                + ".publication VALUES "
                                + "(?, ?, ?, ?, ?, ?::date, ?, ?::timestamptz, ?)")) {
            insert.setString(1, e.name());
            insert.setString(2, e.title());
            insert.setString(3, e.audience());
            insert.setLong(4, e.version());
            insert.setLong(5, rows);
            insert.setString(6, published.asAtDate());
            insert.setLong(7, published.runId());
            insert.setString(8, published.publishedAt());
            insert.setString(9, published.release());
            insert.executeUpdate();
        }
    }

    /** Creates the table with its comments and copies its rows in; returns how many. */
    private static long copyTable(
            Connection pg, Connection duck, Statement sql, String schema, Served e)
            throws SQLException {
        Path file = e.file();
        String table = schema + "." + DuckDb.identifier(e.name());
        try (Statement read = duck.createStatement();
                ResultSet rows =
                        read.executeQuery(
                                "SELECT * FROM read_parquet("
                                        + DuckDb.literal(file.toString())
                                        + ")")) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(
                        DuckDb.identifier(meta.getColumnLabel(i))
                                + " "
                                + postgresType(meta.getColumnTypeName(i)));
            }
            sql.execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
            sql.execute("COMMENT ON TABLE " + table + " IS " + literal(e.comment()));
            for (Map.Entry<String, String> c : e.columns().entrySet()) {
                sql.execute(
                        "COMMENT ON COLUMN "
                                + table
                                + "."
                                + DuckDb.identifier(c.getKey())
                                + " IS "
                                + literal(c.getValue()));
            }
            StringWriter csv = new StringWriter();
            long count = 0;
            try (CSVPrinter out =
                    new CSVPrinter(csv, CSVFormat.RFC4180.builder().setNullString("\\N").build())) {
                Object[] values = new Object[meta.getColumnCount()];
                while (rows.next()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rows.getString(i + 1);
                    }
                    out.printRecord(values);
                    count++;
                }
            }
            pg.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY " + table + " FROM STDIN (FORMAT csv, NULL '\\N')",
                            new StringReader(csv.toString()));
            return count;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The PostgreSQL type for a DuckDB column type of a mart. */
    static String postgresType(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.startsWith("DECIMAL")) {
            return t.replace("DECIMAL", "numeric");
        }
        return switch (t) {
            case "VARCHAR" -> "text";
            case "TINYINT", "SMALLINT" -> "smallint";
            case "INTEGER" -> "integer";
            case "BIGINT" -> "bigint";
            case "HUGEINT" -> "numeric(38,0)";
            case "FLOAT" -> "real";
            case "DOUBLE" -> "double precision";
            case "BOOLEAN" -> "boolean";
            case "DATE" -> "date";
            case "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS" -> "timestamp";
            case "TIMESTAMP WITH TIME ZONE" -> "timestamptz";
            default ->
                    throw new IllegalStateException(
                            "no PostgreSQL type for a mart column of type " + duckType);
        };
    }

    /**
     * A PostgreSQL string literal (standard_conforming_strings) for text the warehouse wrote
     * itself.
     */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
