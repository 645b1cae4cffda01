package org.ccft.marts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.reference.BankHolidays;
import org.ccft.reference.tables.ReferenceTables;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Runs a mart's {@link MartCase}s: registers the sources as the nightly build does (the conformed
 * tables empty, the real reference tables), puts each case's given rows in place of the views they
 * name, builds the intermediate models and the marts the mart reads, and compares the mart's rows
 * with those expected. Runs in the session it is given, one case at a time.
 */
public final class MartCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final Map<String, Dataset<Row>> reference = new LinkedHashMap<>();
    private final String councilLaCode;
    private final byte[] key;

    /**
     * The real reference tables, made from the versioned files, held in memory while the cases run.
     */
    public MartCases(SparkSession spark, String councilLaCode, byte[] key) {
        this.spark = spark;
        ReferenceTables.tables(spark, BankHolidays.england())
                .forEach(t -> reference.put(t.name(), t.rows().cache()));
        this.councilLaCode = councilLaCode;
        this.key = key;
    }

    /** What is wrong with the mart's rows in this case; empty when they are as expected. */
    public List<String> run(String mart, MartCase c) {
        String where = "marts/" + mart + ".yml, case '" + c.name() + "'";
        PseudonymousReference.register(spark, key);
        MartInputs.registerEmpty(spark, reference, LocalDate.parse(c.asAt()), councilLaCode);
        Map<String, List<Map<String, Object>>> given = c.givenOrNone();
        Set<String> unused = new TreeSet<>(given.keySet());
        for (String view : sourcesGiven(given.keySet())) {
            register(view, spark.table(view).schema(), given.get(view), where);
            unused.remove(view);
        }
        List<String> models = new ArrayList<>(MartCatalog.INTERMEDIATE);
        models.addAll(martsRead(mart));
        for (String model : models) {
            Dataset<Row> built = spark.sql(MartCatalog.sql(model));
            if (given.containsKey(model)) {
                register(model, built.schema(), given.get(model), where);
                unused.remove(model);
            } else {
                built.createOrReplaceTempView(model);
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException(
                    where + ": gives rows for " + unused + ", which the mart does not read");
        }
        Dataset<Row> rows = spark.sql(MartCatalog.sql(mart));
        if (c.where() != null) {
            rows = rows.where(c.where());
        }
        return compare(rows, c.expect(), where);
    }

    /** The given views that are sources (registered by MartInputs), not models. */
    private Set<String> sourcesGiven(Set<String> given) {
        Set<String> sources = new LinkedHashSet<>();
        for (String view : given) {
            boolean model =
                    MartCatalog.INTERMEDIATE.contains(view) || MartCatalog.MARTS.contains(view);
            if (!model && spark.catalog().tableExists(view)) {
                sources.add(view);
            }
        }
        return sources;
    }

    /** The marts the mart reads, and the marts those read, in build order. */
    private static List<String> martsRead(String mart) {
        Set<String> needed = new TreeSet<>();
        List<String> pending =
                new ArrayList<>(MartCatalog.READS_MARTS.getOrDefault(mart, List.of()));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            if (needed.add(next)) {
                pending.addAll(MartCatalog.READS_MARTS.getOrDefault(next, List.of()));
            }
        }
        return MartCatalog.MARTS.stream().filter(needed::contains).toList();
    }

    /**
     * The given rows, typed by the view's own columns; a column the view does not have is an error.
     */
    private void register(
            String view, StructType schema, List<Map<String, Object>> rows, String where) {
        Set<String> columns = new TreeSet<>(List.of(schema.fieldNames()));
        List<String> json = new ArrayList<>();
        for (Map<String, Object> row : rows == null ? List.<Map<String, Object>>of() : rows) {
            Set<String> unknown = new TreeSet<>(row.keySet());
            unknown.removeAll(columns);
            if (!unknown.isEmpty()) {
                throw new IllegalStateException(
                        where + ": " + view + " has no column " + unknown + "; it has " + columns);
            }
            try {
                json.add(JSON.writeValueAsString(row));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                        where + ": a row of " + view + " cannot be read: " + row, e);
            }
        }
        spark.read()
                .schema(schema)
                .option("mode", "FAILFAST")
                .json(spark.createDataset(json, Encoders.STRING()))
                .createOrReplaceTempView(view);
    }

    /** Expected rows matched one to one with the mart's, on the columns the expected rows name. */
    private static List<String> compare(
            Dataset<Row> rows, List<Map<String, Object>> expect, String where) {
        Set<String> named = new TreeSet<>();
        expect.forEach(e -> named.addAll(e.keySet()));
        List<String> has = List.of(rows.schema().fieldNames());
        for (String column : named) {
            if (!has.contains(column)) {
                throw new IllegalStateException(
                        where
                                + ": expects a column "
                                + column
                                + " the mart does not give; "
                                + "it gives "
                                + has);
            }
        }
        // Compared and shown in the mart's own column order.
        List<String> columns = has.stream().filter(named::contains).toList();
        List<Map<String, Object>> actual = new ArrayList<>();
        for (Row r : rows.collectAsList()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : columns.isEmpty() ? has : columns) {
                values.put(column, plain(r.get(r.fieldIndex(column))));
            }
            actual.add(values);
        }
        List<Map<String, Object>> unmatched = new ArrayList<>(actual);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> written : expect) {
            Map<String, Object> e = new LinkedHashMap<>();
            columns.stream().filter(written::containsKey).forEach(c -> e.put(c, written.get(c)));
            Map<String, Object> match =
                    unmatched.stream().filter(a -> matches(e, a)).findFirst().orElse(null);
            if (match == null) {
                problems.add("expected, missing: " + e);
            } else {
                unmatched.remove(match);
            }
        }
        unmatched.forEach(a -> problems.add("not expected: " + a));
        return problems;
    }

    private static boolean matches(Map<String, Object> expected, Map<String, Object> actual) {
        for (var e : expected.entrySet()) {
            if (!same(plain(e.getValue()), actual.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Equal; numbers to the decimals the expected one is written with. */
    private static boolean same(Object expected, Object actual) {
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            return a.setScale(Math.max(e.scale(), 0), RoundingMode.HALF_UP).compareTo(e) == 0;
        }
        return expected == null ? actual == null : expected.equals(actual);
    }

    /**
     * A value as a case writes it: numbers as decimals, dates and times as ISO text, arrays as
     * lists.
     */
    private static Object plain(Object v) {
        if (v instanceof Number n) {
            return n instanceof Double || n instanceof Float
                    ? BigDecimal.valueOf(n.doubleValue())
                    : new BigDecimal(n.toString());
        }
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof Seq<?> s) {
            return JavaConverters.seqAsJavaList(s).stream().map(MartCases::plain).toList();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(MartCases::plain).toList();
        }
        return v;
    }
}
