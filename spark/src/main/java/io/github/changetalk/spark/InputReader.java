package io.github.changetalk.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the input into one frame: the input's columns (they pass through to the output, already under
 * their output names: see {@link RecordSchema#outputName}), then the row's id in input order ({@link RecordSchema#ROW}), its session key and, for a row that
 * could not be read, why ({@link RecordSchema#READ_ERROR}).
 *
 * <p><b>Input order</b> is the order of the files by path, then of the rows within each file. Spark
 * reads files in parts of its own choosing (largest first), so the id is computed: a first pass counts
 * the rows of each file part (its path and start offset, from Spark's file metadata), and each row's
 * id is the rows of the parts before its own plus its place in its part.
 *
 * <p><b>Sessions</b>: the session column's value, else (no such column, or an empty value) the file.
 * Unlike the command line, which reads file by file, the same session value in two files is one
 * session: a directory of part files is one table.
 */
final class InputReader {
    /** The columns that hold the text, the speaker, the session and the target behaviour (topic). */
    record Columns(String text, String speaker, String session, String topic) implements Serializable {
    }

    /** The frame, its input columns' (output) names, its number of rows, the kind it was read as, where each file starts. */
    record Input(Dataset<Row> frame, List<String> columns, long rows, InputKind kind, Map<String, Long> firstRowOfFile) {
        /** Where a row is, for messages: its file and its place among the file's rows. */
        String where(long row) {
            String file = null;
            long first = 0;
            for (Map.Entry<String, Long> e : firstRowOfFile.entrySet()) {
                if (e.getValue() <= row) {
                    file = e.getKey();
                    first = e.getValue();
                }
            }
            return (file == null ? "" : file + ": ") + "row " + (row - first + 1) + " (row_id " + row + ")";
        }
    }

    private static final String CORRUPT = "__changetalk_corrupt";
    private static final String FILE = "__changetalk_file";
    private static final String BLOCK = "__changetalk_block";
    private static final String MONO = "__changetalk_mono";
    private static final String BASE = "__changetalk_base";

    private InputReader() {
    }

    static Input read(SparkSession spark, List<String> paths, InputKind kind, Columns names) {
        FoundInputs found = find(spark, paths);
        InputKind k = kind == InputKind.AUTO ? found.kind(paths) : kind;
        DataFrameReader reader = spark.read();
        if (found.allDirectories() && k != InputKind.PARQUET) {
            // Like the command line's directory scan: the files of this kind below each directory.
            reader.option("pathGlobFilter", k.glob()).option("recursiveFileLookup", "true");
        }
        String[] p = paths.toArray(String[]::new);
        Dataset<Row> raw;
        String malformed;
        switch (k) {
            case CSV, TSV -> {
                // RFC 4180 as the command line reads it: quotes doubled inside quoted fields, line breaks
                // inside them, every cell a string. TSV has no quoting. A row with more or fewer cells
                // than the header is malformed.
                reader.option("header", "true").option("multiLine", "true").option("mode", "PERMISSIVE")
                        .option("encoding", "UTF-8").option("enforceSchema", "false");
                if (k == InputKind.TSV) {
                    reader.option("sep", "\t").option("quote", "");
                } else {
                    reader.option("escape", "\"");
                }
                StructType header = reader.csv(p).schema();
                raw = reader.schema(header.add(CORRUPT, DataTypes.StringType))
                        .option("columnNameOfCorruptRecord", CORRUPT).csv(p);
                malformed = "malformed row: more or fewer cells than the header, or a quote never closed";
            }
            case JSONL -> {
                raw = reader.option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT).json(p);
                malformed = "not valid JSON, or not a JSON object";
            }
            case PARQUET -> {
                raw = reader.parquet(p);
                malformed = null;
            }
            default -> throw new IllegalStateException(k.name());
        }

        List<String> columns = new ArrayList<>(Arrays.asList(raw.columns()));
        boolean hasCorrupt = columns.remove(CORRUPT);
        StructField text = field(raw.schema(), names.text());
        if (text == null) {
            throw new JobException(JobException.USAGE, "no '" + names.text() + "' column in the input (columns: "
                    + String.join(", ", columns) + "; choose another with --text-column)");
        }
        if (!text.dataType().equals(DataTypes.StringType)) {
            throw new JobException(JobException.USAGE, "column '" + names.text() + "' holds "
                    + text.dataType().simpleString() + " values, not text");
        }

        List<Column> select = new ArrayList<>();
        for (String c : columns) {
            // A CSV cell is a string, empty when empty (Spark reads an empty cell as null).
            select.add(k == InputKind.CSV || k == InputKind.TSV ? coalesce(Names.col(c), lit("")).as(c) : Names.col(c));
        }
        select.add(hasCorrupt ? when(Names.col(CORRUPT).isNotNull(), lit(malformed)).as(RecordSchema.READ_ERROR)
                : lit(null).cast(DataTypes.StringType).as(RecordSchema.READ_ERROR));
        select.add(functions.col("_metadata.file_path").as(FILE));
        select.add(functions.col("_metadata.file_block_start").as(BLOCK));
        select.add(monotonically_increasing_id().as(MONO));
        Dataset<Row> scanned = raw.select(select.toArray(Column[]::new));

        RowIds ids = RowIds.of(spark, scanned);
        Column session = field(raw.schema(), names.session()) == null ? Names.col(FILE)
                : when(Names.col(names.session()).isNull().or(Names.col(names.session()).cast(DataTypes.StringType).equalTo("")),
                        Names.col(FILE)).otherwise(Names.col(names.session()).cast(DataTypes.StringType));
        List<Column> out = new ArrayList<>();
        List<String> outputNames = new ArrayList<>();
        for (String c : columns) {
            outputNames.add(RecordSchema.outputName(c));
            out.add(Names.col(c).as(RecordSchema.outputName(c)));
        }
        out.add(Names.col(MONO).plus(Names.col(BASE)).as(RecordSchema.ROW));
        out.add(session.as(RecordSchema.SESSION));
        out.add(Names.col(RecordSchema.READ_ERROR));
        Dataset<Row> frame = scanned.join(broadcast(ids.bases()), RecordSchema.seq(List.of(FILE, BLOCK)))
                .select(out.toArray(Column[]::new));
        return new Input(frame, outputNames, ids.rows(), k, ids.firstRowOfFile());
    }

    /** A field by its exact name (Spark would match it regardless of case). */
    static StructField field(StructType schema, String name) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The parts of the input (a path and a start offset each) and how their rows are numbered. */
    private record RowIds(Dataset<Row> bases, long rows, Map<String, Long> firstRowOfFile) {
        static RowIds of(SparkSession spark, Dataset<Row> scanned) {
            List<Row> parts = new ArrayList<>(scanned.groupBy(FILE, BLOCK).agg(count(lit(1)), min(MONO)).collectAsList());
            parts.sort(Comparator.<Row, String>comparing(r -> r.getString(0)).thenComparingLong(r -> r.getLong(1)));
            List<Row> bases = new ArrayList<>();
            Map<String, Long> firstRowOfFile = new LinkedHashMap<>();
            long offset = 0;
            for (Row r : parts) {
                firstRowOfFile.putIfAbsent(r.getString(0), offset);
                bases.add(RowFactory.create(r.getString(0), r.getLong(1), offset - r.getLong(3)));
                offset += r.getLong(2);
            }
            StructType schema = new StructType()
                    .add(FILE, DataTypes.StringType, false)
                    .add(BLOCK, DataTypes.LongType, false)
                    .add(BASE, DataTypes.LongType, false);
            return new RowIds(spark.createDataFrame(bases, schema), offset, firstRowOfFile);
        }
    }

    /** The files the input paths name: whether each path is a directory, and the kinds of the files. */
    private record FoundInputs(boolean allDirectories, Map<String, Set<InputKind>> kinds) {
        InputKind kind(List<String> paths) {
            Set<InputKind> all = EnumSet.noneOf(InputKind.class);
            kinds.values().forEach(all::addAll);
            if (all.size() == 1) {
                return all.iterator().next();
            }
            String named = String.join(", ", paths);
            throw new JobException(JobException.USAGE, (all.isEmpty() ? "cannot tell the kind of " + named
                    : named + " holds files of several kinds (" + all + ")") + "; choose one with --input-kind csv|tsv|jsonl|parquet");
        }
    }

    private static FoundInputs find(SparkSession spark, List<String> paths) {
        boolean allDirectories = true;
        Map<String, Set<InputKind>> kinds = new LinkedHashMap<>();
        for (String p : paths) {
            Path path = new Path(p);
            FileStatus[] matched;
            try {
                FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
                matched = fs.globStatus(path);
                Set<InputKind> here = EnumSet.noneOf(InputKind.class);
                if (matched != null) {
                    for (FileStatus s : matched) {
                        allDirectories &= s.isDirectory();
                        if (s.isDirectory()) {
                            for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(s.getPath(), true); it.hasNext(); ) {
                                addKind(here, it.next().getPath().getName());
                            }
                        } else {
                            addKind(here, s.getPath().getName());
                        }
                    }
                }
                kinds.put(p, here);
            } catch (IOException e) {
                throw new JobException(JobException.USAGE, p + ": cannot list: " + e.getMessage(), e);
            }
            if (matched == null || matched.length == 0) {
                throw new JobException(JobException.USAGE, p + ": no such file or directory");
            }
        }
        return new FoundInputs(allDirectories, kinds);
    }

    private static void addKind(Set<InputKind> kinds, String fileName) {
        if (fileName.startsWith("_") || fileName.startsWith(".")) {
            return; // _SUCCESS, .crc: what Spark itself skips
        }
        InputKind k = InputKind.ofFileName(fileName);
        if (k != null) {
            kinds.add(k);
        }
    }
}
