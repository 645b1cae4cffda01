package org.ccft.marts;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ccft.conformed.YearPartitioning;
import org.ccft.schemas.ColumnSpec;
import org.ccft.schemas.FileContract;

/** The schema of a conformed table, from its contract: what a table not yet loaded looks like. */
final class ConformedSchemas {

    private ConformedSchemas() {}

    static StructType of(FileContract contract) {
        StructType s = new StructType();
        for (ColumnSpec c : contract.analyticColumns()) {
            s = s.add(c.name(), type(c), true);
        }
        return s.add("export_id", DataTypes.StringType)
                .add("source_file", DataTypes.StringType)
                .add("source_line", DataTypes.LongType)
                .add(YearPartitioning.of(contract).column(), DataTypes.StringType);
    }

    private static DataType type(ColumnSpec c) {
        return switch (c.type()) {
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case FLAG -> DataTypes.BooleanType;
            case INT -> DataTypes.IntegerType;
            case COUNT -> DataTypes.LongType;
            case MONEY -> DataTypes.createDecimalType(12, 2);
            case CODES -> DataTypes.createArrayType(DataTypes.StringType);
            case TEXT, ENUM, CODE, MONTH -> DataTypes.StringType;
        };
    }
}
