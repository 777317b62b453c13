package io.github.changetalk.cli;

import io.github.changetalk.RulePackException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code changetalk} command. Subcommands are registered in the {@code subcommands} list of the
 * annotation below, and nowhere else. With no subcommand name first, {@code classify} is meant:
 * {@code changetalk file.txt} is {@code changetalk classify file.txt}.
 */
@Command(name = "changetalk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {
            ClassifyCommand.class,
            RulesCommand.class,
            EvalCommand.class,
            TrainCommand.class,
            ReportCommand.class,
            BenchCommand.class,
        },
        description = {
            "Labels what clients say in Motivational Interviewing sessions as change talk (desire, ability, "
                    + "reason, need, commitment, activation, taking-steps), sustain talk or neutral, and explains why.",
            "",
            "Without a subcommand, classify is run: changetalk [classify options] [FILE|DIR|-]...",
        },
        footer = {
            "",
            "Examples:",
            "  changetalk testdata/sessions/alcohol-first-visit.txt",
            "  echo 'I really want to cut down.' | changetalk",
            "  changetalk --format jsonl --explain sessions/ > out.jsonl",
            "  changetalk rules explain \"I can't stop.\"",
            "  changetalk eval --gold testdata/gold/dev.csv",
            "  changetalk train --gold testdata/gold/dev.csv --out weights.yaml",
            "  changetalk report testdata/sessions/*.txt -o reports/   HTML session reports",
            "",
            "Exit status: 0 ok, 1 processing failed, 2 usage error or bad rule pack.",
        })
public final class Main {
    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        CommandLine cl = newCommandLine();
        // UTF-8 whatever the locale (a C locale would turn every non-ASCII character into '?'), and
        // straight onto the file descriptors so that a write error shows, with its reason (LostOutput):
        // System.out is a PrintStream that swallows write errors.
        cl.setOut(LostOutput.Writer.over(new FileOutputStream(FileDescriptor.out)));
        cl.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
        System.exit(run(cl, args));
    }

    /** The command line, with one-line error reporting; tests set its out/err writers. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        // Help wraps at the terminal's width (picocli's least is 55 columns; very wide lines read badly).
        cl.setUsageHelpWidth(Math.max(55, Math.min(120, Terminal.columns())));
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler(Main::executionError);
        return cl;
    }

    /** Runs the command, with classify as the default subcommand. */
    public static int run(CommandLine cl, String... args) {
        List<String> argv = new ArrayList<>(Arrays.asList(args));
        if (argv.isEmpty() || !(cl.getSubcommands().containsKey(argv.get(0)) || TOP_LEVEL_OPTIONS.contains(argv.get(0)))) {
            String slip = argv.isEmpty() ? null : misspeltCommand(cl, argv.get(0));
            if (slip != null) {
                cl.getErr().println("changetalk: '" + argv.get(0) + "' is neither a file nor a command (did you mean "
                        + slip + "?) (see 'changetalk --help')");
                cl.getErr().flush();
                return CliException.USAGE;
            }
            argv.add(0, "classify");
        }
        int code = cl.execute(argv.toArray(String[]::new));
        code = checkOutput(cl, code);
        cl.getErr().flush();
        return code;
    }

    /**
     * The subcommand {@code word} is a slip for ({@code rulse} for {@code rules}), or null: when it is
     * no option, no existing file and within a small edit distance of a subcommand's name. Without this
     * check a misspelt command would be taken for a missing input file of classify.
     */
    static String misspeltCommand(CommandLine cl, String word) {
        if (word.startsWith("-") || word.contains("/") || java.nio.file.Files.exists(java.nio.file.Path.of(word))) {
            return null;
        }
        return DidYouMean.closest(word, cl.getSubcommands().keySet());
    }

    /**
     * Every command's output is checked once it is done: output lost to a full disk or a closed stdout
     * turns success into exit 1 with one line; a reader that closed the pipe early ({@code | head})
     * leaves the exit status alone (see {@link LostOutput}). A command that already failed keeps its
     * status and its own message.
     */
    private static int checkOutput(CommandLine cl, int code) {
        PrintWriter out = cl.getOut();
        if (!LostOutput.failed(out) || code != 0 || LostOutput.readerGone(out)) {
            return code;
        }
        cl.getErr().println("changetalk: " + LostOutput.message(out));
        return CliException.FAILED;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String hint = "";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            // picocli's own suggestions (options and subcommands near the unknown one), kept on the one line
            hint = " (did you mean " + String.join(" or ", u.getSuggestions().subList(0, Math.min(3, u.getSuggestions().size()))) + "?)";
        } else if (e instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()) {
            // a misspelt subcommand picocli finds nothing near ('rules lsit')
            hint = DidYouMean.hint(u.getUnmatched().get(0), cmd.getSubcommands().keySet());
        }
        cmd.getErr().println("changetalk: " + oneLine(e.getMessage()) + hint + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return CliException.USAGE;
    }

    private static int executionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof CliException c && c.quiet()) {
            code = c.exitCode(); // the reader went away: nothing to say
        } else if (e instanceof CliException c) {
            err.println("changetalk: " + oneLine(c.getMessage()));
            code = c.exitCode();
        } else if (e instanceof RulePackException r) {
            err.println("changetalk: " + oneLine(r.getMessage()));
            code = CliException.USAGE;
        } else {
            err.println("changetalk: internal error: " + oneLine(String.valueOf(e)) + " (run with --debug for details)");
            code = CliException.FAILED;
        }
        if (debug(parsed)) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return code;
    }

    static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"changetalk " + (v == null ? "(development build)" : v)};
        }
    }
}
