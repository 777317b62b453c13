package io.github.changetalk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.changetalk.Classifier;
import io.github.changetalk.ExampleCheck;
import io.github.changetalk.Explanation;
import io.github.changetalk.RuleInfo;
import io.github.changetalk.RulePackException;
import io.github.changetalk.RuleVerdict;
import io.github.changetalk.TokenInfo;
import io.github.changetalk.Utterance;
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
            description = {"Write the pattern index of the loaded packs to FILE: each token pattern's trigger words and "
                    + "length, so that a later start parses a pattern only when a sentence holds its trigger words, "
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
            description = {"Write the catalogue of the loaded rules in Markdown: grouped by DARN-CAT kind and direction,",
                "each rule with its band, overrides, description, patterns as written and examples.",
                "docs/rules-catalogue.md is this output for the default packs."})
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
            description = "List the loaded rules: id, label, direction, DARN-CAT kind, band, pack.")
    static final class ListRules implements Callable<Integer> {
        @Option(names = "--triggers", description = "Add the trigger words (a sentence must hold one for the rule to be tried).")
        boolean triggers;

        @Mixin
        ClassifierOptions rules = new ClassifierOptions();

        @Mixin
        DebugOption debug = new DebugOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<List<String>> rows = new ArrayList<>();
            rows.add(new ArrayList<>(List.of("ID", "LABEL", "DIRECTION", "KIND", "BAND", "PACK")));
            if (triggers) {
                rows.get(0).add("TRIGGERS");
            }
            for (RuleInfo r : rules.build().rules()) {
                List<String> row = new ArrayList<>(List.of(r.id(), r.label().id(), r.direction().id(),
                        r.kind() == null ? "-" : r.kind().id(), r.band().id(), r.pack()));
                if (triggers) {
                    row.add(r.triggers().isEmpty() ? "(every sentence)" : String.join(" ", r.triggers()));
                }
                rows.add(row);
            }
            printTable(out, rows);
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {
                "Load the default packs with the given ones and run the given packs' examples (with no file,",
                "every loaded rule's). A given pack named like a default pack replaces it, so a default pack",
                "being edited can be checked. Each failing example is reported with the analysis of its",
                "sentence. Exit 2 when a pack is broken or an example fails."
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
                    printAnalysis(out, classifier.explain(u), false, "    ");
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
                case "text" -> printAnalysis(out, e, true, "");
                default -> throw new CliException(CliException.USAGE, "--format: expected text or json, not '" + format + "'");
            }
            return 0;
        }
    }

    private static CliException cannotWrite(Path file, IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such directory" : e.getMessage();
        return new CliException(CliException.FAILED, "cannot write " + file + ": " + why, e);
    }

    /** The analysis of an utterance: label, then per sentence its tokens, dependencies and rule verdicts. */
    static void printAnalysis(PrintWriter out, Explanation e, boolean everyRule, String indent) {
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
                boolean interesting = v.outcome() == RuleVerdict.Outcome.MATCHED || v.outcome() == RuleVerdict.Outcome.VETOED
                        || v.outcome() == RuleVerdict.Outcome.NO_CONTEXT;
                if (!everyRule && !interesting) {
                    notTried++;
                    continue;
                }
                out.println(indent + "    " + String.format("%-13s %s", v.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), v.rule())
                        + (v.detail() == null || v.detail().isBlank() ? "" : "  " + Main.oneLine(v.detail())));
            }
            if (notTried > 0) {
                out.println(indent + "    (" + notTried + " other rules did not match)");
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
