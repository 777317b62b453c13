package io.github.changetalk;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.github.changetalk.internal.engine.Engine;
import io.github.changetalk.internal.engine.ExampleRunner;
import io.github.changetalk.internal.pack.PackSources;
import io.github.changetalk.internal.match.RuleMatcher;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.ParserLoader;
import io.github.changetalk.internal.pack.ExampleSpec;
import io.github.changetalk.internal.startup.PackCodec;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.pack.PatternSpec;
import io.github.changetalk.internal.pack.RuleSpec;
import io.github.changetalk.internal.shortcut.KeySets;
import io.github.changetalk.internal.shortcut.Trigger;
import io.github.changetalk.internal.compile.CompiledRule;
import io.github.changetalk.internal.startup.PatternIndex;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.compile.RuleCompiler;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.compile.KnownPatterns;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.shortcut.PatternHints;
import io.github.changetalk.internal.shortcut.TriggerGate;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.function.Predicate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Labels client speech as change talk (by DARN-CAT kind), sustain talk or neutral, with the rules
 * and words behind every label.
 *
 * <pre>{@code
 * Classifier classifier = Classifier.builder().build();      // default rule packs, all targets
 * UtteranceResult r = classifier.classify("I really want to cut down.");
 * r.label();      // DESIRE
 * r.direction();  // CHANGE
 * }</pre>
 *
 * <p><b>Concurrency.</b> A {@code Classifier} is immutable once built and safe for concurrent use by
 * any number of threads; build one and share it. It holds one CoreNLP pipeline (about 350 MB with the
 * dependency parser) that all threads use, each call with its own annotation and matchers. Rule sets
 * for other targets are compiled on first use and cached. A call made on an interrupted thread stops
 * between rules and throws {@link java.util.concurrent.CancellationException}.
 *
 * <p><b>Cost.</b> Building loads the tagger (under a second) and, if any rule uses a dependency
 * pattern, starts loading the parser in the background. A sentence is parsed only when a dependency
 * rule's trigger words are in it, and rules are tried only on sentences that hold their trigger words.
 *
 * <p><b>Resolution.</b> Within a sentence the highest-priority match decides, then the longest, then
 * the one ending last; across an utterance, the last non-neutral sentence decides. Counselor turns
 * are not labelled. See {@code docs/rule-language.md} for both policies in full.
 */
public final class Classifier {
    private final RuleCatalog catalog;
    private final Set<String> defaultTargets; // null = every target
    private final MatchingRules defaultRules;
    private final ConcurrentHashMap<Set<String>, MatchingRules> byTargets = new ConcurrentHashMap<>();
    private final Analyzer analyzer;
    private final Engine engine;
    private final boolean gating;
    private final PatternIndex patternIndex; // null: parse every pattern at compile time

