package org.ccft.published;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * An in-process DuckDB database in memory: the engine that writes the publication's files and
 * answers readers' queries over them. Nothing it holds outlives the connection.
 */
public final class DuckDb {

    private DuckDb() {}

    static Connection inMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    /**
     * A string literal for a path the warehouse itself made (a temporary folder, a mart's file):
     * DuckDB takes no parameters in COPY's target. Never used for what a reader or a drop supplies.
     */
    public static String literal(String path) {
        if (path.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException(
                    "a path with a control character: " + path.replaceAll("\\p{Cntrl}", "?"));
        }
        return "'" + path.replace("'", "''") + "'";
    }

    static String literals(List<String> paths) {
        return paths.stream().map(DuckDb::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The DuckDB type a Spark column of this type reads as from the Parquet files Spark writes. */
    static String type(DataType type) {
        if (type instanceof DecimalType d) {
            return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
        }
        String name = DUCKDB_TYPES.get(type);
        if (name == null) {
            throw new IllegalArgumentException("no DuckDB type for a mart column of " + type);
        }
        return name;
    }

    private static final Map<DataType, String> DUCKDB_TYPES =
            Map.of(
                    DataTypes.StringType, "VARCHAR",
                    DataTypes.LongType, "BIGINT",
                    DataTypes.IntegerType, "INTEGER",
                    DataTypes.DoubleType, "DOUBLE",
                    DataTypes.BooleanType, "BOOLEAN",
                    DataTypes.DateType, "DATE");

    /**
     * A quoted identifier, for the names of marts (letters, digits and underscores, checked by the
     * caller).
     */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
