package io.github.changetalk.cli;

import io.github.changetalk.cli.io.InputRecord;
import io.github.changetalk.cli.report.ReportPage;
import io.github.changetalk.cli.report.Reports;
import io.github.changetalk.cli.report.SessionView;
import io.github.changetalk.cli.report.SessionViews;
import io.github.changetalk.cli.run.Pipeline;
import io.github.changetalk.cli.run.Processed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code changetalk report}: one self-contained HTML page per session, and an index page when there
 * are several sessions or a corpus (a directory, or rows with a session column). The sessions are
 * classified exactly as {@code classify} would; the pages are written once every record is in, so
 * the report holds its sessions in memory.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {
            "Writes a session report: one HTML page per session, and index.html for several.",
            "Each page shows the session's timeline (client change talk above the line, sustain talk below, "
                    + "by DARN-CAT kind; counselor turns on the line), label counts and change-talk share, helper "
                    + "scores against MITI 4.2 once counselor turns are coded, the per-kind profile, and the "
                    + "transcript with each sentence highlighted by label (hover over or focus it for the rules and "
                    + "words behind it). Pages are self-contained (no script, nothing loaded from the network) and "
                    + "print to PDF.",
            "",
        },
        footer = {
            "",
            "Inputs are read as by classify (transcripts, CSV/TSV with a session column,",
            "JSON Lines; - for standard input). The paths written are printed on stdout.",
            "",
            "Examples:",
            "  changetalk report testdata/sessions/alcohol-first-visit.txt",
            "  changetalk report testdata/sessions/*.txt -o reports/",
            "  changetalk report --redact sessions.csv -o to-share/",
        })
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SESSION", arity = "1..*", description = "Session files, directories, or - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "changetalk-report",
            description = "Directory to write the pages into, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--redact", description = "Replace every word of the transcript by its label (and session names by"
            + " Session 1, 2...), for sharing outside the clinic.")
    boolean redact;

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
        AtomicReference<SessionViews> views = new AtomicReference<>();
        AtomicBoolean sessionColumn = new AtomicBoolean();
        Pipeline.Outcome outcome = Runner.run(files, input, rules, debug.debug, out, err,
                c -> views.set(new SessionViews(Reports.ruleDescriptions(c), input.target)),
                p -> {
                    views.get().add(p);
                    if (hasSessionColumn(p)) {
                        sessionColumn.set(true);
                    }
                });
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        List<SessionView> sessions = Reports.prepare(views.get().build(), redact);
        if (sessions.isEmpty()) {
            throw new CliException(CliException.FAILED, "nothing to report: the inputs hold no records");
        }
        boolean corpus = sessionColumn.get() || files.stream().anyMatch(f -> !f.equals("-") && Files.isDirectory(Path.of(f)));
        boolean index = sessions.size() > 1 || corpus;
        List<String> names = Reports.fileNames(sessions);
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, output + ": cannot create directory: " + e.getMessage());
        }
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            String file = names.get(i) + ".html";
            hrefs.add(file);
            write(out, output.resolve(file), ReportPage.session(sessions.get(i), index ? "index.html" : null, redact));
        }
        if (index) {
            write(out, output.resolve("index.html"), ReportPage.index(sessions, hrefs, redact));
        }
        out.flush();
        if (out.checkError()) {
            throw new CliException(CliException.FAILED, "cannot write the output (closed by the reader?)");
        }
        return 0;
    }

    private boolean hasSessionColumn(Processed p) {
        InputRecord in = p.input();
        return in.fields() != null && in.fields().get(input.sessionColumn) != null && in.session() != null
                && !in.session().equals(in.source());
    }

    private static void write(PrintWriter out, Path file, String html) {
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, file + ": cannot write: " + e.getMessage());
        }
        out.println(file);
    }
}
