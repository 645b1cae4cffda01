package org.ccft.published;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ccft.marts.Audience;

/**
 * Answers readers' queries over a release's Parquet files with DuckDB, in this process: no Spark
 * and no application context, so that a query over a small mart is answered in well under two
 * seconds, JVM start included. Each query runs in a fresh in-memory database holding only the marts
 * it reads (after {@link QueryGuard} has allowed it), with file, network and extension access off
 * and settings locked. Reads a warehouse on a local or mounted file system.
 */
public final class MartReader {

    /** A mart's name as the warehouse writes it; anything else found in a folder is not a mart. */
    private static final Pattern MART_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** A query's answer: its columns with their SQL types, and its rows. */
    public record Answer(
            List<String> columns, List<String> types, List<Object[]> rows, Set<String> marts) {}

    /** The release being read: where it is, as at when, and which publication or tag. */
    public record Source(Path release, String asAtDate, String description) {}

    /**
     * What one reader's query may take: time, rows, memory and threads. A query past its time is
     * cancelled; an answer of more rows than allowed is refused (the reader asks for fewer).
     */
    public record Limits(java.time.Duration timeout, long maxRows, String memory, int threads) {

        /** No limit: the site and the report read whole marts. */
        public static final Limits NONE = new Limits(null, Long.MAX_VALUE, null, 0);

        /** A reader's query at the command line, unless it says otherwise. */
        public static Limits reader(java.time.Duration timeout, long maxRows) {
            return new Limits(timeout, maxRows, "2GB", 2);
        }
    }

    /** The longest query text answered: a query is a question, not a data file. */
    static final int MAX_QUERY_CHARS = 100_000;

    private final Path warehouse;
    private final Source source;
    private final Audience audience;
    private Limits limits = Limits.NONE;
    private final Map<String, Path> readable = new LinkedHashMap<>();
    private final Set<String> published = new TreeSet<>();

    private MartReader(Path warehouse, Source source, Audience audience) {
        this.warehouse = warehouse;
        this.source = source;
        this.audience = audience;
        for (Audience folderOf : List.of(Audience.INTERNAL, Audience.TEAM)) {
            Path folder =
                    source.release().resolve(ReleaseWriter.folder(folderOf)).resolve("parquet");
            for (Map.Entry<String, Path> mart : marts(folder).entrySet()) {
                published.add(mart.getKey());
                if (audience != Audience.PUBLIC && audience.reads(folderOf)) {
                    readable.putIfAbsent(mart.getKey(), mart.getValue());
                }
            }
        }
        if (audience == Audience.PUBLIC) {
            // The public reads the figures after disclosure control only: the public release's
            // files.
            readable.putAll(
                    marts(source.release().resolve(PublicRelease.FOLDER).resolve("parquet")));
        }
    }

    /**
     * The reader of what is published now in {@code warehouse}, or as tag {@code tag} (null: now),
     * for readers of {@code audience}.
     */
    public static MartReader open(String warehouse, Audience audience, String tag)
            throws RefusedQuery {
        Path folder = localFolder(warehouse);
        Source source = tag == null ? current(folder) : tagged(folder, tag);
        if (audience == Audience.PUBLIC
                && !Files.isDirectory(source.release().resolve(PublicRelease.FOLDER))) {
            throw new RefusedQuery(
                    source.description()
                            + " was made before the public release was: publish again "
                            + "(bin/ccft publish) to read it as the public");
        }
        return new MartReader(folder, source, audience);
    }

    /**
     * The reader of one release's files in a local folder (a release being written, before it is
     * published).
     */
    public static MartReader ofRelease(Path release, String asAtDate, Audience audience) {
        return new MartReader(
                release.getParent(),
                new Source(release, asAtDate, "release " + release.getFileName()),
                audience);
    }

    /** The marts this reader may read, by name, in order. */
    public Set<String> marts() {
        return new TreeSet<>(readable.keySet());
    }

