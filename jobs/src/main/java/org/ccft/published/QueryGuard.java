package org.ccft.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a reader's query is answered, from the query tree DuckDB's own parser makes of it
 * ({@code json_serialize_sql}), not from its text: it must be one SELECT (or WITH ... SELECT);
 * every table it reads must be a published mart the reader's audience may read, by its plain name;
 * it may call no table function but {@code range}, {@code generate_series} and {@code unnest}, and
 * no function that reports on the system or its settings. What it reads is returned, for the access
 * log.
 *
 * <p>The guard is the first of two walls: the query then runs in an in-memory database that holds
 * only the marts it reads, with DuckDB's file, network and extension access switched off and its
 * settings locked, so that a query the guard let through still could not reach anything else.
 */
final class QueryGuard {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Table functions that make rows from their arguments, reading nothing. */
    private static final Set<String> ROW_MAKERS = Set.of("range", "generate_series", "unnest");

    /**
     * Functions that tell about the process, its environment or settings rather than compute on
     * data.
     */
    private static final Set<String> SYSTEM_FUNCTIONS =
            Set.of(
                    "getenv",
                    "current_setting",
                    "version",
                    "current_database",
                    "current_schema",
                    "current_schemas",
                    "current_catalog",
                    "current_user",
                    "user",
                    "session_user",
                    "txid_current",
                    "current_query",
                    "has_any_column_privilege",
                    "pg_typeof");

    private QueryGuard() {}

    /**
     * The marts the query reads, if it may be answered.
     *
     * @param readable the marts the reader's audience may read
     * @param published every published mart, of every audience (to say why one is refused)
     */
    static Set<String> check(
            Connection db, String query, Set<String> readable, Set<String> published)
            throws RefusedQuery, SQLException {
        if (query == null || query.isBlank()) {
            throw new RefusedQuery(RefusedQuery.Code.NO_QUERY, "no query given");
        }
        JsonNode tree;
        try (PreparedStatement parse =
                db.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            parse.setString(1, query);
            try (ResultSet r = parse.executeQuery()) {
                r.next();
                tree = JSON.readTree(r.getString(1));
            }
        } catch (JsonProcessingException e) {
            // DuckDB's tree of a query nested hundreds deep is deeper than a JSON reader takes.
            throw new RefusedQuery(
                    RefusedQuery.Code.TOO_COMPLEX,
                    "the query is nested too deeply to be answered: write it with fewer levels");
        }
        if (tree.path("error").asBoolean(false)) {
            String message = tree.path("error_message").asText("");
            if (message.startsWith("Only SELECT statements")) {
                throw new RefusedQuery(
                        RefusedQuery.Code.NOT_A_SELECT,
                        "only a SELECT or WITH query over the published marts is answered");
            }
            throw new RefusedQuery(
                    RefusedQuery.Code.DOES_NOT_PARSE,
                    "the query does not parse: " + firstLine(message));
        }
        JsonNode statements = tree.path("statements");
        if (statements.size() != 1) {
            throw new RefusedQuery(
                    RefusedQuery.Code.MORE_THAN_ONE_QUERY,
                    "one query at a time, please: this holds " + statements.size());
        }
        Set<String> reads = new TreeSet<>();
        walk(statements.get(0), Set.of(), readable, published, reads);
        return reads;
    }

    /**
     * The names a query node gives with {@code WITH} added to those its enclosing queries give: a
     * CTE is visible in the query that defines it (its own definitions included, for WITH
     * RECURSIVE) and in the queries nested in it, never outside. A CTE named like a system table
     * inside a subquery does not make the system table readable beside it.
     */
    private static Set<String> scope(JsonNode node, Set<String> enclosing) {
        JsonNode map = node.path("cte_map").path("map");
        if (!map.isArray() || map.isEmpty()) {
            return enclosing;
        }
        Set<String> visible = new HashSet<>(enclosing);
        map.forEach(entry -> visible.add(lower(entry.path("key").asText())));
        return visible;
    }

    private static void walk(
            JsonNode node,
            Set<String> ctes,
            Set<String> readable,
            Set<String> published,
            Set<String> reads)
            throws RefusedQuery {
        if (node.isObject()) {
            ctes = scope(node, ctes);
            String type = node.path("type").asText("");
            switch (type) {
                case "BASE_TABLE" -> table(node, ctes, readable, published, reads);
                case "TABLE_FUNCTION" -> {
                    String name = lower(node.path("function").path("function_name").asText());
                    if (!ROW_MAKERS.contains(name)) {
                        throw new RefusedQuery(
                                RefusedQuery.Code.TABLE_FUNCTION,
                                "table function "
                                        + name
                                        + "() reads outside the published marts: "
                                        + "query the marts by their names");
                    }
                }
                case "FUNCTION" -> {
                    String name = lower(node.path("function_name").asText());
                    // The parser names the functions it writes itself (a list literal's
                    // list_value, a row's row) as system.main's: those are the built-ins anyone
                    // may call unqualified. Any other qualification is refused.
                    String catalog = node.path("catalog").asText("");
                    String schema = node.path("schema").asText("");
                    if (!(catalog.isEmpty() || catalog.equals("system"))
                            || !(schema.isEmpty() || schema.equals("main"))
                            || SYSTEM_FUNCTIONS.contains(name)
                            || name.startsWith("duckdb_")
                            || name.startsWith("pragma_")
                            || name.startsWith("pg_")) {
                        throw new RefusedQuery(
                                RefusedQuery.Code.SYSTEM_FUNCTION,
                                "function " + name + "() is not for readers of the marts");
                    }
                }
                default -> {}
            }
        }
        for (JsonNode child : node) {
            walk(child, ctes, readable, published, reads);
        }
    }

    private static void table(
            JsonNode node,
            Set<String> ctes,
            Set<String> readable,
            Set<String> published,
            Set<String> reads)
            throws RefusedQuery {
        String catalog = node.path("catalog_name").asText("");
        String schema = node.path("schema_name").asText("");
        String name = lower(node.path("table_name").asText());
        String shown =
                (catalog.isEmpty() ? "" : catalog + ".")
                        + (schema.isEmpty() ? "" : schema + ".")
                        + name;
        if (!catalog.isEmpty() || !(schema.isEmpty() || "main".equalsIgnoreCase(schema))) {
            throw new RefusedQuery(
                    RefusedQuery.Code.QUALIFIED_NAME,
                    shown
                            + " is not a published mart: name the marts alone (e.g. FROM at_a_glance)");
        }
        if (node.path("at_clause").isObject()) {
            throw new RefusedQuery(
                    RefusedQuery.Code.TIME_TRAVEL,
                    "time travel on " + name + ": use --as-of TAG for a tagged publication");
        }
        if (readable.contains(name)) {
            reads.add(name);
        } else if (ctes.contains(name)) {
            return; // a name the query itself gives (WITH name AS ...)
        } else if (published.contains(name)) {
            throw new RefusedQuery(
                    RefusedQuery.Code.TEAM_ONLY,
                    "mart " + name + " is for the complaints team: ask with --audience team");
        } else {
            throw new RefusedQuery(
                    RefusedQuery.Code.NOT_A_MART,
                    "no published mart named "
                            + name
                            + " (raw, staging, conformed and ops tables "
                            + "are not readable; `ccft dictionary` lists the marts)");
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }
}
