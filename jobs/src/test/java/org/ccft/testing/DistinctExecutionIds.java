package org.ccft.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every job repository a test JVM makes numbers its job and step executions from a point of its own
 * (a random multiple of 10,000), not from 1. Spring Batch keeps the running steps' contexts in
 * JVM-wide maps keyed by execution ids, as if a JVM had one repository; failsafe runs two test
 * classes at once in one JVM, each with its warehouse's own repository, and two first nights would
 * otherwise share step 1's context. Registered for every Spring context of the tests (and of their
 * child JVMs) in {@code META-INF/spring.factories}; production is untouched.
 */
public final class DistinctExecutionIds
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Executions a warehouse of the tests makes at most, with room to spare. */
    static final long RANGE = 10_000;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory()
                .addBeanPostProcessor(
                        new BeanPostProcessor() {
                            @Override
                            public Object postProcessAfterInitialization(Object bean, String name) {
                                if ("jobRepositoryDataSource".equals(name)
                                        && bean instanceof DataSource ds) {
                                    startApart(ds);
                                }
                                return bean;
                            }
                        });
    }

    /** A repository with no execution yet starts its execution sequences at a random point. */
    static void startApart(DataSource ds) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet executions =
                    s.executeQuery("SELECT count(*) FROM batch_job_execution")) {
                executions.next();
                if (executions.getLong(1) > 0) {
                    return;
                }
            }
            long start = RANGE * ThreadLocalRandom.current().nextLong(1, 200_000);
            for (String sequence :
                    new String[] {"batch_job_execution_seq", "batch_step_execution_seq"}) {
                s.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + start);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the job repository's first ids", e);
        }
    }
}
