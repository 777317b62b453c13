package io.github.changetalk.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.github.changetalk.Classifier;
import io.github.changetalk.RulePackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The job: read, label, check, write.
 *
 * <ol>
 * <li>The classifier is built once on an executor by a one-task job, so that a broken pack or an
 *     unknown {@code --target} stops the job before the input is read (that executor keeps it).</li>
 * <li>The input is read with row ids in input order ({@link InputReader}).</li>
 * <li>Rows are labelled ({@link Labeller}): per session, the rows are hash-partitioned by session
 *     (so a session is never split) into an explicit number of partitions (so that adaptive execution
 *     cannot collapse them into one task), and sorted by session and row id within each partition;
 *     per utterance, they are hash-partitioned by row id.</li>
 * <li>The labelled rows are persisted and counted once. Writing them in input order sorts them by
 *     row id, and the range partitioning of that sort samples its input first: without the persisted
 *     copy, the sample would classify every row a second time.</li>
 * <li>With {@code --on-error fail}, a row that could not be read or classified stops the job before
 *     anything is written; with {@code skip}, it is written with its {@code error}.</li>
 * <li>Records (or the {@code --summary} table) are written, part files in input order.</li>
 * </ol>
 */
final class Job {
    /** What the job was asked to do. */
    record Settings(List<String> inputs, String output, InputKind inputKind, OutputFormat format,
                    InputReader.Columns columns, SpeakerTags speakers, String target, ClassifierConfig classifier,
                    boolean perSession, boolean summary, boolean failOnError, int partitions, boolean overwrite) {
        Settings withPartitions(int n) {
            return new Settings(inputs, output, inputKind, format, columns, speakers, target, classifier, perSession,
                    summary, failOnError, n, overwrite);
        }
    }

    /** What it did. {@code classifications} counts calls to the classifier; it equals {@code clientTurns} when no row was classified twice. */
    record Report(long rows, long clientTurns, long classifications, long errors, int partitions,
                  long classifierBuilds, long buildMillis, List<String> buildJvms) {
        String line() {
            return rows + " rows, " + clientTurns + " client turns classified"
                    + (classifications == clientTurns ? "" : " (" + classifications + " classifier calls: some rows were classified twice)")
                    + ", " + errors + " errors, " + partitions + " partitions; classifier built " + classifierBuilds
                    + (classifierBuilds == 1 ? " time" : " times")
                    + (buildJvms.isEmpty() ? "" : " in " + String.join(", ", buildJvms)
                            + String.format(java.util.Locale.ROOT, " (%.1f s)", buildMillis / 1000.0 / classifierBuilds));
        }
    }

    private Job() {
    }

    static Report run(SparkSession spark, Settings s, PrintWriter err) {
        // An explicit partition count everywhere, the small shuffles (counting, the summary) included:
        // adaptive execution must not merge a stage's partitions into one task.
        spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
        spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(s.partitions()));
        checkOutput(spark, s);
        Labeller.Counters counters = new Labeller.Counters(
                spark.sparkContext().longAccumulator("changetalk classifications"),
                spark.sparkContext().longAccumulator("changetalk classifier builds"),
                spark.sparkContext().longAccumulator("changetalk classifier build milliseconds"),
                spark.sparkContext().collectionAccumulator("changetalk classifier JVMs"));
        checkClassifier(spark, s, counters);

