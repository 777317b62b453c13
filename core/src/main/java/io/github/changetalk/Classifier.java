package io.github.changetalk;

import io.github.changetalk.internal.engine.ClassifierRuntime;
import io.github.changetalk.internal.engine.RuntimeLoader;
import io.github.changetalk.internal.engine.Settings;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * <p><b>Resolution.</b> Within a sentence the match in the highest precedence band decides (unless a rule
 * that also fired overrides it), then the longest, then the one ending last; across an utterance, the last non-neutral sentence decides. Counselor turns
 * are not labelled. See {@code docs/rule-language.md} for both policies in full.
 * With evidence weights ({@link Builder#weights(Path)}), the client turn's direction is instead the highest
 * score of the weights over the rules that fired and named context features ({@link Weighing}); its kind is
 * that of the strongest-weighted rule of that direction.
 */
public final class Classifier {
    private final ClassifierRuntime runtime;

    private Classifier(ClassifierRuntime runtime) {
        this.runtime = runtime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Classifies one client utterance with no context, against the default targets. */
    public UtteranceResult classify(String text) {
        return classify(Utterance.of(Objects.requireNonNull(text, "text")));
    }

    /**
     * Classifies one utterance. A counselor utterance comes back unlabelled, with its coding
     * ({@link UtteranceResult#coding()}) when counselor packs are loaded; a client utterance after a
     * counselor turn reads that turn's coding from its context ({@link Turn#coding()}), or codes the turn
     * itself when it carries none. With evidence weights, the client's previous turn is not known here, so
     * {@code previous=} is not among the features: a conversation gets it through {@link #classifyTranscript},
     * or {@link #read} and {@link #decide}.
     */
    public UtteranceResult classify(Utterance utterance) {
        return runtime.classify(Objects.requireNonNull(utterance, "utterance"));
    }

    /**
     * The first of two steps that make {@link #classify}: the utterance read by the rules, with the features
     * the evidence weights read (worked out whether or not this classifier has weights). Readings can be
     * made in parallel; {@link #decide} then takes them in conversation order.
     */
    public Reading read(Utterance utterance) {
        return runtime.read(Objects.requireNonNull(utterance, "utterance"));
    }

    /**
     * The second step: the result of a reading. With evidence weights, they decide it, given the reading of
     * the client's previous turn in the same conversation (the last client turn that was not blank; null at
     * the start), which counts only when the utterance's context holds that turn; without weights, the rules'
     * result ({@link Reading#rules()}) whatever {@code previous} is. Counselor turns stay unlabelled.
     */
    public UtteranceResult decide(Reading reading, Reading previous) {
        return runtime.decide(Objects.requireNonNull(reading, "reading"), previous);
    }

    /** The evidence weights' file or resource name, or null when the rules' resolution decides (weights none). */
    public String weights() {
        return runtime.weights();
    }

    /**
     * The counselor evidence weights' file or resource name, or null when the counselor rules' roll-up decides
     * each counselor turn's group ({@link CounselorCoding#weighing()} says how the weights decided).
     */
    public String counselorWeights() {
        return runtime.counselorWeights();
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
     * the counselor's question); counselor turns are coded (when counselor packs are loaded), each once:
     * the client turn after it reads that coding. {@code target} may be null.
     */
    public List<UtteranceResult> classifyTranscript(List<Turn> turns, String target) {
        List<UtteranceResult> out = new ArrayList<>(turns.size());
        ContextWindow window = new ContextWindow();
        Reading previous = null;
        for (Turn t : turns) {
            Reading r = read(window.next(t, target));
            UtteranceResult result = decide(r, previous);
            // The client turn after a counselor turn reads its coding, not coding it again: the rules' coding, as the
            // command line's pipeline hands it on, so that counselor weights never change a client label.
            window.coded(r.rules().coding());
            out.add(result);
            if (t.speaker() == Speaker.CLIENT && !t.text().isBlank()) {
                previous = r;
            }
        }
        return out;
    }

    /** What the classifier saw and what every rule did, sentence by sentence (parses every sentence). */
    public Explanation explain(Utterance utterance) {
        return runtime.explain(Objects.requireNonNull(utterance, "utterance"));
    }

    public Explanation explain(String text) {
        return explain(Utterance.of(text));
    }

    /** Runs every example of every enabled rule, against all targets. */
    public List<ExampleCheck> checkExamples() {
        return runtime.checkExamples();
    }

    /** Runs the examples of one rule. */
    public List<ExampleCheck> checkExamples(String ruleId) {
        return runtime.checkExamples(ruleId);
    }

    /** The enabled rules, in load order. */
    public List<RuleInfo> rules() {
        return runtime.rules();
    }

    /** The target behaviours the loaded packs define, e.g. alcohol, smoking, generic. */
    public List<String> targets() {
        return runtime.targets();
    }

    /** The target a topic or target name resolves to (e.g. "reducing alcohol consumption" to alcohol), or null. */
    public String resolveTarget(String topic) {
        return runtime.resolveTarget(topic);
    }

    /** Whether any loaded rule uses a dependency pattern (and so the parser is loaded). */
    public boolean usesDependencyParser() {
        return runtime.usesDependencyParser();
    }

    /**
     * Builds a {@link Classifier}. Not thread-safe; each setter checks its argument at once, and
     * {@link #build()} loads and checks every pack, failing with a {@link RulePackException} that names
     * file, line and rule.
     */
    public static final class Builder {
        private boolean defaults = true;
        private final List<PackSources.Source> packs = new ArrayList<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private List<String> targets;
        private int maxParseTokens = Settings.Limits.DEFAULTS.maxParseTokens();
        private int maxCharacters = Settings.Limits.DEFAULTS.maxCharacters();
        private int maxSentenceTokens = Settings.Limits.DEFAULTS.maxSentenceTokens();
        private long matchStepLimit = Settings.Limits.DEFAULTS.matchStepLimit();
        private Settings.Weights weights = Settings.Weights.DEFAULT;
        private boolean readReflectedTalk;

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
         * How many steps one pattern may take on one sentence (default 2,000,000; ordinary patterns take
         * a few thousand at most). A step is a token read, a character read by a word regex inside a token
         * test ({@code [{word:/.../}]}), or a graph node handed to a dependency pattern's search. A rule
         * whose pattern runs over is treated as not matching
         * that sentence, and the result says so ({@code match-limit}): a runaway pattern cannot hang a run.
         * The limit counts work, not time, so a result never depends on how busy the machine is.
         */
        public Builder matchStepLimit(long steps) {
            if (steps < 1_000) {
                throw new IllegalArgumentException("matchStepLimit must be at least 1000, was " + steps);
            }
            matchStepLimit = steps;
            return this;
        }

        /**
         * Evidence weights from a file (written by {@code changetalk train}): they decide each client
         * utterance's direction from the rules that fired and named context features (see {@link Weighing}),
         * or, for a file that {@code decides: counselor-behaviour}, each counselor turn's group (see
         * {@link CounselorCoding.BehaviourWeighing}); the other side keeps its default weights.
         * The file is read by {@link #build()}, which fails with one line naming file and line when it is broken.
         */
        public Builder weights(Path file) {
            Objects.requireNonNull(file, "file");
            weights = new Settings.Weights(false, file, null);
            return this;
        }

        /** Evidence weights given as YAML text; {@code name} identifies them in error messages and explanations. */
        public Builder weights(String name, String yaml) {
            weights = new Settings.Weights(false, null, new PackSources.Source(Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(yaml, "yaml")));
            return this;
        }

        /**
         * No evidence weights: the rules' bands and overrides decide client turns, as documented in
         * docs/rule-language.md, and the counselor rules' roll-up decides counselor turns.
         */
        public Builder noWeights() {
            weights = Settings.Weights.NONE;
            return this;
        }

        /**
         * Whether every coded counselor turn that puts words in the client's mouth (a reflection, a closed
         * question: {@link CounselorCoding#putsWordsInClientsMouth()}) is read in the client's voice as it is
         * coded, so that its coding's {@link CounselorCoding#reflected()} says what talk it carries. Default
         * false: a coding's {@code reflected} is then null (not read), and the client turn after it reads the
         * turn only when it needs to (a short answer; a rule's {@code after: reflected}), which saves a second
         * analysis of most counselor turns. Client labels are the same either way.
         */
        public Builder readReflectedTalk(boolean read) {
            readReflectedTalk = read;
            return this;
        }

        /** Loads and checks every pack, compiles every pattern, and loads the NLP models. */
        public Classifier build() {
            Settings settings = new Settings(defaults, packs, disabled, targets,
                    new Settings.Limits(maxParseTokens, maxCharacters, maxSentenceTokens, matchStepLimit), weights,
                    readReflectedTalk);
            return new Classifier(RuntimeLoader.load(settings));
        }
    }
}
