package io.github.changetalk.spark;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark job: {@code spark-submit --class io.github.changetalk.spark.ClassifyJob changetalk-spark.jar
 * [OPTIONS] INPUT... OUTPUT_DIR}. Labels every row of the input as {@code changetalk classify} does and
 * writes one record per row, in input order, under OUTPUT_DIR.
 */
@Command(name = "ClassifyJob", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ClassifyJob.Version.class,
        description = {
            "Labels each client turn of a corpus as changetalk classify does, as a Spark job.",
            "",
            "Input (files, directories or globs; the kind from the extension, or --input-kind):",
            "  csv, tsv    a header row with a 'text' column; 'speaker', 'session', 'topic' columns are",
            "              used when present; every column passes through to the output",
            "  jsonl       one JSON object per line with a string 'text' field",
            "  parquet     a string 'text' column, and the others as for csv",
            "",
            "Output under OUTPUT_DIR: part files that, read in name order, hold one record per input",
            "row in input order: row_id, the input's columns (one named like a result field is renamed",
            "input_NAME), label (null for counselor turns), direction, kind, sentences, notices, error.",
        },
        footer = {
            "",
            "Example:",
            "  spark-submit --class io.github.changetalk.spark.ClassifyJob --jars stanford-corenlp-4.5.10-models.jar \\",
            "      changetalk-spark.jar --format parquet sessions/ labelled/",
            "",
            "Exit status: 0 ok, 1 processing failed, 2 usage error or bad rule pack.",
        })