        InputReader.Input input = InputReader.read(spark, s.inputs(), s.inputKind(), s.columns());
        Dataset<Row> frame = input.frame();
        StructType in = frame.schema();
        Labeller labeller = new Labeller(s.classifier(), s.perSession(), layout(in, s), s.speakers(), s.target(), counters);
        Dataset<Row> arranged = s.perSession()
                ? frame.repartition(s.partitions(), col(RecordSchema.SESSION)).sortWithinPartitions(RecordSchema.SESSION, RecordSchema.ROW)
                : frame.repartition(s.partitions(), col(RecordSchema.ROW));
        StructType labelledSchema = in;
        for (StructField f : RecordSchema.RESULTS.fields()) {
            labelledSchema = labelledSchema.add(f);
        }
        for (StructField f : RecordSchema.HELPER.fields()) {
            labelledSchema = labelledSchema.add(f);
        }
        Dataset<Row> labelled = arranged.mapPartitions(labeller, Encoders.row(labelledSchema))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row stats = labelled.agg(count(lit(1)), count(col("error")), count(col("label")),
                    count(when(col("error").startsWith(Labeller.CLASSIFICATION_FAILED), 1)),
                    min(when(col("error").isNotNull(), struct(col(RecordSchema.ROW), col("error")))),
                    count(when(col(RecordSchema.CODED), 1))).first();
            long rows = stats.getLong(0);
            long errors = stats.getLong(1);
            long clientTurns = stats.getLong(2) + stats.getLong(3);
            if (rows != input.rows()) {
                throw new JobException(JobException.FAILED, "internal error: " + input.rows() + " rows read but "
                        + rows + " labelled (did the input change while the job ran?)");
            }
            if (errors > 0) {
                Row first = stats.getStruct(4);
                String message = input.where(first.getLong(0)) + ": " + first.getString(1)
                        + (errors > 1 ? " (and " + (errors - 1) + " more)" : "");
                if (s.failOnError()) {
                    throw new JobException(JobException.FAILED, message + " (use --on-error skip to write them as error records)");
                }
                err.println("changetalk-spark: " + JobException.oneLine(message + " (skipped: written as error records)"));
            }
            if (s.summary()) {
                Output.write(SessionTable.of(labelled, stats.getLong(5) > 0), s.format(), s.output(), s.overwrite());
            } else {
                Output.write(records(labelled, input.columns(), s.partitions()), s.format(), s.output(), s.overwrite());
            }
            return new Report(rows, clientTurns, counters.classified().value(), errors, s.partitions(),
                    counters.builds().value(), counters.buildMillis().value(), List.copyOf(counters.buildJvms().value()));
        } finally {
            labelled.unpersist();
        }
    }

    /** The output records in input order: range-partitioned by row id, sorted within each part. */
    private static Dataset<Row> records(Dataset<Row> labelled, List<String> columns, int partitions) {
        List<Column> out = new ArrayList<>();
        out.add(col(RecordSchema.ROW).as(RecordSchema.ROW_ID));
        for (String c : columns) {
            out.add(Names.col(c));
        }
        for (String f : RecordSchema.RESULTS.fieldNames()) {
            out.add(col(f));
        }
        return labelled.repartitionByRange(partitions, col(RecordSchema.ROW)).sortWithinPartitions(RecordSchema.ROW)
                .select(out.toArray(Column[]::new));
    }

    private static Labeller.Layout layout(StructType in, Settings s) {
        InputReader.Columns c = s.columns();
        return new Labeller.Layout(in.fieldIndex(RecordSchema.outputName(c.text())), index(in, c.speaker()),
                index(in, c.topic()), in.fieldIndex(RecordSchema.SESSION), in.fieldIndex(RecordSchema.READ_ERROR),
                c.text(), c.speaker());
    }

    private static int index(StructType in, String inputColumn) {
        String name = RecordSchema.outputName(inputColumn);
        return InputReader.field(in, name) == null ? -1 : in.fieldIndex(name);
    }

    private static void checkOutput(SparkSession spark, Settings s) {
        if (s.overwrite()) {
            return;
        }
        try {
            Path out = new Path(s.output());
            if (out.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(out)) {
                throw new JobException(JobException.USAGE, s.output() + ": the output directory exists (remove it, or give --overwrite)");
            }
        } catch (IOException e) {
            throw new JobException(JobException.USAGE, s.output() + ": cannot check the output directory: " + e.getMessage(), e);
        }
    }

    /** Builds the classifier on one executor and checks --target there; the driver never loads it. */
    private static void checkClassifier(SparkSession spark, Settings s, Labeller.Counters counters) {
        ClassifierConfig config = s.classifier();
        String target = s.target();
        MapPartitionsFunction<Long, String> check = ignored -> {
            String problem = "";
            try {
                Classifier c = ExecutorClassifier.get(config, counters::built);
                if (target != null && c.resolveTarget(target) == null) {
                    problem = "--target: unknown target '" + target + "' (known: " + String.join(", ", c.targets()) + ")";
                }
            } catch (RulePackException | IllegalArgumentException | IllegalStateException e) {
                problem = e.getMessage();
            }
            return List.of(problem).iterator();
        };
        String problem = spark.range(0, 1, 1, 1).mapPartitions(check, Encoders.STRING()).first();
        if (!problem.isEmpty()) {
            throw new JobException(JobException.USAGE, problem);
        }
    }
}