    /** Whether the release publishes a mart of this name, to any audience. */
    public boolean isPublished(String mart) {
        return published.contains(mart) || readable.containsKey(mart);
    }

    /** The warehouse's folder. */
    public Path warehouse() {
        return warehouse;
    }

    public Source source() {
        return source;
    }

    public Audience audience() {
        return audience;
    }

    /** This reader with each of its queries held to {@code limits}. */
    public MartReader limitedTo(Limits limits) {
        MartReader limited = new MartReader(warehouse, source, audience);
        limited.limits = limits;
        return limited;
    }

    /** Answers one SELECT or WITH query, or refuses it with the reason. */
    public Answer answer(String query) throws RefusedQuery {
        if (query != null && query.length() > MAX_QUERY_CHARS) {
            throw new RefusedQuery(
                    RefusedQuery.Code.TOO_LONG,
                    "the query is "
                            + query.length()
                            + " characters long; at most "
                            + MAX_QUERY_CHARS
                            + " are answered");
        }
        java.util.concurrent.atomic.AtomicBoolean timedOut =
                new java.util.concurrent.atomic.AtomicBoolean();
        try (Connection db = DuckDb.inMemory();
                Statement sql = db.createStatement()) {
            Set<String> reads = QueryGuard.check(db, query, readable.keySet(), published);
            for (String mart : reads) {
                sql.execute(
                        "CREATE TABLE "
                                + DuckDb.identifier(mart)
                                + " AS SELECT * FROM read_parquet("
                                + DuckDb.literal(readable.get(mart).toString())
                                + ")");
            }
            sql.execute("SET enable_external_access = false");
            if (limits.memory() != null) {
                sql.execute("SET memory_limit = " + DuckDb.literal(limits.memory()));
                sql.execute("SET threads = " + limits.threads());
            }
            sql.execute("SET lock_configuration = true");
            java.util.Timer timer = null;
            if (limits.timeout() != null) {
                timer = new java.util.Timer("ccft-query-timeout", true);
                timer.schedule(
                        new java.util.TimerTask() {
                            @Override
                            public void run() {
                                timedOut.set(true);
                                try {
                                    sql.cancel();
                                } catch (SQLException ignored) {
                                    // the query has ended meanwhile
                                }
                            }
                        },
                        limits.timeout().toMillis());
            }
            try (ResultSet rows = sql.executeQuery(query)) {
                return collect(rows, reads, limits.maxRows());
            } finally {
                if (timer != null) {
                    timer.cancel();
                }
            }
        } catch (SQLException e) {
            if (timedOut.get()) {
                throw new RefusedQuery(
                        RefusedQuery.Code.TIMED_OUT,
                        "the query took longer than "
                                + limits.timeout().toSeconds()
                                + " s and was stopped: ask for less, or allow more with --timeout");
            }
            throw new RefusedQuery(
                    RefusedQuery.Code.QUERY_FAILED,
                    "the query failed: " + QueryGuard.firstLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new RefusedQuery(
                    RefusedQuery.Code.TOO_COMPLEX,
                    "the query is nested too deeply to be answered: write it with fewer levels");
        }
    }

    private static Answer collect(ResultSet rows, Set<String> reads, long maxRows)
            throws SQLException, RefusedQuery {
        ResultSetMetaData meta = rows.getMetaData();
        int n = meta.getColumnCount();
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            columns.add(meta.getColumnLabel(i));
            types.add(meta.getColumnTypeName(i));
        }
        List<Object[]> out = new ArrayList<>();
        while (rows.next()) {
            if (out.size() >= maxRows) {
                throw new RefusedQuery(
                        RefusedQuery.Code.TOO_MANY_ROWS,
                        "the answer has more than "
                                + String.format(java.util.Locale.UK, "%,d", maxRows)
                                + " rows: ask for fewer (WHERE, GROUP BY, LIMIT), or allow more with"
                                + " --max-rows");
            }
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                Object v = rows.getObject(i + 1);
                row[i] =
                        v == null || v instanceof Number || v instanceof Boolean
                                ? v
                                : rows.getString(i + 1);
            }
            out.add(row);
        }
        return new Answer(columns, types, out, reads);
    }

    private static Map<String, Path> marts(Path folder) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.sorted()
                    .forEach(
                            f -> {
                                String name = f.getFileName().toString();
                                if (name.endsWith(".parquet")
                                        && MART_NAME
                                                .matcher(name.substring(0, name.length() - 8))
                                                .matches()) {
                                    out.put(name.substring(0, name.length() - 8), f);
                                }
                            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return out;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Source current(Path warehouse) throws RefusedQuery {
        Publication.Published pointer =
                read(
                        warehouse.resolve("published/current.json"),
                        Publication.Published.class,
                        "nothing is published in " + warehouse + " yet: run `ccft nightly` first");
        if (pointer.release() == null) {
            throw new RefusedQuery(
                    "the publication in "
                            + warehouse
                            + " was made before releases were written: "
                            + "the next `ccft nightly` writes one");
        }
        return new Source(
                inside(
                        warehouse,
                        "published/releases",
                        pointer.release(),
                        "published/current.json"),
                pointer.asAtDate(),
                "published by run " + pointer.runId());
    }

    private static Source tagged(Path warehouse, String tag) throws RefusedQuery {
        if (!PublicationTags.NAME.matcher(tag).matches()) {
            throw new RefusedQuery(
                    "no tag " + tag + " (a tag is letters, digits, '.', '_' and '-')");
        }
        PublicationTags.Tag record =
                read(
                        warehouse.resolve("published/tags/" + tag + ".json"),
                        PublicationTags.Tag.class,
                        "no tag " + tag + " in " + warehouse + " (ccft publish lists them)");
        if (record.release() == null) {
            throw new RefusedQuery(
                    "tag "
                            + tag
                            + " was made before releases were written: its marts are kept as "
                            + "Delta tables in published/tags/"
                            + tag
                            + "/");
        }
        return new Source(
                inside(
                        warehouse,
                        "published/tags",
                        record.release(),
                        "published/tags/" + tag + ".json"),
                record.asAtDate(),
                "tag " + tag);
    }

    /**
     * The release a pointer names, which must be a folder under the warehouse's own {@code folder}
     * (and stay there once links are followed): a pointer to another warehouse's release, by an
     * absolute path, '..' or a link, is refused, so a warehouse made to look like one cannot answer
     * with another's marts.
     */
    static Path inside(Path warehouse, String folder, String release, String pointer)
            throws RefusedQuery {
        Path base = warehouse.toAbsolutePath().normalize().resolve(folder);
        Path named = Path.of(release);
        Path target = base.resolve(named).normalize();
        boolean within = !named.isAbsolute() && target.startsWith(base) && !target.equals(base);
        try {
            within =
                    within
                            && (!Files.exists(target)
                                    || target.toRealPath().startsWith(base.toRealPath()));
        } catch (IOException e) {
            within = false;
        }
        if (!within) {
            throw new RefusedQuery(
                    RefusedQuery.Code.RELEASE_OUTSIDE,
                    pointer
                            + " in "
                            + warehouse
                            + " names a release outside "
                            + folder
                            + "/ of that warehouse: refused. Publish again with ccft publish");
        }
        return target;
    }

    private static <T> T read(Path file, Class<T> type, String missing) throws RefusedQuery {
        if (!Files.isRegularFile(file)) {
            throw new RefusedQuery(missing);
        }
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The warehouse as a local folder: a path, or a file: URI. */
    private static Path localFolder(String warehouse) throws RefusedQuery {
        if (warehouse.startsWith("file:")) {
            return Path.of(URI.create(warehouse));
        }
        if (warehouse.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new RefusedQuery(
                    "ccft sql reads a warehouse on a local or mounted file system, not "
                            + warehouse
                            + ": on object storage, query the PostgreSQL serving database");
        }
        return Path.of(warehouse).toAbsolutePath();
    }
}
