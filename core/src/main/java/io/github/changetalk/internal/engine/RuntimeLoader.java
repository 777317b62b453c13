package io.github.changetalk.internal.engine;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.ParserLoader;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSources;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.shortcut.KeySets;
import io.github.changetalk.internal.shortcut.Trigger;
import io.github.changetalk.internal.shortcut.TriggerGate;
import io.github.changetalk.internal.startup.PatternIndex;
import io.github.changetalk.internal.startup.Startup;
import io.github.changetalk.internal.weights.DefaultWeights;
import io.github.changetalk.internal.weights.EvidenceWeights;
import io.github.changetalk.internal.weights.WeightsFile;
import io.github.changetalk.internal.weights.WeightsFileException;
import io.github.changetalk.internal.helper.WeightedBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Builds a classifier's runtime from its {@link Settings}: reads and checks the packs, compiles the rules
 * for the default targets, and loads the language models, overlapping what can overlap. How it starts
 * (when the models load, whether a pattern index saves parsing) is {@link Startup#current()}, which only
 * the command line and the benchmarks change.
 */
public final class RuntimeLoader {
    /**
     * How many counselor turns' analyses are kept for the client turn after each ({@link HandedOn}): the
     * turns coded but not yet answered across the threads at work; one missed is analysed again.
     */
    private static final int HANDED_ON = 64;

    private RuntimeLoader() {
    }

    /** @throws io.github.changetalk.RulePackException when a pack is broken */
    public static ClassifierRuntime load(Settings settings) {
        Decisions decisions = weights(settings.weights()); // a bad file fails before any model loads
        Startup startup = Startup.current();
        PatternIndex index = startup.readPatternIndex();
        String first = startup.firstInput();
        // The tagger loads on another core while the packs are read and compiled (each takes about as
        // long cold). If a pack turns out broken the load is wasted but harmless: a daemon thread, and
        // CoreNLP keeps the loaded tagger in its JVM-wide annotator pool for the next build. Except when
        // the first input is known to match no rule (no trigger words): it is answered without the tagger,
        // so the load waits until the rules are compiled instead of slowing that.
        boolean taggerAfterCompile = startup.parserOnDemand() && index != null && first != null
                && !mayHold(first, index.matchTriggers());
        CompletableFuture<StanfordCoreNLP> tagger = taggerAfterCompile ? new CompletableFuture<>()
                : Analyzer.loadTaggerInBackground();
        ParserLoader parser = null;
        if (startup.parserOnDemand()) {
            parser = Analyzer.parserLoader(startup.parserPrecompute());
            // The index's parser triggers are read before the rules are compiled (and so before the index
            // is known to fit them): a hint that moves the parser load earlier, never a label.
            if (index != null && first != null && mayHold(first, index.parserTriggers())) {
                parser.start();
            }
        }
        RuleCatalog catalog = new RuleCatalog(parse(settings.sources(), index), settings.disabled());
        Set<String> selection = selection(catalog, settings.targets());
        TargetRules targetRules = new TargetRules(catalog, index, startup.triggerGating());
        RuleSets defaultRules = targetRules.compile(selection);
        Settings.Limits limits = settings.limits();
        List<MatchingRules> all = List.of(defaultRules.client(), defaultRules.counselor().onTurn(),
                defaultRules.counselor().onClientTurn());
        Analyzer analyzer = new Analyzer(new Analyzer.Options(all.stream().anyMatch(r -> r.rules().usesDependencies()),
                limits.maxParseTokens(), startup.parserPrecompute(), limits.maxSentenceTokens(),
                startup.parserOnDemand() ? mayNeedParse(all) : null), tagger, parser);
        if (!startup.parserOnDemand()) {
            analyzer.awaitTagger(); // as documented: building loads the tagger, and fails if it cannot
        }
        Engine.Analysis analysis = new Engine.Analysis() {
            @Override
            public List<SentenceView> analyze(String text, Predicate<List<CoreLabel>> needsTags) {
                return analyzer.analyze(text, needsTags);
            }

            @Override
            public List<Supplier<SentenceView>> analyzeLazily(String text, Predicate<List<CoreLabel>> needsTags) {
                return analyzer.analyzeLazily(text, needsTags);
            }
        };
        // Reading a counselor turn in the client's voice from its end, and handing its analysis on to the client
        // turn after it, are shortcuts: off with the others (gating off).
        Engine engine = new Engine(startup.triggerGating() ? new HandedOn(analysis, HANDED_ON) : analysis,
                limits.maxCharacters(), limits.matchStepLimit(), startup.triggerGating(), settings.readsReflectedTalk());
        ClassifierRuntime runtime = new ClassifierRuntime(catalog, selection, defaultRules, targetRules, analyzer, engine,
                decisions.client(), decisions.counselor());
        if (taggerAfterCompile) {
            Analyzer.loadTaggerInBackground().whenComplete((loaded, failure) -> {
                if (failure != null) {
                    tagger.completeExceptionally(failure);
                } else {
                    tagger.complete(loaded);
                }
            });
        }
        return runtime;
    }

    /** The weighted decisions of client and counselor turns; either null: the rules decide those turns. */
    record Decisions(WeightedDecision client, WeightedBehaviour counselor) {
    }

    /**
     * The weighted decisions the settings ask for. A weights file replaces the default weights of what it
     * decides ({@code decides: client-direction} or {@code counselor-behaviour}); the other keeps its default.
     * No weights at all ({@code --weights none}) turns both off.
     */
    static Decisions weights(Settings.Weights weights) {
        EvidenceWeights model = null;
        String name = null;
        if (weights.file() != null) {
            name = weights.file().toString();
            model = WeightsFile.read(weights.file());
        } else if (weights.source() != null) {
            name = weights.source().name();
            model = WeightsFile.read(name, weights.source().text());
        } else if (!weights.defaults()) {
            return new Decisions(null, null);
        }
        if (model != null && !WeightedDecision.DECIDES.equals(model.decides())
                && !WeightedBehaviour.DECIDES.equals(model.decides())) {
            throw new WeightsFileException(name, 0, "these weights decide '" + model.decides() + "'; changetalk knows '"
                    + WeightedDecision.DECIDES + "' and '" + WeightedBehaviour.DECIDES + "'");
        }
        WeightedDecision client;
        if (model != null && model.decides().equals(WeightedDecision.DECIDES)) {
            client = new WeightedDecision(model, name);
        } else {
            client = DefaultWeights.ON ? new WeightedDecision(WeightsFile.readResource(DefaultWeights.RESOURCE),
                    DefaultWeights.RESOURCE) : null;
        }
        WeightedBehaviour counselor;
        if (model != null && model.decides().equals(WeightedBehaviour.DECIDES)) {
            counselor = new WeightedBehaviour(model, name);
        } else {
            counselor = DefaultWeights.COUNSELOR_ON ? new WeightedBehaviour(
                    WeightsFile.readResource(DefaultWeights.COUNSELOR_RESOURCE), DefaultWeights.COUNSELOR_RESOURCE) : null;
        }
        return new Decisions(client, counselor);
    }

    /** Parses each pack, or takes it from the index when the index holds it parsed from the same text. */
    private static List<PackSpec> parse(List<PackSources.Source> sources, PatternIndex index) {
        List<PackSpec> specs = new ArrayList<>();
        for (PackSources.Source s : sources) {
            PackSpec parsed = index == null ? null : index.parsedPack(s.name(), s.text());
            specs.add(parsed != null ? parsed : PackParser.parse(s.name(), s.text()));
        }
        return specs;
    }

    /** The default targets resolved to target names, with the generic target; null for every target. */
    private static Set<String> selection(RuleCatalog catalog, List<String> targets) {
        if (targets == null) {
            return null;
        }
        Set<String> selection = new TreeSet<>();
        for (String t : targets) {
            Set<String> resolved = catalog.resolveTargets(t);
            if (resolved.isEmpty()) {
                throw new IllegalArgumentException("unknown target '" + t + "' (known: "
                        + String.join(", ", catalog.targetNames()) + ")");
            }
            selection.addAll(resolved);
        }
        return ClassifierRuntime.withGeneric(catalog, selection);
    }

    /** When an on-demand parser should start loading: a sentence that could hold a dependency pattern's trigger. */
    private static Predicate<List<CoreLabel>> mayNeedParse(List<MatchingRules> ruleSets) {
        List<Trigger> triggers = new ArrayList<>();
        for (MatchingRules rules : ruleSets) {
            if (!(rules.shortcuts() instanceof TriggerGate gate)) {
                return tokens -> true; // no shortcuts: every sentence is parsed
            }
            if (gate.parserTriggers() != null) {
                triggers.addAll(gate.parserTriggers());
            }
        }
        return tokens -> Trigger.anySatisfied(triggers, KeySets.possible(tokens));
    }

    /**
     * Whether some of these triggers could hold in {@code text} once tagged, judged before any model is
     * loaded (words, and their lemmas under every tag). A wrong answer costs time only.
     */
    private static boolean mayHold(String text, List<Trigger> triggers) {
        return Trigger.anySatisfied(triggers, KeySets.possible(Analyzer.sampleTokens(text)));
    }
}
