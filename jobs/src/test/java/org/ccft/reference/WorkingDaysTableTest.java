package org.ccft.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.reference.calendar.WorkingDayCalendar;
import org.ccft.reference.tables.ReferenceTables;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marts' set-based deadline (one join on working_days) agrees with the calendar, for every day.
 */
class WorkingDaysTableTest {

    @Test
    void theSqlDeadlineEqualsTheCalendarsForEveryDateAndTarget(@TempDir Path tmp) {
        SparkSession spark = TestSpark.session();
        WarehouseLayout layout = new WarehouseLayout(tmp.toString());
        new ReferenceTables(spark, layout).write();
        spark.read()
                .format("delta")
                .load(layout.reference("working_days"))
                .createOrReplaceTempView("wd");
        List<Row> rows =
                spark.sql(
                                """
                SELECT r.date, t.days, due.date AS deadline
                FROM wd r
                CROSS JOIN (SELECT explode(array(10, 20, 25, 40, 50, 65)) AS days) t
                LEFT JOIN wd due ON due.is_working_day AND due.working_day_seq = r.working_day_seq + t.days
                """)
                        .collectAsList();
        WorkingDayCalendar calendar = WorkingDayCalendar.england();
        List<String> disagreements = new ArrayList<>();
        for (Row r : rows) {
            LocalDate received = r.getDate(0).toLocalDate();
            LocalDate sql = r.isNullAt(2) ? null : r.getDate(2).toLocalDate();
            LocalDate java = calendar.addWorkingDays(received, r.getInt(1)).orElse(null);
            if (!Objects.equals(sql, java)) {
                disagreements.add(
                        received + "+" + r.getInt(1) + ": sql " + sql + ", calendar " + java);
            }
        }
        long days = calendar.lastDay().toEpochDay() - calendar.firstDay().toEpochDay() + 1;
        assertThat(rows).hasSize(6 * (int) days);
        assertThat(disagreements).isEmpty();
    }
}