public final class ClassifyJob implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT... OUTPUT_DIR", arity = "2..*",
            description = "Input files, directories or globs, then the output directory.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl, csv or parquet (default: ${DEFAULT-VALUE}). In Parquet, sentences and notices are struct columns; in CSV, JSON text.")
    String format;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "session",
            description = "session: each turn with the two turns before it in its session, as the command line (default); utterance: each turn alone.")
    String mode;

    @Option(names = "--summary", description = "Instead of records, write per session the count of each label and the change-talk share CT/(CT+ST), then a row of totals (scope total);"
            + " when counselor turns are coded, also the helper scores, as the command line's --summary.")
    boolean summary;

    @Option(names = "--input-kind", paramLabel = "KIND", defaultValue = "auto",
            description = "auto, csv, tsv, jsonl or parquet (default: ${DEFAULT-VALUE}: from the files' extensions).")
    String inputKind;

    @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text", description = "Column holding the utterance (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--speaker-column", paramLabel = "NAME", defaultValue = "speaker", description = "Column naming the speaker, used when present (default: ${DEFAULT-VALUE}).")
    String speakerColumn;

    @Option(names = "--session-column", paramLabel = "NAME", defaultValue = "session",
            description = "Column naming the session (default: ${DEFAULT-VALUE}; without it, or for an empty value, the file).")
    String sessionColumn;

    @Option(names = "--topic-column", paramLabel = "NAME", defaultValue = "topic", description = "Column naming the target behaviour (default: ${DEFAULT-VALUE}).")
    String topicColumn;

    @Option(names = "--client-tags", paramLabel = "TAG", split = ",", description = "Speaker values meaning the client (default: client,c,patient,pt).")
    List<String> clientTags = new ArrayList<>(SpeakerTags.DEFAULT_CLIENT);

    @Option(names = "--counselor-tags", paramLabel = "TAG", split = ",",
            description = "Speaker values meaning the counselor (default: counselor,counsellor,therapist,t,peer,peer supporter,peer worker,coach,interviewer,clinician,provider).")
    List<String> counselorTags = new ArrayList<>(SpeakerTags.DEFAULT_COUNSELOR);

    @Option(names = "--target", paramLabel = "NAME", description = "Target behaviour (alcohol, smoking, ...) for rows without a topic.")
    String target;

    @Option(names = "--rules", paramLabel = "FILE", description = "Add a rule pack (YAML) to the default packs. Repeatable. Read on the driver.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--only-rules", paramLabel = "FILE", description = "Use only these rule packs, not the default ones. Repeatable.")
    List<Path> onlyRules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID", split = ",", description = "Turn rules off by id (comma-separated, repeatable).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "FILE|none",
            description = "Evidence weights (a file written by changetalk train; read on the driver), or none: the rules' "
                    + "bands and overrides decide. Default: the classifier's default, as changetalk's.")
    String weights;

    @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail",
            description = "A row that cannot be read or classified: fail stops the job before writing (default); skip writes it with an error field.")
    String onError;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions to label in, and part files to write (default: three per core of the cluster).")
    Integer partitions;

    @Option(names = "--overwrite", description = "Replace OUTPUT_DIR if it exists.")
    boolean overwrite;

    private final Supplier<SparkSession> session;
    private final PrintWriter err;
    Job.Report report;

    ClassifyJob(Supplier<SparkSession> session, PrintWriter err) {
        this.session = session;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        SparkSession[] started = new SparkSession[1];
        int code;
        try {
            code = run(() -> started[0] = SparkSession.builder().appName("changetalk").getOrCreate(), out, err, args).code();
        } finally {
            if (started[0] != null) {
                started[0].stop();
            }
        }
        System.exit(code);
    }

    /** The exit status and, when the job ran, its report. */
    record Outcome(int code, Job.Report report) {
    }

    /** Runs the job on the session {@code spark} gives (asked for only once the options are valid). */
    static Outcome run(Supplier<SparkSession> spark, PrintWriter out, PrintWriter err, String... args) {
        ClassifyJob job = new ClassifyJob(spark, err);
        CommandLine cl = new CommandLine(job);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("changetalk-spark: " + JobException.oneLine(e.getMessage()) + " (see --help)");
            return JobException.USAGE;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof JobException j) {
                err.println("changetalk-spark: " + j.getMessage());
                return j.exitCode();
            }
            err.println("changetalk-spark: " + describe(e));
            // Spark's analysis errors (a path that does not exist, a column it cannot resolve) are the user's.
            return e instanceof AnalysisException ? JobException.USAGE : JobException.FAILED;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return new Outcome(code, job.report);
    }

    @Override
    public Integer call() {
        Job.Settings settings = settings();
        SparkSession spark = session.get();
        int n = partitions != null ? partitions : 3 * spark.sparkContext().defaultParallelism();
        report = Job.run(spark, settings.withPartitions(n), err);
        err.println("changetalk-spark: " + report.line());
        return 0;
    }

    private Job.Settings settings() {
        if (partitions != null && partitions < 1) {
            throw new JobException(JobException.USAGE, "--partitions must be at least 1, was " + partitions);
        }
        boolean perSession = switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "session" -> true;
            case "utterance" -> false;
            default -> throw new JobException(JobException.USAGE, "--mode: expected session or utterance, not '" + mode + "'");
        };
        boolean fail = switch (onError.strip().toLowerCase(Locale.ROOT)) {
            case "fail" -> true;
            case "skip" -> false;
            default -> throw new JobException(JobException.USAGE, "--on-error: expected fail or skip, not '" + onError + "'");
        };
        List<String> inputs = paths.subList(0, paths.size() - 1);
        return new Job.Settings(List.copyOf(inputs), paths.get(paths.size() - 1), InputKind.parse(inputKind),
                OutputFormat.parse(format), new InputReader.Columns(textColumn, speakerColumn, sessionColumn, topicColumn),
                SpeakerTags.of(clientTags, counselorTags), target, ClassifierConfig.of(onlyRules, rules, disable, weights),
                perSession, summary, fail, 0, overwrite); // partitions: once Spark is up (see call)
    }

    private static final Pattern READING_FILE = Pattern.compile("while reading file (\\S+?)\\.?(\\s|$)");

    /**
     * A failure from Spark as one line: the innermost cause (Spark wraps a task's exception in its own,
     * whose message holds the whole stack trace), named by its class unless that says nothing more,
     * after the input file Spark was reading, when it says which.
     */
    static String describe(Throwable e) {
        String file = null;
        Throwable t = e;
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            Matcher m = READING_FILE.matcher(String.valueOf(c.getMessage()));
            if (m.find()) {
                file = m.group(1);
            }
            t = c;
        }
        String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
        boolean plain = t instanceof SparkException || t instanceof AnalysisException || t instanceof IllegalArgumentException;
        String what = message.isEmpty() ? t.getClass().getName() : plain ? message : t.getClass().getSimpleName() + ": " + message;
        return JobException.oneLine((file == null ? "" : file + ": ") + what);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ClassifyJob.class.getPackage().getImplementationVersion();
            return new String[] {"changetalk-spark " + (v == null ? "(development build)" : v)};
        }
    }

}