    private Classifier(Builder b, RuleCatalog catalog, Set<String> defaultTargets,
                       CompletableFuture<StanfordCoreNLP> tagger, ParserLoader parser) {
        this.catalog = catalog;
        this.defaultTargets = defaultTargets;
        this.gating = b.gating;
        this.patternIndex = b.patternIndex;
        this.defaultRules = compile(defaultTargets);
        Predicate<List<CoreLabel>> mayNeedParse = defaultRules.shortcuts() instanceof TriggerGate gate
                ? tokens -> Trigger.anySatisfied(gate.parserTriggers(), KeySets.possible(tokens)) : tokens -> true;
        this.analyzer = new Analyzer(new Analyzer.Options(defaultRules.rules().usesDependencies(), b.maxParseTokens,
                b.parserPrecompute, b.maxSentenceTokens, b.parserOnDemand ? mayNeedParse : null),
                tagger, parser);
        if (!b.parserOnDemand) {
            analyzer.awaitTagger(); // as documented: building loads the tagger, and fails if it cannot
        }
        this.engine = new Engine(analyzer::analyze, b.maxCharacters, b.matchStepLimit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Classifies one client utterance with no context, against the default targets. */
    public UtteranceResult classify(String text) {
        return classify(Utterance.of(Objects.requireNonNull(text, "text")));
    }

    /** Classifies one utterance; counselor utterances come back unlabelled. */
    public UtteranceResult classify(Utterance utterance) {
        Objects.requireNonNull(utterance, "utterance");
        return engine.classify(rulesFor(utterance.target()), utterance, false).result();
    }

    /** Classifies utterances one after another, in order. For parallel batches, call {@link #classify(Utterance)} from your own threads. */
    public List<UtteranceResult> classifyAll(List<Utterance> utterances) {
        List<UtteranceResult> out = new ArrayList<>(utterances.size());
        for (Utterance u : utterances) {
            out.add(classify(u));
        }
        return out;
    }

    /**
     * Classifies a conversation: one result per turn, in order. Client turns are labelled with the turns
     * before them as context, as {@link ContextWindow} defines it (so a short "Yes, definitely." answers
     * the counselor's question); counselor turns are returned unlabelled. {@code target} may be null.
     */
    public List<UtteranceResult> classifyTranscript(List<Turn> turns, String target) {
        List<UtteranceResult> out = new ArrayList<>(turns.size());
        ContextWindow window = new ContextWindow();
        for (Turn t : turns) {
            out.add(classify(window.next(t, target)));
        }
        return out;
    }

    /** What the classifier saw and what every rule did, sentence by sentence (parses every sentence). */
    public Explanation explain(Utterance utterance) {
        Engine.Outcome o = engine.classify(rulesFor(utterance.target()), utterance, true);
        return new Explanation(o.result(), o.explained());
    }

    public Explanation explain(String text) {
        return explain(Utterance.of(text));
    }

    /** Runs every example of every enabled rule, against all targets. */
    public List<ExampleCheck> checkExamples() {
        List<ExampleCheck> out = new ArrayList<>();
        for (RuleSpec rule : catalog.rules()) {
            out.addAll(checkExamples(rule.id()));
        }
        return out;
    }

    /** Runs the examples of one rule. */
    public List<ExampleCheck> checkExamples(String ruleId) {
        RuleSpec rule = catalog.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no enabled rule " + ruleId));
        MatchingRules all = rulesForSelection(null);
        List<ExampleCheck> out = new ArrayList<>();
        for (ExampleSpec example : rule.examples()) {
            out.add(ExampleRunner.check(rule, example, u -> engine.classify(all, u, false).result()));
        }
        return out;
    }

    /** The enabled rules, in load order. */
    public List<RuleInfo> rules() {
        List<RuleInfo> out = new ArrayList<>();
        List<CompiledRule> compiled = defaultRules.rules().rules();
        for (int i = 0; i < compiled.size(); i++) {
            CompiledRule r = compiled.get(i);
            RuleSpec s = r.spec();
            out.add(new RuleInfo(s.id(), s.label(), s.direction(), s.kind(), s.priority(), s.pack(), s.source(),
                    s.line(), s.description(), texts(s.patterns()), texts(s.unless()), texts(s.context()),
                    defaultRules.shortcuts().triggerWords(i), r.usesDependencies()));
        }
        return out;
    }

    /** The target behaviours the loaded packs define, e.g. alcohol, smoking, generic. */
    public List<String> targets() {
        return catalog.targetNames();
    }

    /** The target a topic or target name resolves to (e.g. "reducing alcohol consumption" to alcohol), or null. */
    public String resolveTarget(String topic) {
        return catalog.resolveTarget(topic);
    }

    /** Whether any loaded rule uses a dependency pattern (and so the parser is loaded). */
    public boolean usesDependencyParser() {
        return analyzer.hasParser();
    }

    private static List<String> texts(List<PatternSpec> patterns) {
        return patterns.stream().map(p -> (p.type().name().toLowerCase(Locale.ROOT)) + ": " + p.text()).toList();
    }

    private MatchingRules rulesFor(String target) {
        if (target == null) {
            return defaultRules;
        }
        String resolved = catalog.resolveTarget(target);
        if (resolved == null) {
            return defaultRules;
        }
        Set<String> selection = new TreeSet<>();
        selection.add(resolved);
        if (catalog.targetNames().contains(Builder.GENERIC)) {
            selection.add(Builder.GENERIC);
        }
        return rulesForSelection(selection);
    }

    private MatchingRules rulesForSelection(Set<String> selection) {
        if (Objects.equals(selection, defaultTargets)) {
            return defaultRules;
        }
        Set<String> key = selection == null ? Set.of("*") : Set.copyOf(selection);
        return byTargets.computeIfAbsent(key, k -> compile(selection));
    }

    private MatchingRules compile(Set<String> selection) {
        RuleSet rules = RuleCompiler.compile(catalog, selection, Analyzer::tokenizeEntry,
                patternIndex == null ? KnownPatterns.NONE : patternIndex);
        return gating ? new MatchingRules(rules, TriggerGate.of(rules, patternIndex == null ? PatternHints.NONE : patternIndex))
                : MatchingRules.plain(rules);
    }

    /**
     * Builds a {@link Classifier}. Not thread-safe; each setter checks its argument at once, and
     * {@link #build()} loads and checks every pack, failing with a {@link RulePackException} that names
     * file, line and rule.
     */
    public static final class Builder {
        static final String GENERIC = "generic";

        private boolean defaults = true;
        private final List<PackSources.Source> packs = new ArrayList<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private List<String> targets;
        private int maxParseTokens = 150;
        private int maxCharacters = 100_000;
        private int parserPrecompute = -1;
        private boolean gating = true;
        private boolean parserOnDemand;
        private int maxSentenceTokens = Analyzer.DEFAULT_MAX_SENTENCE_TOKENS;
        private long matchStepLimit = RuleMatcher.DEFAULT_STEP_LIMIT;
        private PatternIndex patternIndex;
        private String firstInput;

        private Builder() {
        }

        /** Leaves out the default packs (the changetalk-rules jar): only packs you add are loaded. */
        public Builder noDefaultRules() {
            defaults = false;
            return this;
        }

        /** Adds a pack file. */
        public Builder addRules(Path file) {
            packs.add(PackSources.file(Objects.requireNonNull(file, "file")));
            return this;
        }

        /** Adds a pack from the classpath, e.g. {@code com/example/my-rules.yaml}. */
        public Builder addRulesFromClasspath(String resource) {
            packs.add(PackSources.classpath(Objects.requireNonNull(resource, "resource")));
            return this;
        }

        /** Adds a pack given as YAML text; {@code name} identifies it in error messages. */
        public Builder addRules(String name, String yaml) {
            packs.add(new PackSources.Source(Objects.requireNonNull(name, "name"), Objects.requireNonNull(yaml, "yaml")));
            return this;
        }

        /** Turns rules off by id. An id no pack defines fails {@link #build()}. */
        public Builder disable(Collection<String> ruleIds) {
            for (String id : ruleIds) {
                if (id == null || !PackParser.RULE_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("not a rule id: '" + id + "' (ids are UPPER_SNAKE_CASE)");
                }
                disabled.add(id);
            }
            return this;
        }

        public Builder disable(String... ruleIds) {
            return disable(Arrays.asList(ruleIds));
        }

        /**
         * The target behaviours whose lexicons are active by default (the generic target always is).
         * Without this call, every target is active. Per utterance, {@link Utterance#target()} overrides it.
         */
        public Builder targets(Collection<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("targets: give at least one target name");
            }
            targets = List.copyOf(names);
            return this;
        }

        public Builder targets(String... names) {
            return targets(Arrays.asList(names));
        }

        /** Sentences with more tokens than this are not dependency-parsed (default 150); their results say so. */
        public Builder maxParseTokens(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("maxParseTokens must be at least 1, was " + tokens);
            }
            maxParseTokens = tokens;
            return this;
        }

        /** Utterances longer than this many characters are truncated (default 100,000); their results say so. */
        public Builder maxCharacters(int characters) {
            if (characters < 100) {
                throw new IllegalArgumentException("maxCharacters must be at least 100, was " + characters);
            }
            maxCharacters = characters;
            return this;
        }

        /**
         * A sentence longer than this many tokens (default 250; text with no punctuation can make one
         * sentence of a whole file) is tagged and matched in pieces of this size, and its results say so
         * ({@code split}). Patterns do not match across pieces.
         */
        public Builder maxSentenceTokens(int tokens) {
            if (tokens < 10) {
                throw new IllegalArgumentException("maxSentenceTokens must be at least 10, was " + tokens);
            }
            maxSentenceTokens = tokens;
            return this;
        }

        /**
         * How many tokens one token pattern may read on one sentence (default 2,000,000; ordinary
         * patterns read a few thousand at most). A rule whose pattern runs over is treated as not matching
         * that sentence, and the result says so ({@code match-limit}): a runaway pattern cannot hang a run.
         * The limit counts work, not time, so a result never depends on how busy the machine is.
         */
        public Builder matchStepLimit(long tokenReads) {
            if (tokenReads < 1_000) {
                throw new IllegalArgumentException("matchStepLimit must be at least 1000, was " + tokenReads);
            }
            matchStepLimit = tokenReads;
            return this;
        }

        /**
         * Reads a pattern index written by {@link #writePatternIndex} for these packs: the token patterns it
         * holds are parsed when a sentence first holds their trigger words, not at build time, which takes
         * most of the rule compile out of start-up (a one-line input meets a quarter of the rules at most).
         * Labels are the same either way. An index that cannot be read, or was written for other lexicons,
         * is ignored (everything is parsed at build); patterns it does not hold are parsed at build, so a
         * broken pattern still fails {@link #build()}.
         */
        public Builder patternIndex(Path file) {
            Objects.requireNonNull(file, "file");
            try {
                patternIndex = PatternIndex.read(file);
            } catch (IOException e) {
                patternIndex = null; // a start-up aid only: without it, build() parses every pattern
            }
            return this;
        }

        /**
         * The text about to be classified first (say, the first record of a file), or null. With
         * {@link #loadParserOnDemand} and a {@link #patternIndex}: when the text could need the dependency
         * parser, the parser starts loading at once, alongside the tagger and the rule compile, instead of
         * when the first sentence reaches it; when it could match no rule at all, the tagger starts loading
         * only after the rule compile, which then runs alone. Only timing changes.
         */
        public Builder firstInput(String text) {
            firstInput = text;
            return this;
        }

        /**
         * Compiles the packs this builder holds, for every target, and writes their pattern index to
         * {@code file} (replacing it in one step) for {@link #patternIndex}. Loads no language model.
         *
         * @throws RulePackException when a pack is broken
         */
        public void writePatternIndex(Path file) throws IOException {
            Objects.requireNonNull(file, "file");
            List<PackSources.Source> sources = sources();
            List<PackSpec> specs = parse(sources, null);
            List<PatternIndex.ParsedPack> parsed = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                parsed.add(new PatternIndex.ParsedPack(PackCodec.digest(sources.get(i).text()), specs.get(i)));
            }
            RuleCatalog catalog = new RuleCatalog(specs, disabled);
            PatternIndex.write(TriggerGate.of(RuleCompiler.compile(catalog, null, Analyzer::tokenizeEntry), PatternHints.NONE),
                    parsed, file);
        }

