package io.github.changetalk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.Speaker;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.Utterance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job in local[2] on the testdata sessions, against the library and the command line. */
class ClassifyJobTest {
    @TempDir
    Path tmp;

    record Run(int code, String err, Job.Report report) {
    }

    static Run job(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ClassifyJob.Outcome o = ClassifyJob.run(SparkTestSession::get, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(o.code(), err.toString(), o.report());
    }

    @Test
    void perSessionRecordsEqualTheCommandLineAndClassifyTranscript() {
        List<Path> inputs = TestData.sessionFiles();
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("--partitions", "4"));
        args.addAll(TestData.strings(inputs));
        args.add(out.toString());
        Run run = job(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();

        List<ObjectNode> records = TestData.jsonParts(out);
        assertThat(run.report().rows()).isEqualTo(records.size());
        SessionRecordChecks.check(records, inputs, run.report().clientTurns(), run.report().classifications());
        // The JVM's one classifier, built (by this job or an earlier one) here and nowhere else.
        assertThat(run.report().classifierBuilds()).isLessThanOrEqualTo(1);
        run.report().buildJvms().forEach(jvm -> assertThat(jvm).isEqualTo(ExecutorClassifier.jvmName()));
    }

    // Written for this test: the rules' own direction as the prior, and a previous change turn pulling the next
    // turn toward change, so that the weights (and the previous turn, which the job must carry) change labels.
    private static final String WEIGHTS = """
            decides: client-direction
            provenance:
              note: "written by hand for ClassifyJobTest"
            classes: [change, sustain, neutral]
            bias: [0.0, 0.0, 0.0]
            weights:
              prior=change:    [1.0, 0.0, 0.0]
              prior=sustain:   [0.0, 1.0, 0.0]
              prior=neutral:   [0.0, 0.0, 1.0]
              previous=change: [1.5, 0.0, 0.0]
            """;

    @Test
    void aWeightsFileGivesTheCommandLinesWeightedLabels() throws IOException {
        Path weights = tmp.resolve("weights.yaml");
        Files.writeString(weights, WEIGHTS);
        List<String> inputs = TestData.strings(TestData.sessionFiles());
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("--weights", weights.toString(), "--partitions", "3"));
        args.addAll(inputs);
        args.add(out.toString());
        Run run = job(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        List<ObjectNode> records = TestData.jsonParts(out);

        List<String> cliArgs = new ArrayList<>(List.of("classify", "--format", "jsonl", "--weights", weights.toString()));
        cliArgs.addAll(inputs);
        List<ObjectNode> cli = TestData.commandLine(cliArgs.toArray(String[]::new));
        List<String> plainArgs = new ArrayList<>(List.of("classify", "--format", "jsonl", "--weights", "none"));
        plainArgs.addAll(inputs);
        List<ObjectNode> plain = TestData.commandLine(plainArgs.toArray(String[]::new));
        assertThat(records).hasSize(cli.size());
        int changed = 0;
        for (int i = 0; i < records.size(); i++) {
            assertThat(TestData.asCommandLineWrites(records.get(i))).as("record %d", i).isEqualTo(cli.get(i));
            changed += cli.get(i).get("label").equals(plain.get(i).get("label")) ? 0 : 1;
        }
        assertThat(changed).as("labels the weights changed").isPositive();
    }

    @Test
    void blankTurnsAreNotContextAsInTheLibraryAndTheCommandLine() throws IOException {
        // Two blank rows between a question and its short answer: the answer still reads the question.
        Path in = tmp.resolve("blank-turns.csv");
        Files.writeString(in, """
                session,turn,speaker,text,topic
                s1,1,counselor,Would you like to cut down on the drinking?,alcohol
                s1,2,counselor,,alcohol
                s1,3,client,,alcohol
                s1,4,client,"Yes, definitely.",alcohol
                s1,5,counselor,What would that look like?,alcohol
                s1,6,client,I guess I could skip the weeknight beers.,alcohol
                """);
        Path out = tmp.resolve("out");
        Run run = job("--partitions", "2", in.toString(), out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        SessionRecordChecks.check(TestData.jsonParts(out), List.of(in), run.report().clientTurns(), run.report().classifications());
    }

    @Test
    void perUtteranceParquetHasStructColumnsAndTheLibrarysLabels() {
        List<Path> files = TestData.sessionFiles().subList(0, 3);
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("--mode", "utterance", "--format", "parquet", "--partitions", "3"));
        args.addAll(TestData.strings(files));
        args.add(out.toString());
        Run run = job(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();

        SparkSession spark = SparkTestSession.get();
        List<Row> rows = new ArrayList<>();
        for (Path part : TestData.parts(out, ".parquet")) {
            Dataset<Row> d = spark.read().parquet(part.toString());
            assertThat(d.schema().apply("sentences").dataType().simpleString())
                    .isEqualTo("array<struct<text:string,label:string,direction:string,kind:string,rule:string,"
                            + "notices:array<struct<code:string,detail:string>>>>");
            rows.addAll(d.collectAsList());
        }
        assertThat(rows).hasSize((int) run.report().rows());
        long client = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertThat(r.<Long>getAs(RecordSchema.ROW_ID)).isEqualTo(i);
            Speaker speaker = r.<String>getAs("speaker").equals("client") ? Speaker.CLIENT : Speaker.COUNSELOR;
            UtteranceResult e = TestData.reference().classify(new Utterance(r.getAs("text"), speaker, List.of(), r.getAs("topic")));
            assertThat(r.<String>getAs("label")).as("row %d", i).isEqualTo(e.label() == null ? null : e.label().id());
            List<Row> sentences = r.getList(r.fieldIndex("sentences"));
            assertThat(sentences.stream().map(s -> s.<String>getAs("rule")).toList())
                    .isEqualTo(e.sentences().stream().map(s -> s.decidedBy()).toList());
            client += speaker == Speaker.CLIENT ? 1 : 0;
        }
        assertThat(run.report().classifications()).isEqualTo(client);
    }

    @Test
    void summaryCsvCountsAsTheCommandLine() throws IOException {
        List<String> inputs = TestData.strings(TestData.sessionFiles());
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("--summary", "--format", "csv", "--partitions", "3"));
        args.addAll(inputs);
        args.add(out.toString());
        Run run = job(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        List<Path> parts = TestData.parts(out, ".csv");
        assertThat(parts).hasSize(1);
        List<String> table = Files.readAllLines(parts.get(0));

        List<String> cliArgs = new ArrayList<>(List.of("classify", "--summary", "--format", "csv"));
        cliArgs.addAll(inputs);
        List<String> cli = TestData.commandLineText(cliArgs.toArray(String[]::new)).lines().toList();
        assertSameTable(table, cli);
    }

    /**
     * The job's summary CSV against the command line's: the same header and cells, the job's full-precision
     * shares and scores equal to the command line's three decimals.
     */
    private static void assertSameTable(List<String> table, List<String> cli) {
        assertThat(table).hasSameSizeAs(cli);
        assertThat(table.get(0)).isEqualTo(cli.get(0));
        for (int i = 1; i < table.size(); i++) {
            String[] job = table.get(i).split(",", -1);
            String[] expected = cli.get(i).split(",", -1);
            assertThat(job).as(table.get(i)).hasSameSizeAs(expected);
            for (int j = 0; j < job.length; j++) {
                String cell = expected[j].contains(".") && !job[j].isEmpty()
                        ? String.format(Locale.ROOT, "%.3f", Double.parseDouble(job[j])) : job[j];
                assertThat(cell).as(table.get(0).split(",")[j] + " in " + table.get(i)).isEqualTo(expected[j]);
            }
        }
    }

    @Test
    void summaryWithCodedCounselorTurnsHasTheCommandLinesHelperScores() throws IOException {
        Path root = Path.of(System.getProperty("changetalk.root", ".."));
        Path in = root.resolve("cli/src/test/resources/helper-session.csv"); // the command line's helper summary transcript
        String client = root.resolve("cli/src/test/resources/clitest-pack.yaml").toString();
        String counselor = root.resolve("cli/src/test/resources/clitest-counselor-pack.yaml").toString();
        Path out = tmp.resolve("out");
        Run run = job("--summary", "--format", "csv", "--partitions", "2", "--only-rules", client, "--only-rules", counselor,
                in.toString(), out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> table = Files.readAllLines(TestData.parts(out, ".csv").get(0));
        List<String> cli = TestData.commandLineText("classify", "--summary", "--format", "csv", "--only-rules", client,
                "--only-rules", counselor, in.toString()).lines().toList();
        assertThat(table.get(0)).contains("helper_turns", "OQ", "reflection_to_question_band", "mi_adherence");
        assertSameTable(table, cli);
        List<String> head = List.of(table.get(0).split(","));
        assertThat(table.get(1).split(",")[head.indexOf("helper_turns")]).isEqualTo("4");
        assertThat(table.get(2).split(",", -1)[head.indexOf("complex_reflection_share")]).isEmpty(); // b: no reflection
        assertThat(run.report().classifications()).isEqualTo(run.report().clientTurns());
    }

    @Test
    void brokenRowsStopTheJobOrAreWrittenAsErrors() throws IOException {
        Path in = tmp.resolve("turns.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"session\":\"a\",\"speaker\":\"counselor\",\"text\":\"What would you like to change?\"}",
                "{\"session\":\"a\",\"speaker\":\"bob\",\"text\":\"Hello there.\"}",
                "this line is not JSON",
                "{\"session\":\"a\",\"speaker\":\"client\",\"text\":\"I really want to cut down.\",\"n\":7}",
                "{\"session\":\"a\",\"speaker\":\"client\"}",
                ""));
        Path out = tmp.resolve("out");
        Run failed = job(in.toString(), out.toString());
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err().strip()).endsWith("turns.jsonl: row 2 (row_id 1): unknown speaker 'bob' in column speaker"
                + " (see --client-tags and --counselor-tags) (and 2 more) (use --on-error skip to write them as error records)");
        assertThat(failed.err().lines().count()).isEqualTo(1);
        assertThat(out).doesNotExist();

        Run skipped = job("--on-error", "skip", in.toString(), out.toString());
        assertThat(skipped.code()).as(skipped.err()).isZero();
        List<ObjectNode> records = TestData.jsonParts(out);
        assertThat(records).extracting(r -> r.get("error").isNull() ? null : r.get("error").asText()).containsExactly(
                null,
                "unknown speaker 'bob' in column speaker (see --client-tags and --counselor-tags)",
                "not valid JSON, or not a JSON object",
                null,
                "no 'text' field");
        assertThat(records.get(3).get("n").asLong()).isEqualTo(7);
        // As the command line: broken rows are no one's context, so the client answers the counselor.
        List<ObjectNode> cli = TestData.commandLine("classify", "--format", "jsonl", "--on-error", "skip", in.toString());
        assertThat(records.get(3).get("label")).isEqualTo(cli.get(3).get("label"));
        assertThat(TestData.asCommandLineWrites(records.get(3)).get("sentences")).isEqualTo(cli.get(3).get("sentences"));
        assertThat(records.get(3).get("label").asText()).isEqualTo("desire");
    }

