package io.github.changetalk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.Classifier;
import io.github.changetalk.ExampleCheck;
import io.github.changetalk.Explanation;
import io.github.changetalk.RuleInfo;
import io.github.changetalk.RulePackException;
import io.github.changetalk.RuleVerdict;
import io.github.changetalk.TokenInfo;
import io.github.changetalk.Utterance;
import io.github.changetalk.cli.out.CsvRows;
import io.github.changetalk.internal.pack.PackSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code changetalk rules}: list, check and explain rules, for people writing and debugging packs. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "List, check and explain rules, and measure them on coded data.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Check.class, RulesCommand.Explain.class,
            RulesCommand.Doc.class, RulesCommand.Index.class, RuleStatsCommand.class},
        footer = {
            "",
            "Examples:",
            "  changetalk rules list --triggers",
            "  changetalk rules doc --output docs/rules-catalogue.md",
            "  changetalk rules check my-pack.yaml",
            "  changetalk rules explain \"I can't stop.\"",
            "  changetalk rules explain --context \"Do you want to quit?\" \"Yes, definitely.\"",
            "  changetalk rules stats --gold testdata/gold/dev.csv --sort precision",
        })
public final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliException.USAGE;
    }

    @Command(name = "index", mixinStandardHelpOptions = true,
            description = {"Write the pattern index of the loaded packs to FILE.",
                "It holds each token pattern's trigger words and length, so that a later start parses a pattern only when a sentence holds its trigger words, "
                    + "and the packs as parsed, used for a pack whose text is unchanged instead of parsing its YAML. "
                    + "The ./changetalk launcher writes one after each build; labels are the same with or without it."})
    static final class Index implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Where to write the index (replaced in one step).")
        Path file;

        @Mixin
        ClassifierOptions rules = new ClassifierOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                rules.writePatternIndex(file);
            } catch (RulePackException | IllegalArgumentException | IllegalStateException e) {
                throw new CliException(CliException.USAGE, e.getMessage(), e);
            } catch (IOException e) {
                throw cannotWrite(file, e);
            }
            return 0;
        }
    }

    @Command(name = "doc", mixinStandardHelpOptions = true,
            description = {"Write the catalogue of the loaded rules in Markdown.",
                "Rules are grouped by DARN-CAT kind and direction, each with its band, overrides, description, "
                        + "patterns as written and examples. docs/rules-catalogue.md is this output for the default packs."})
    static final class Doc implements Callable<Integer> {
        /** How docs/rules-catalogue.md is regenerated; the catalogue says so, and its staleness test too. */
        static final String REGENERATE = "./changetalk rules doc --output docs/rules-catalogue.md";

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @Mixin
        ClassifierOptions rules = new ClassifierOptions();

        @Mixin
        DebugOption debug = new DebugOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String markdown = RuleCatalogue.markdown(rules.build().rules(), REGENERATE);
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(markdown);
                out.flush();
                return 0;
            }
            try {
                Files.writeString(output, markdown, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw cannotWrite(output, e);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the loaded rules: id, label, direction, DARN-CAT kind, priority, band, pack and description.")
    static final class ListRules implements Callable<Integer> {
        @Option(names = "--triggers", description = "Add the trigger words (a sentence must hold one for the rule to be tried).")
        boolean triggers;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "text (an aligned table), tsv, csv or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Mixin
        ClassifierOptions rules = new ClassifierOptions();

        @Mixin
        DebugOption debug = new DebugOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            String fmt = format.strip().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("text", "tsv", "csv", "json").contains(fmt)) {
                throw new CliException(CliException.USAGE, "--format: expected text, tsv, csv or json, not '" + format + "'");
            }
            PrintWriter out = spec.commandLine().getOut();
            List<String> header = new ArrayList<>(List.of("id", "label", "direction", "kind", "priority", "band", "pack", "description"));
            if (triggers) {
                header.add(header.size() - 1, "triggers");
            }
            List<RuleInfo> infos = rules.build().rules();
            List<List<String>> rows = new ArrayList<>();
            for (RuleInfo r : infos) {
                List<String> row = new ArrayList<>(List.of(r.id(), r.label().id(), r.direction().id(),
                        r.kind() == null ? "-" : r.kind().id(), Integer.toString(r.priority()), r.band().id(), r.pack(),
                        r.description() == null ? "" : Main.oneLine(r.description())));
                if (triggers) {
                    row.add(row.size() - 1, r.triggers().isEmpty() ? "(every sentence)" : String.join(" ", r.triggers()));
                }
                rows.add(row);
            }
            switch (fmt) {
                case "json" -> {
                    ObjectMapper m = new ObjectMapper();
                    ArrayNode a = m.createArrayNode();
                    for (RuleInfo r : infos) {
                        ObjectNode o = a.addObject();
                        o.put("id", r.id()).put("label", r.label().id()).put("direction", r.direction().id())
                                .put("kind", r.kind() == null ? null : r.kind().id()).put("priority", r.priority())
                                .put("band", r.band().id()).put("pack", r.pack());
                        if (triggers) {
                            r.triggers().forEach(o.putArray("triggers")::add);
                        }
                        o.put("description", r.description());
                    }
                    out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(a));
                }
                case "csv", "tsv" -> {
                    CsvRows csv = new CsvRows(out, fmt.equals("tsv"));
                    csv.row(header);
                    rows.forEach(csv::row);
                }
                default -> {
                    rows.add(0, header.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toList());
                    printTable(out, rows);
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {
                "Run the examples of the given rule packs (with no file, of every loaded rule).",
                "The given packs are loaded with the default packs; one named like a default pack replaces it, so "
                        + "a default pack being edited can be checked. Each failing example is reported with the "
                        + "analysis of its sentence. Exit 2 when a pack is broken or an example fails."
            })
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Rule packs (YAML) to check.")
        List<Path> files = new ArrayList<>();

        @Mixin
        DebugOption debug = new DebugOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Classifier classifier = load(files);
            Set<String> sources = files.stream().map(Path::toString).collect(Collectors.toSet());
            int examples = 0;
            int failed = 0;
            List<String> failedRules = new ArrayList<>();
            for (RuleInfo r : classifier.rules()) {
                if (!files.isEmpty() && !sources.contains(r.source())) {
                    continue;
                }
                for (ExampleCheck c : classifier.checkExamples(r.id())) {
                    examples++;
                    if (c.passed()) {
                        continue;
                    }
                    failed++;
                    failedRules.add(r.id());
                    out.println(c.source() + ":" + c.line() + ": rule " + c.rule() + ": "
                            + (c.expectMatch() ? "match" : "nomatch") + " example \"" + c.text() + "\""
                            + (c.context() == null ? "" : " (after \"" + c.context() + "\")") + ": " + c.problem());
                    Utterance u = c.context() == null ? Utterance.of(c.text()) : Utterance.answering(c.context(), c.text());
                    printAnalysis(out, classifier.explain(u), Shown.TELLING, "    ");
                }
            }
            out.flush();
            if (failed > 0) {
                throw new CliException(CliException.USAGE, failed + " of " + examples + " examples failed (rules: "
                        + failedRules.stream().distinct().collect(Collectors.joining(", ")) + ")");
            }
            out.println(examples + " examples passed" + (files.isEmpty() ? "" : " in " + String.join(", ", sources)));
            return 0;
        }

        private static final Pattern PACK_NAME = Pattern.compile("(?m)^pack:\\s*['\"]?([^'\"\\s#]+)");
        private static final String DEFAULT_ROOT = "io/github/changetalk/rules/";

        /** The default packs, less any a given file redefines (same pack name), plus the given files. */
        static Classifier load(List<Path> files) {
            try {
                // Each file is read once (it may be a pipe), and no further than the pack size limit.
                List<PackSources.Source> packs = new ArrayList<>();
                Set<String> given = new HashSet<>();
                for (Path f : files) {
                    PackSources.Source pack = PackSources.file(f);
                    packs.add(pack);
                    Matcher m = PACK_NAME.matcher(pack.text());
                    if (m.find()) {
                        given.add(m.group(1));
                    }
                }
                Classifier.Builder b = Classifier.builder().noDefaultRules();
                for (String entry : defaultPackEntries()) {
                    String text = resource(DEFAULT_ROOT + entry);
                    Matcher m = PACK_NAME.matcher(text);
                    if (!(m.find() && given.contains(m.group(1)))) {
                        b.addRules("rules/" + entry, text);
                    }
                }
                packs.forEach(p -> b.addRules(p.name(), p.text()));
                return b.build();
            } catch (RulePackException | IllegalArgumentException | IllegalStateException e) {
                throw new CliException(CliException.USAGE, e.getMessage(), e);
            }
        }

        private static List<String> defaultPackEntries() {
            List<String> out = new ArrayList<>();
            for (String line : resource(DEFAULT_ROOT + "index.txt").split("\\R")) {
                String e = line.strip();
                if (!e.isEmpty() && !e.startsWith("#")) {
                    out.add(e);
                }
            }
            return out;
        }

        private static String resource(String name) {
            try (InputStream in = RulesCommand.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new CliException(CliException.FAILED, "default rule pack missing from the classpath: " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(CliException.FAILED, "cannot read default rule pack " + name + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Show how a sentence is analysed (tokens, lemmas, tags, dependency graph) and, for every rule, whether and why it matched.")
    static final class Explain implements Callable<Integer> {
        @Parameters(paramLabel = "TEXT", arity = "1", description = "The utterance to explain.")
        String text;

        @Option(names = "--context", paramLabel = "TEXT", description = "The counselor turn just before (for short answers).")
        String context;

        @Option(names = "--target", paramLabel = "NAME", description = "Target behaviour, e.g. alcohol (default: all).")
        String target;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--matched", description = "Show only the rules that fired or were vetoed, not every rule's verdict.")
        boolean matched;

        @Mixin
        ClassifierOptions rules = new ClassifierOptions();

        @Mixin
        DebugOption debug = new DebugOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            Utterance u = (context == null ? Utterance.of(text) : Utterance.answering(context, text)).withTarget(target);
            Explanation e = rules.build().explain(u);
            switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "json" -> out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(e));
                case "text" -> printAnalysis(out, e, matched ? Shown.FIRED : Shown.EVERY, "");
                default -> throw new CliException(CliException.USAGE, "--format: expected text or json, not '" + format + "'");
            }
            return 0;
        }
    }

    private static CliException cannotWrite(Path file, IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such directory" : e.getMessage();
        return new CliException(CliException.FAILED, "cannot write " + file + ": " + why, e);
    }

    /** Which rules' verdicts an analysis shows. */
    enum Shown {
        /** Every rule's, tried or not. */
        EVERY,
        /** Those that fired, were vetoed, or matched without their context. */
        TELLING,
        /** Those that fired or were vetoed ({@code rules explain --matched}). */
        FIRED;

        boolean shows(RuleVerdict.Outcome o) {
            return switch (this) {
                case EVERY -> true;
                case TELLING -> o == RuleVerdict.Outcome.MATCHED || o == RuleVerdict.Outcome.VETOED || o == RuleVerdict.Outcome.NO_CONTEXT;
                case FIRED -> o == RuleVerdict.Outcome.MATCHED || o == RuleVerdict.Outcome.VETOED;
            };
        }
    }

    /** The analysis of an utterance: label, then per sentence its tokens, dependencies and the verdicts of the rules {@code shown}. */
    static void printAnalysis(PrintWriter out, Explanation e, Shown shown, String indent) {
        var r = e.result();
        out.println(indent + "label: " + (r.label() == null ? "(not labelled)" : r.label().id()
                + (r.direction() == null ? "" : " (" + r.direction().id() + (r.kind() == null ? "" : ", " + r.kind().id()) + ")")));
        int i = 0;
        for (Explanation.Sentence s : e.sentences()) {
            var sr = i < r.sentences().size() ? r.sentences().get(i) : null;
            i++;
            out.println(indent + "sentence " + i + ": \"" + s.text() + "\"" + (sr == null ? ""
                    : " -> " + sr.label().id() + (sr.decidedBy() == null ? " (no rule fired)" : " by " + sr.decidedBy())));
            out.println(indent + "  tokens: " + s.tokens().stream()
                    .map((TokenInfo t) -> t.index() + ":" + t.word() + "/" + t.lemma() + "/" + t.tag())
                    .collect(Collectors.joining(" ")));
            if (s.dependencies() != null && !s.dependencies().isBlank()) {
                out.println(indent + "  dependencies:");
                for (String dep : s.dependencies().split("\\R")) {
                    if (!dep.isBlank()) {
                        out.println(indent + "    " + dep.strip());
                    }
                }
            } else {
                out.println(indent + "  dependencies: (not parsed)");
            }
            out.println(indent + "  rules:");
            int notTried = 0;
            for (RuleVerdict v : s.rules()) {
                if (!shown.shows(v.outcome())) {
                    notTried++;
                    continue;
                }
                out.println(indent + "    " + String.format("%-13s %s", v.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), v.rule())
                        + (v.detail() == null || v.detail().isBlank() ? "" : "  " + Main.oneLine(v.detail())));
            }
            if (notTried > 0) {
                out.println(indent + "    (" + notTried + " other rules did not fire)");
            }
        }
    }

    static void printTable(PrintWriter out, List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                b.append(r.get(i));
                if (i < r.size() - 1) {
                    b.append(" ".repeat(width[i] - r.get(i).length() + 2));
                }
            }
            out.println(b);
        }
    }
}
