package org.ccft.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccft.conformed.MergeOrderingTest;
import org.ccft.marts.Audience;
import org.ccft.marts.MartCatalog;
import org.ccft.marts.MartDefinition;
import org.ccft.published.ServingDatabase;
import org.ccft.testing.Commands;
import org.ccft.testing.PostgresServer;
import org.ccft.testing.ThreadSettings;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job repository on a real PostgreSQL server: runs recorded there, listed from there, locked
 * there.
 */
@WholeJob
class PostgresJobRepositoryTest {

    @Test
    void theNightlyJobKeepsItsRepositoryAndItsLockInPostgresql(@TempDir Path tmp) throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            Warehouse w = new Warehouse(tmp);
            MergeOrderingTest.D1.writeTo(w.landing);
            Map<String, Object> repository =
                    Map.of(
                            "ccft.job-repository.url",
                            pg.url(),
                            "ccft.job-repository.username",
                            "ccft",
                            "ccft.serving.jdbc-url",
                            pg.url(),
                            "ccft.serving.username",
                            "ccft");

            // Another run, elsewhere, holds this warehouse's lock in PostgreSQL: this one does not
            // start.
            try (Connection other = pg.connect();
                    PreparedStatement lock =
                            other.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
                lock.setString(1, "ccft-nightly:" + w.root);
                lock.execute();
                assertThatThrownBy(() -> w.nightly(repository))
                        .isInstanceOf(RunLock.Held.class)
                        .hasMessageContaining("PostgreSQL advisory lock");
            }
            // Its connection gone, the lock went with it.
            NightlyRunner.Outcome first = w.nightly(repository);
            assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(w.nightly(repository).exitCode()).isEqualTo(ExitCode.OK);

            try (Connection c = pg.connect();
                    ResultSet r =
                            c.createStatement()
                                    .executeQuery(
                                            "SELECT e.status, i.job_name FROM batch_job_execution e JOIN batch_job_instance i "
                                                    + "USING (job_instance_id) ORDER BY e.job_execution_id")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1) + " " + r.getString(2)).isEqualTo("COMPLETED nightly");
                assertThat(r.next()).isTrue();
                assertThat(r.next()).isFalse();
            }
            assertThat(Files.exists(w.root.resolve("ops/jobrepo.mv.db")))
                    .as("no embedded repository")
                    .isFalse();

            // The serving database holds every mart as published, each in its audience's schema.
            try (Connection c = pg.connect()) {
                for (String mart : MartCatalog.MARTS) {
                    String schema =
                            ServingDatabase.schema(
                                    MartDefinition.of(mart).readers() == Audience.TEAM
                                            ? Audience.TEAM
                                            : Audience.INTERNAL);
                    List<String> served = new ArrayList<>();
                    try (ResultSet r =
                            c.createStatement()
                                    .executeQuery(
                                            "SELECT row_to_json(m)::text FROM "
                                                    + schema
                                                    + "."
                                                    + mart
                                                    + " m")) {
                        while (r.next()) {
                            served.add(r.getString(1));
                        }
                    }
                    assertThat(served).as(mart).hasSameSizeAs(w.mart(mart));
                }
                try (ResultSet r =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT value FROM ccft_internal.at_a_glance "
                                                + "WHERE financial_year = '2022-23' AND measure = 'corporate_stage1'")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getLong(1))
                            .as("four open corporate stage-1 complaints in D1")
                            .isEqualTo(4);
                }
            }

            List<String> history =
                    ThreadSettings.with(
                            repository,
                            () ->
                                    Commands.ccft("history", "--warehouse", w.root.toString())
                                            .lines());
            assertThat(history)
                    .hasSize(3)
                    .element(1)
                    .asString()
                    .startsWith("1," + first.execution().getId() + ",")
                    .contains(",COMPLETED,1,0,4,0," + MartCatalog.MARTS.size() + ",");
        }
    }
}
