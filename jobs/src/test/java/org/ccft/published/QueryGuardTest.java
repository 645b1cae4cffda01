package org.ccft.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reader's guard on DuckDB's own parse of a query: a name the query gives with WITH is visible
 * only where SQL makes it visible, so a CTE named like a system table inside a subquery does not
 * let the system table beside it through.
 */
class QueryGuardTest {

    static final Set<String> READABLE = Set.of("at_a_glance", "complaint_themes");
    static final Set<String> PUBLISHED =
            Set.of("at_a_glance", "complaint_themes", "complaint_worklist");

    private static Set<String> check(String query) throws Exception {
        try (Connection db = DuckDb.inMemory()) {
            return QueryGuard.check(db, query, READABLE, PUBLISHED);
        }
    }

    @Test
    void aCteNamedLikeASystemTableDoesNotOpenTheSystemTableOutsideItsQuery() {
        for (String system :
                new String[] {"pg_settings", "duckdb_tables", "pg_class", "sqlite_master"}) {
            String query =
                    "SELECT * FROM (WITH " + system + " AS (SELECT 1) SELECT 1) s, " + system;
            assertThatThrownBy(() -> check(query))
                    .as(query)
                    .isInstanceOf(RefusedQuery.class)
                    .hasMessageContaining("no published mart named " + system);
        }
        // Nor does one defined in the other branch of a UNION.
        assertThatThrownBy(
                        () ->
                                check(
                                        "SELECT 1 FROM (WITH pg_class AS (SELECT 1) SELECT * FROM pg_class)"
                                                + " UNION ALL SELECT 1 FROM pg_class"))
                .isInstanceOf(RefusedQuery.class)
                .hasMessageContaining("no published mart named pg_class");
    }

    @Test
    void aCteIsVisibleInItsQueryAndTheQueriesNestedInIt() throws Exception {
        assertThat(check("WITH y AS (SELECT * FROM at_a_glance) SELECT * FROM y"))
                .containsExactly("at_a_glance");
        assertThat(
                        check(
                                "WITH y AS (SELECT * FROM at_a_glance)"
                                        + " SELECT * FROM (SELECT * FROM y) s WHERE EXISTS (SELECT 1 FROM y)"))
                .containsExactly("at_a_glance");
        assertThat(
                        check(
                                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3)"
                                        + " SELECT * FROM n, complaint_themes"))
                .containsExactly("complaint_themes");
        // A CTE may shadow a mart's name inside its own query.
        assertThat(check("WITH at_a_glance AS (SELECT 1 AS x) SELECT * FROM at_a_glance"))
                .containsExactly("at_a_glance");
    }

    @Test
    void listLiteralsAndRowComparisonsAreAnswered() throws Exception {
        assertThat(check("SELECT [1, 2] AS pair")).isEmpty();
        assertThat(
                        check(
                                "SELECT * FROM at_a_glance WHERE (measure, value) IN (('compliments', 206))"))
                .containsExactly("at_a_glance");
        // Qualified functions stay refused, and so do the system's own.
        for (String q :
                new String[] {
                    "SELECT pg_catalog.current_setting('home_directory')",
                    "SELECT system.main.getenv('HOME')",
                    "SELECT getenv('HOME')"
                }) {
            assertThatThrownBy(() -> check(q)).as(q).isInstanceOf(RefusedQuery.class);
        }
    }
}