        /**
         * The parser's precomputed-embedding cache (CoreNLP's {@code depparse.numPreComputed}): 0 loads
         * about a second faster and parses ~10% slower; -1 (default) keeps CoreNLP's default.
         */
        public Builder parserPrecompute(int entries) {
            if (entries < -1) {
                throw new IllegalArgumentException("parserPrecompute must be -1 (default) or more, was " + entries);
            }
            parserPrecompute = entries;
            return this;
        }

        /**
         * Trigger gating (default on): a rule is tried only on sentences holding one of its trigger words,
         * and a sentence is parsed only when a dependency pattern's trigger is in it. Off, every rule is
         * tried on every sentence and every sentence is parsed (when any rule uses a dependency pattern).
         * Labels are the same either way; turning it off is for verifying that and for benchmarks.
         */
        public Builder triggerGating(boolean on) {
            gating = on;
            return this;
        }

        /**
         * When on, the dependency parser is not loaded at build time but in the background as soon as an
         * input could need it (a word that could trigger a dependency pattern), so a short input that
         * needs no parse never loads it; meanwhile the tagger loads in the background too. Default off:
         * the parser starts loading at build time, best for a long-lived classifier.
         */
        public Builder loadParserOnDemand(boolean on) {
            parserOnDemand = on;
            return this;
        }

