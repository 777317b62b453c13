package io.github.changetalk.cli;

import io.github.changetalk.cli.eval.SessionSummary;
import io.github.changetalk.cli.eval.SummarySources;
import io.github.changetalk.cli.io.Inputs;
import io.github.changetalk.cli.out.Fields;
import io.github.changetalk.cli.out.DelimitedWriter;
import io.github.changetalk.cli.out.HtmlWriter;
import io.github.changetalk.cli.out.JsonWriter;
import io.github.changetalk.cli.out.OutputFormat;
import io.github.changetalk.cli.out.RecordWriter;
import io.github.changetalk.cli.out.SummaryWriter;
import io.github.changetalk.cli.out.TextWriter;
import io.github.changetalk.cli.report.Reports;
import io.github.changetalk.cli.run.Pipeline;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code changetalk classify}: one output record per input record, in input order. */
@Command(name = "classify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false,
        description = {
            "Labels each client utterance; counselor turns are passed through unlabelled as context.",
            "",
            "Inputs are files, directories, or - for standard input (the default):",
            "- text: one utterance per line (.txt); lines starting 'Client:', 'Counselor:', 'T:'... are "
                    + "speaker-tagged turns (see --client-tags); '#' lines are comments; '# topic: alcohol' sets "
                    + "the target behaviour.",
            "- csv, tsv: a header row with a 'text' column; 'speaker', 'session' and 'topic' columns are used "
                    + "when present; every column is passed through to the output.",
            "- jsonl: one JSON object per line with a string 'text' field; other fields pass through.",
        },
        footer = {
            "",
            "Output: text (the default when stdout is a terminal) or jsonl (the default otherwise), or tsv, "
                    + "csv, json. Machine formats carry the input fields as the input gave them (one named like a "
                    + "result field is renamed input_NAME), then label (null for counselor turns), direction, kind, "
                    + "the deciding rule, sentences, notices, and error for records that could not be read. "
                    + "CSV/TSV headers are the union of the inputs' columns.",
            "",
            "Examples:",
            "  changetalk testdata/sessions/alcohol-first-visit.txt",
            "  echo 'I really want to cut down.' | changetalk -f jsonl",
            "  changetalk -f csv --target smoking notes.csv > out.csv",
            "  tail -f live.txt | changetalk",
            "  changetalk --summary testdata/sessions/*.txt",
            "(--summary: name the .txt files only, so that each session is read once.)",
        })
public final class ClassifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR|-", arity = "0..*", description = "Inputs (default: standard input).")
    List<String> files = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text, tsv, csv, jsonl, json or html (default: text on a terminal, else jsonl). html writes the session report as one page (see 'changetalk report').")
    String format;

    @Option(names = "--explain", description = "Add, per sentence, the rules that fired, the words they matched, and the rules vetoed.")
    boolean explain;

    @Option(names = "--summary", description = "Instead of records, print per session and in total the count of each label and the change-talk share CT/(CT+ST);"
            + " when counselor turns are coded, also the helper scores (counts per MISC code, R:Q, complex-reflection and open-question shares with MITI 4.2 bands,"
            + " MI-inconsistent turns, MI-consistent share, mi_adherence) and, in text, the MI-inconsistent turns with the words that decided them."
            + " Says on stderr which inputs were read; two inputs giving one session are refused.")
    boolean summary;

    @Option(names = "--per-sentence", description = "Machine formats: one record per sentence (its number, text, label and rule) instead of one per input record.")
    boolean perSentence;

    @Option(names = "--redact", description = "With --format html: replace every word of the transcript by its label, for sharing outside the clinic.")
    boolean redact;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the text format: auto (on a terminal, unless NO_COLOR is set), always, never.")
    String color;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    ClassifierOptions rules = new ClassifierOptions();

    @Mixin
    DebugOption debug = new DebugOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat fmt = parseFormat(format, Terminal.stdoutIsTerminal());
        Pipeline.Outcome outcome;
        if (perSentence && (summary || fmt == OutputFormat.TEXT || fmt == OutputFormat.HTML)) {
            throw new CliException(CliException.USAGE, "--per-sentence needs a record format: --format jsonl, json, csv or tsv");
        }
        if (redact && fmt != OutputFormat.HTML) {
            throw new CliException(CliException.USAGE, "--redact needs --format html (or the report command)");
        }
        if (fmt == OutputFormat.HTML) {
            AtomicReference<Map<String, String>> descriptions = new AtomicReference<>(Map.of());
            HtmlWriter writer = new HtmlWriter(out, redact, summary, descriptions::get, input.target);
            SummarySources read = new SummarySources(); // the index's totals, as --summary's, count each session once
            outcome = Runner.run(files, input, rules, debug.debug, out, err, c -> descriptions.set(Reports.ruleDescriptions(c)), p -> {
                if (summary) {
                    read.add(p.input());
                }
                writer.write(p);
            });
            if (outcome.failure() == null) {
                writer.finish();
            }
        } else if (summary) {
            SessionSummary s = new SessionSummary();
            SummarySources read = new SummarySources();
            outcome = Runner.run(files, input, rules, debug.debug, out, err, p -> {
                read.add(p.input());
                if (p.result() != null && p.result().label() != null) {
                    s.add(p.input().session(), p.result().label());
                } else if (p.result() != null && p.result().coded()) {
                    s.addHelper(p.input().session(), p.input().where(), p.result().coding());
                }
            });
            if (outcome.failure() == null) {
                if (read.describe() != null) {
                    err.println("changetalk: " + read.describe());
                    err.flush();
                }
                SummaryWriter.write(out, s, fmt);
            }
        } else {
            RecordWriter writer = writer(fmt, out, err);
            outcome = Runner.run(files, input, rules, debug.debug, out, err, writer::write);
            writer.finish();
        }
        out.flush();
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return 0;
    }

    static OutputFormat parseFormat(String format, boolean terminal) {
        if (format == null) {
            return terminal ? OutputFormat.TEXT : OutputFormat.JSONL;
        }
        try {
            return OutputFormat.valueOf(format.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "--format: expected text, tsv, csv, jsonl, json or html, not '" + format + "'");
        }
    }

    private RecordWriter writer(OutputFormat fmt, PrintWriter out, PrintWriter err) {
        java.util.function.Consumer<String> warn = m -> {
            err.println("changetalk: " + m);
            err.flush();
        };
        Fields.Shape shape = perSentence ? Fields.Shape.SENTENCES : Fields.Shape.TURNS;
        return switch (fmt) {
            case TEXT -> new TextWriter(out, useColor(), explain, Terminal.stdoutIsTerminal() ? Terminal.columns() : 0);
            case JSONL -> new JsonWriter(out, false, explain, shape, warn);
            case JSON -> new JsonWriter(out, true, explain, shape, warn);
            case HTML -> throw new IllegalStateException("html is written by HtmlWriter");
            case CSV, TSV -> new DelimitedWriter(out, fmt == OutputFormat.TSV, explain, shape,
                    Inputs.open(files, input.readOptions(), InputStream.nullInputStream(), m -> { }).fieldNames(), warn);
        };
    }

    private boolean useColor() {
        return switch (color.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> Terminal.stdoutIsTerminal() && Terminal.colorAllowed();
            default -> throw new CliException(CliException.USAGE, "--color: expected auto, always or never, not '" + color + "'");
        };
    }
}
