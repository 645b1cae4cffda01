package org.ccft.nightly;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseLayout;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The Spring Batch job repository: an embedded H2 file database inside the warehouse by default, or
 * any JDBC URL in {@code ccft.job-repository.url} (PostgreSQL in production). Its tables are
 * created on first use with Spring Batch's own schema script.
 */
@Configuration
public class JobRepositoryConfig {

    /**
     * Pooled, so the embedded H2 database stays open for the whole run: opened and closed per
     * transaction, H2 closes the file whenever the last connection goes, and a reopen racing that
     * close can lose the job repository's last write. The pool is closed, and H2 with it, with the
     * context.
     */
    @Bean(destroyMethod = "dispose")
    public JdbcConnectionPool jobRepositoryDataSource(
            CcftProperties properties, WarehouseLayout layout) throws SQLException {
        CcftProperties.JobRepository repo = properties.getJobRepository();
        JdbcConnectionPool pool;
        if (repo.getUrl() == null || repo.getUrl().isBlank()) {
            if (layout.root().matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")
                    && !layout.root().startsWith("file:")) {
                throw new IllegalStateException(
                        "the embedded job repository needs a local warehouse folder; for "
                                + layout.root()
                                + " set ccft.job-repository.url (CCFT_JOB_REPOSITORY_URL) to a PostgreSQL URL");
            }
            String file =
                    new File(layout.jobRepositoryFile().replaceFirst("^file:", ""))
                            .getAbsolutePath();
            // AUTO_SERVER: while a run has the file open, another process (ccft history, a second
            // run that must be told one is going) reaches it through the first one. WRITE_DELAY=0:
            // a commit is on disk when it returns (H2 otherwise flushes every half second, and a
            // run killed -9 would lose its last steps' records).
            pool =
                    JdbcConnectionPool.create(
                            "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
        } else {
            pool = JdbcConnectionPool.create(externalDataSource(repo));
        }
        createSchemaOnFirstUse(pool);
        return pool;
    }

    /**
     * The warehouse's run lock: beside the job repository when that is PostgreSQL, else a lock
     * file.
     */
    @Bean
    public RunLock.Source runLocks(
            WarehouseLayout layout, DataSource jobRepositoryDataSource, CcftProperties properties) {
        return new RunLock.Source(
                layout.root(),
                layout.runLock(),
                isPostgres(properties.getJobRepository()) ? jobRepositoryDataSource : null);
    }

    public static boolean isPostgres(CcftProperties.JobRepository repo) {
        return repo.getUrl() != null && repo.getUrl().startsWith("jdbc:postgresql:");
    }

    /**
     * Any other JDBC URL (PostgreSQL in production), through the pool's ConnectionPoolDataSource.
     */
    private static ConnectionPoolDataSource externalDataSource(CcftProperties.JobRepository repo) {
        if (isPostgres(repo)) {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(repo.getUrl());
            pg.setUser(repo.getUsername());
            pg.setPassword(repo.getPassword());
            return pg;
        }
        throw new IllegalStateException(
                "ccft.job-repository.url must be a PostgreSQL JDBC URL (jdbc:postgresql:...), "
                        + "or empty for the embedded database; found "
                        + repo.getUrl());
    }

    @Bean
    public JdbcTransactionManager jobRepositoryTransactionManager(
            DataSource jobRepositoryDataSource) {
        return new JdbcTransactionManager(jobRepositoryDataSource);
    }

    static void createSchemaOnFirstUse(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            boolean exists;
            try (ResultSet tables =
                    c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
                exists = false;
                while (tables.next()) {
                    exists |= tables.getString("TABLE_NAME").equalsIgnoreCase("batch_job_instance");
                }
            }
            if (!exists) {
                String dialect =
                        product.contains("postgres")
                                ? "postgresql"
                                : product.contains("h2") ? "h2" : product;
                new ResourceDatabasePopulator(
                                new ClassPathResource(
                                        "org/springframework/batch/core/schema-"
                                                + dialect
                                                + ".sql"))
                        .populate(c);
            }
        }
    }
}
