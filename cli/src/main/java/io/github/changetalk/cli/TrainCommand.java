package io.github.changetalk.cli;

import io.github.changetalk.Behaviour;
import io.github.changetalk.RuleInfo;
import io.github.changetalk.Speaker;
import io.github.changetalk.cli.eval.GoldCodings;
import io.github.changetalk.internal.engine.WeightedDecision;
import io.github.changetalk.internal.helper.WeightedBehaviour;
import io.github.changetalk.cli.eval.Gold;
import io.github.changetalk.cli.eval.GoldReadings;
import io.github.changetalk.cli.run.Pipeline;
import io.github.changetalk.cli.run.Processed;
import io.github.changetalk.internal.weights.WeightsFile;
import io.github.changetalk.train.FitSettings;
import io.github.changetalk.train.WeightsTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code changetalk train}: fits evidence weights on coded files and writes the weights file (issue 19). */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {
            "Fits evidence weights on coded files, for use with --weights FILE.",
            "How much each rule's firing and each named context feature (the rules' own direction as a prior, the "
                    + "counselor turn before, the answer's shape, the client's previous turn) counts toward change, "
                    + "sustain and neutral: a multinomial logistic regression with an L2 penalty chosen by "
                    + "cross-validation grouped by session (Smile). The file lists one line per rule and feature with "
                    + "its count in the data, and a provenance header; no text from the data. Score it fairly with "
                    + "eval --folds COLUMN --weights fit.",
        },
        footer = {
            "",
            "Examples:",
            "  changetalk train --gold testdata/gold/dev.csv --out weights.yaml",
            "  changetalk train --gold study.csv testdata/gold/dev.csv --out rules/weights/client-direction.yaml \\",
            "      --provenance commit=$(git rev-parse --short HEAD)",
        })
final class TrainCommand implements Callable<Integer> {
    @Mixin
    GoldOptions golds = new GoldOptions();

    @Option(names = "--fold-column", paramLabel = "NAME", defaultValue = "fold",
            description = "A column naming folds, counted in the provenance (default: ${DEFAULT-VALUE}).")
    String foldColumn;