        /** Loads and checks every pack, compiles every pattern, and loads the NLP models. */
        public Classifier build() {
            // The tagger loads on another core while the packs are read and compiled (each takes about
            // as long cold). If a pack turns out broken the load is wasted but harmless: a daemon thread,
            // and CoreNLP keeps the loaded tagger in its JVM-wide annotator pool for the next build.
            // Except when the first input is known to match no rule (no trigger words): it is answered
            // without the tagger, so the load waits until the rules are compiled instead of slowing that.
            boolean taggerAfterCompile = parserOnDemand && patternIndex != null && firstInput != null
                    && !Trigger.anySatisfied(patternIndex.matchTriggers(), KeySets.possible(Analyzer.sampleTokens(firstInput)));
            CompletableFuture<StanfordCoreNLP> tagger = taggerAfterCompile ? new CompletableFuture<>()
                    : Analyzer.loadTaggerInBackground();
            ParserLoader parser = null;
            if (parserOnDemand) {
                parser = Analyzer.parserLoader(parserPrecompute);
                // The index's parser triggers are read before the rules are compiled (and so before the index
                // is known to fit them): a hint that moves the parser load earlier, never a label.
                if (patternIndex != null && firstInput != null && Trigger.anySatisfied(patternIndex.parserTriggers(),
                        KeySets.possible(Analyzer.sampleTokens(firstInput)))) {
                    parser.start();
                }
            }
            RuleCatalog catalog = new RuleCatalog(parseSources(), disabled);
            Set<String> selection = null;
            if (targets != null) {
                selection = new TreeSet<>();
                for (String t : targets) {
                    String resolved = catalog.resolveTarget(t);
                    if (resolved == null) {
                        throw new IllegalArgumentException("unknown target '" + t + "' (known: "
                                + String.join(", ", catalog.targetNames()) + ")");
                    }
                    selection.add(resolved);
                }
                if (catalog.targetNames().contains(GENERIC)) {
                    selection.add(GENERIC);
                }
            }
            Classifier classifier = new Classifier(this, catalog, selection, tagger, parser);
            if (taggerAfterCompile) {
                Analyzer.loadTaggerInBackground().whenComplete((loaded, failure) -> {
                    if (failure != null) {
                        tagger.completeExceptionally(failure);
                    } else {
                        tagger.complete(loaded);
                    }
                });
            }
            return classifier;
        }

        private List<PackSpec> parseSources() {
            return parse(sources(), patternIndex);
        }

        private List<PackSources.Source> sources() {
            List<PackSources.Source> sources = new ArrayList<>();
            if (defaults) {
                sources.addAll(PackSources.defaults());
            }
            sources.addAll(packs);
            if (sources.isEmpty()) {
                throw new IllegalStateException("no rule packs: add some, or keep the default packs");
            }
            return sources;
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
    }
}