    @Test
    void csvFilesWithAnotherHeaderStopTheJob() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(dir.resolve("a.csv"), "speaker,text\nclient,I want to quit.\n");
        Files.writeString(dir.resolve("b.csv"), "text,speaker\nI want to quit.,client\n");
        Run run = job(dir.toString(), tmp.resolve("out").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("changetalk-spark: ").contains("b.csv: CSV header does not conform to the schema");
    }

    @Test
    void usageErrorsAreOneLineWithExitStatus2() throws IOException {
        Path csv = tmp.resolve("notes.csv");
        Files.writeString(csv, "utterance\nI want to quit.\n");
        Path out = tmp.resolve("out");
        assertUsageError(job(csv.toString(), out.toString()), "no 'text' column in the input (columns: utterance;"
                + " choose another with --text-column)");
        Files.writeString(csv, "text\nI want to quit.\n");
        assertUsageError(job("--weights", "weights.tsv", csv.toString(), out.toString()), "--weights weights.tsv: no such file");
        Path badWeights = tmp.resolve("bad-weights.yaml");
        Files.writeString(badWeights, "decides: client-direction\nclasses: [change, sustain, neutral]\n");
        assertUsageError(job("--weights", badWeights.toString(), csv.toString(), out.toString()),
                badWeights + ":1: missing key 'provenance'");
        assertUsageError(job("--target", "knitting", csv.toString(), out.toString()), "--target: unknown target 'knitting' (known: ");
        assertUsageError(job(tmp.resolve("missing.csv").toString(), out.toString()), "missing.csv: no such file or directory");
        Path pack = tmp.resolve("broken.yaml");
        Files.writeString(pack, "rules: [");
        assertUsageError(job("--rules", pack.toString(), csv.toString(), out.toString()), pack.toString());
        assertUsageError(job("--mode", "turn", csv.toString(), out.toString()), "--mode: expected session or utterance, not 'turn'");
        Files.createDirectories(out);
        assertUsageError(job(csv.toString(), out.toString()), "the output directory exists (remove it, or give --overwrite)");
    }

    private static void assertUsageError(Run run, String message) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("changetalk-spark: ").contains(message);
    }
}