    @Option(names = "--decides", paramLabel = "MODEL", defaultValue = WeightedDecision.DECIDES,
            description = {"What the weights decide: ${DEFAULT-VALUE} (each client turn's direction, gold in --gold-column) "
                    + "or " + WeightedBehaviour.DECIDES + " (each counselor turn's group, question, reflection, input or "
                    + "other, gold in column " + HelperEval.BEHAVIOUR + "; one example per counselor sentence, the turn "
                    + "decided by the word-weighted sum of its sentences' log-probabilities)."})
    String decides;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "Where to write the weights (replaced in one step).")
    Path out;

    @Option(names = "--lambda", paramLabel = "L", split = ",",
            description = "L2 penalties to choose among (default: 1,3,10,30,100); one value: no cross-validation.")
    List<Double> lambdas = new ArrayList<>();

    @Option(names = "--cv-folds", paramLabel = "K", defaultValue = "5",
            description = "Cross-validation folds, by session, that choose the penalty (default: ${DEFAULT-VALUE}).")
    int cvFolds;

    @Option(names = "--provenance", paramLabel = "KEY=VALUE",
            description = "Adds a line to the file's provenance, e.g. commit=0123abc. Repeatable.")
    Map<String, String> extra = new LinkedHashMap<>();

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
        PrintWriter err = spec.commandLine().getErr();
        FitSettings settings = settings(lambdas, cvFolds);
        if (decides.strip().equals(WeightedBehaviour.DECIDES)) {
            return counselor(err, lambdas.isEmpty() ? settings(COUNSELOR_LAMBDAS, cvFolds) : settings);
        }
        if (!decides.strip().equals(WeightedDecision.DECIDES)) {
            throw new CliException(CliException.USAGE, "--decides: expected " + WeightedDecision.DECIDES + " or "
                    + WeightedBehaviour.DECIDES + ", not '" + decides + "'");
        }
        GoldReadings readings = new GoldReadings();
        List<String> ruleIds = new ArrayList<>();
        Map<String, Map<String, Integer>> perFile = new LinkedHashMap<>();
        CliException[] bad = {null};
        Pipeline.Outcome outcome = Runner.run(golds.files, input, rules, debug.debug, spec.commandLine().getOut(), err,
                c -> c.rules().stream().map(RuleInfo::id).forEach(ruleIds::add), p -> {
                    if (bad[0] != null || p.isError()) {
                        return;
                    }
                    String g = Gold.value(p.input(), golds.column);
                    if (g != null && !Gold.valid(g)) {
                        bad[0] = Gold.invalid(p.input(), g, golds.column);
                        return;
                    }
                    String fold = Gold.value(p.input(), foldColumn);
                    readings.add(p, g, fold);
                    if (g != null && p.reading() != null && p.reading().decidable()) {
                        count(perFile, p, fold);
                    }
                }, true);
        rethrow(outcome, bad[0]);
        List<GoldReadings.Turn> turns = readings.turns();
        if (turns.isEmpty()) {
            throw new CliException(CliException.FAILED, "no client turn with a gold label in column '" + golds.column
                    + "' to fit on (choose it with --gold-column)");
        }
        Map<String, List<String>> provenance = provenance(perFile, ruleIds, "coded client turns");
        return fitAndWrite(err, () -> GoldReadings.fit(turns, ruleIds, settings, provenance), HEADER, turns.size(),
                "coded client turns");
    }

    /** Fits counselor-behaviour weights on the counselor turns with a gold group (column {@value HelperEval#BEHAVIOUR}). */
    private int counselor(PrintWriter err, FitSettings settings) {
        GoldCodings codings = new GoldCodings();
        List<String> ruleIds = new ArrayList<>();
        List<String> counselorRules = new ArrayList<>();
        Map<String, Map<String, Integer>> perFile = new LinkedHashMap<>();
        CliException[] bad = {null};
        Pipeline.Outcome outcome = Runner.run(golds.files, input, rules, debug.debug, spec.commandLine().getOut(), err,
                c -> c.rules().forEach(r -> {
                    ruleIds.add(r.id());
                    if (r.speaker() == Speaker.COUNSELOR) {
                        counselorRules.add(r.id());
                    }
                }), p -> {
                    if (bad[0] != null || p.isError()) {
                        return;
                    }
                    try {
                        HelperEval.check(p);
                    } catch (CliException e) {
                        bad[0] = e;
                        return;
                    }
                    String g = HelperEval.gold(p, HelperEval.BEHAVIOUR);
                    String fold = Gold.value(p.input(), foldColumn);
                    codings.add(p, g == null ? null : Behaviour.fromId(g), fold);
                    if (g != null && p.reading() != null && p.reading().rules().coding() != null) {
                        count(perFile, p, fold);
                    }
                }, true);
        rethrow(outcome, bad[0]);
        List<GoldCodings.Turn> turns = codings.turns();
        if (turns.isEmpty()) {
            throw new CliException(CliException.FAILED, "no counselor turn coded by the rules with a gold group in column '"
                    + HelperEval.BEHAVIOUR + "' to fit on (are counselor packs loaded?)");
        }
        Map<String, List<String>> provenance = provenance(perFile, ruleIds, "coded counselor turns");
        return fitAndWrite(err, () -> GoldCodings.fit(turns, counselorRules, settings, provenance), COUNSELOR_HEADER,
                turns.size(), "coded counselor turns");
    }

    /** Counts a turn fitted on, by file and fold, for the provenance's corpora line. */
    private static void count(Map<String, Map<String, Integer>> perFile, Processed p, String fold) {
        perFile.computeIfAbsent(p.input().source(), k -> new TreeMap<>()).merge(fold == null ? "" : fold, 1, Integer::sum);
    }

    /** Stops with the run's failure, else with the first bad record (null: none). */
    private static void rethrow(Pipeline.Outcome outcome, CliException bad) {
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        if (bad != null) {
            throw bad;
        }
    }

    /** Fits the weights, writes them with {@code header} to --out, and says so on {@code err}. */
    private int fitAndWrite(PrintWriter err, Supplier<WeightsTrainer.Fit> fitting, List<String> header, int turns,
                            String what) {
        WeightsTrainer.Fit fit;
        try {
            fit = fitting.get();
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.FAILED, "cannot fit weights: " + e.getMessage());
        }
        write(out, WeightsFile.write(fit.weights(), header, fit.featureCounts()));
        err.println("changetalk: wrote " + out + ": " + fit.weights().features().size() + " features fitted on "
                + turns + " " + what + ", lambda " + fit.lambda());
        return 0;
    }

    /** The provenance every weights file starts with: the corpora, the date, the packs, and --provenance lines. */
    private Map<String, List<String>> provenance(Map<String, Map<String, Integer>> perFile, List<String> ruleIds,
                                                 String what) {
        Map<String, List<String>> provenance = new LinkedHashMap<>();
        provenance.put("corpora", corpora(perFile, what));
        provenance.put("date", List.of(LocalDate.now(ZoneOffset.UTC).toString()));
        provenance.put("changetalk", List.of(new Main.Version().getVersion()[0] + ", " + ruleIds.size() + " rules loaded"
                + (rules.onlyRules.isEmpty() && rules.rules.isEmpty() ? " (default packs)" : " (packs given)")
                + (rules.disable.isEmpty() ? "" : ", disabled " + String.join(" ", rules.disable))));
        extra.forEach((k, v) -> provenance.put(k, List.of(v)));
        return provenance;
    }

    /**
     * The penalties the counselor weights choose among by default: those of the client weights and a weaker one,
     * as counselor turns have several sentences each and dense features (the turn's code, its word shares).
     */
    static final List<Double> COUNSELOR_LAMBDAS = List.of(0.3, 1.0, 3.0, 10.0, 30.0, 100.0);

    /** The counselor weights file's opening comment. */
    static final List<String> COUNSELOR_HEADER = List.of(
            "changetalk evidence weights for counselor turns: how much each counselor rule that fired on a sentence,",
            "and each named feature of the sentence and its context, counts toward each group (question, reflection,",
            "input, other). A sentence's probabilities are the softmax of bias + the weights present; the turn's group",
            "is the highest sum over its sentences of words x log-probability. Written by changetalk train --decides",
            "counselor-behaviour. Features: docs/rule-language.md, Counselor weights. Counts (n=) are counselor",
            "sentences of the training data with the feature; no text from the data is here.");

    /** The weights file's opening comment. */
    static final List<String> HEADER = List.of(
            "changetalk evidence weights: how much each rule that fired, and each named context feature, counts",
            "toward each direction of a client turn (bias + the sum of the weights present; the highest wins).",
            "Written by changetalk train; use with --weights FILE. Features: docs/rule-language.md, Precedence.",
            "Counts (n=) are client turns of the training data with the feature; no text from the data is here.");

    static FitSettings settings(List<Double> lambdas, int cvFolds) {
        if (cvFolds < 2) {
            throw new CliException(CliException.USAGE, "--cv-folds must be at least 2, was " + cvFolds);
        }
        FitSettings d = FitSettings.DEFAULTS;
        try {
            return new FitSettings(lambdas.isEmpty() ? d.lambdas() : lambdas, cvFolds, d.tolerance(), d.maxIterations());
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "--lambda: " + e.getMessage());
        }
    }

    private static List<String> corpora(Map<String, Map<String, Integer>> perFile, String what) {
        List<String> out = new ArrayList<>();
        perFile.forEach((file, folds) -> {
            int n = folds.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder b = new StringBuilder(file).append(": ").append(n).append(' ').append(what);
            if (!(folds.size() == 1 && folds.containsKey(""))) {
                b.append(", folds");
                folds.forEach((f, c) -> b.append(' ').append(f.isEmpty() ? "(none)" : f).append(" (").append(c).append(')'));
            }
            out.add(b.toString());
        });
        return out;
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(parent, ".weights", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
