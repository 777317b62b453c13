package io.github.changetalk.cli;

import io.github.changetalk.Classifier;
import io.github.changetalk.RulePackException;
import io.github.changetalk.Turn;
import io.github.changetalk.UtteranceResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The changetalk command. */
@Command(name = "changetalk", mixinStandardHelpOptions = true, version = "changetalk 0.1.0-SNAPSHOT",
        description = "Labels change talk and sustain talk in client speech.")
public final class Main implements Callable<Integer> {
    private static final Pattern SPEAKER = Pattern.compile("^\\s*(client|c|counselor|counsellor|therapist|t|peer)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    @Parameters(arity = "0..*", description = "Files to read (default: standard input).")
    private List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Classifier classifier;
        try {
            classifier = Classifier.builder().build();
        } catch (RulePackException e) {
            spec.commandLine().getErr().println("changetalk: " + e.getMessage());
            return 2;
        }
        List<String> lines = new ArrayList<>();
        if (files.isEmpty()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        } else {
            for (Path f : files) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        List<Turn> turns = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SPEAKER.matcher(line);
            if (m.matches()) {
                String tag = m.group(1).toLowerCase();
                turns.add(tag.equals("client") || tag.equals("c") ? Turn.client(m.group(2)) : Turn.counselor(m.group(2)));
            } else {
                turns.add(Turn.client(line));
            }
        }
        for (UtteranceResult r : classifier.classifyTranscript(turns, null)) {
            out.printf("%-13s %s%n", r.labelled() ? r.label().id() : "", r.text());
        }
        out.flush();
        return 0;
    }
}
