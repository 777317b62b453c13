package io.github.changetalk.internal.engine;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.ParserLoader;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSources;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.shortcut.KeySets;
import io.github.changetalk.internal.shortcut.Trigger;
import io.github.changetalk.internal.shortcut.TriggerGate;
import io.github.changetalk.internal.startup.PatternIndex;
import io.github.changetalk.internal.startup.Startup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Builds a classifier's runtime from its {@link Settings}: reads and checks the packs, compiles the rules
 * for the default targets, and loads the language models, overlapping what can overlap. How it starts
 * (when the models load, whether a pattern index saves parsing) is {@link Startup#current()}, which only
 * the command line and the benchmarks change.
 */
public final class RuntimeLoader {
    private RuntimeLoader() {
    }

    /** @throws io.github.changetalk.RulePackException when a pack is broken */
    public static ClassifierRuntime load(Settings settings) {
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
        MatchingRules defaultRules = targetRules.compile(selection);
        Settings.Limits limits = settings.limits();
        Analyzer analyzer = new Analyzer(new Analyzer.Options(defaultRules.rules().usesDependencies(), limits.maxParseTokens(),
                startup.parserPrecompute(), limits.maxSentenceTokens(), startup.parserOnDemand() ? mayNeedParse(defaultRules) : null),
                tagger, parser);
        if (!startup.parserOnDemand()) {
            analyzer.awaitTagger(); // as documented: building loads the tagger, and fails if it cannot
        }
        Engine engine = new Engine(analyzer::analyze, limits.maxCharacters(), limits.matchStepLimit());
        ClassifierRuntime runtime = new ClassifierRuntime(catalog, selection, defaultRules, targetRules, analyzer, engine);
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
    private static Predicate<List<CoreLabel>> mayNeedParse(MatchingRules rules) {
        if (rules.shortcuts() instanceof TriggerGate gate) {
            List<Trigger> triggers = gate.parserTriggers();
            return tokens -> Trigger.anySatisfied(triggers, KeySets.possible(tokens));
        }
        return tokens -> true; // no shortcuts: every sentence is parsed
    }

    /**
     * Whether some of these triggers could hold in {@code text} once tagged, judged before any model is
     * loaded (words, and their lemmas under every tag). A wrong answer costs time only.
     */
    private static boolean mayHold(String text, List<Trigger> triggers) {
        return Trigger.anySatisfied(triggers, KeySets.possible(Analyzer.sampleTokens(text)));
    }
}
