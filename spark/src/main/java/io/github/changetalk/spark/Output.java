package io.github.changetalk.spark;

import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Writes a frame under the output directory in the chosen format, part files in the frame's order. */
final class Output {
    private Output() {
    }

    static void write(Dataset<Row> frame, OutputFormat format, String dir, boolean overwrite) {
        Dataset<Row> out = format == OutputFormat.CSV ? nestedAsJson(frame) : frame;
        DataFrameWriter<Row> w = out.write().format(format.source).mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
        switch (format) {
            // Null fields are written as null, as the command line does, not left out.
            case JSONL -> w.option("ignoreNullFields", "false");
            // RFC 4180 as the command line writes it: quotes doubled, values kept as they are (Spark
            // would trim them), an empty string as an empty cell, null as an empty cell.
            case CSV -> w.option("header", "true").option("escape", "\"").option("emptyValue", "")
                    .option("ignoreLeadingWhiteSpace", "false").option("ignoreTrailingWhiteSpace", "false");
            case PARQUET -> {
            }
        }
        w.save(dir);
    }

    /** CSV cells hold text: nested values (sentences, notices, a JSON input's objects) as JSON. */
    private static Dataset<Row> nestedAsJson(Dataset<Row> frame) {
        List<Column> cols = new ArrayList<>();
        for (StructField f : frame.schema().fields()) {
            Column c = Names.col(f.name());
            cols.add(nested(f.dataType()) ? to_json(c).as(f.name()) : c);
        }
        return frame.select(cols.toArray(Column[]::new));
    }

    private static boolean nested(DataType t) {
        return t instanceof StructType || t instanceof ArrayType || t instanceof MapType;
    }
}
