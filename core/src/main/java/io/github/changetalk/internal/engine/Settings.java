package io.github.changetalk.internal.engine;

import io.github.changetalk.internal.match.RuleMatcher;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.pack.PackSources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@code Classifier.Builder} was told, fixed: which packs to load (the default packs or not, then
 * the added ones in order), which rules to turn off, the default targets (null: every target), the
 * limits, the weights, and whether each coded counselor turn that puts words in the client's mouth is read in
 * the client's voice as it is coded ({@code readsReflectedTalk}, see {@link Engine}). The loader
 * ({@link RuntimeLoader}) builds the classifier's runtime from it.
 */
public record Settings(boolean defaultPacks, List<PackSources.Source> packs, Set<String> disabled, List<String> targets,
                       Limits limits, Weights weights, boolean readsReflectedTalk) {
    /**
     * Which evidence weights decide client utterances: the default ones ({@code defaults}, when the project
     * ships them on: {@link io.github.changetalk.internal.weights.DefaultWeights}), a file ({@code file}), YAML
     * text ({@code source}), or none (all off: the rules' bands and overrides decide).
     */
    public record Weights(boolean defaults, java.nio.file.Path file, PackSources.Source source) {
        public static final Weights DEFAULT = new Weights(true, null, null);
        public static final Weights NONE = new Weights(false, null, null);
    }

    /** Settings with the default weights. */
    public Settings(boolean defaultPacks, List<PackSources.Source> packs, Set<String> disabled, List<String> targets,
                    Limits limits) {
        this(defaultPacks, packs, disabled, targets, limits, Weights.DEFAULT);
    }

    /** Settings that leave a counselor turn's talk in the client's voice to the client turn that needs it. */
    public Settings(boolean defaultPacks, List<PackSources.Source> packs, Set<String> disabled, List<String> targets,
                    Limits limits, Weights weights) {
        this(defaultPacks, packs, disabled, targets, limits, weights, false);
    }

    public Settings {
        packs = List.copyOf(packs);
        disabled = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(disabled));
        targets = targets == null ? null : List.copyOf(targets);
        weights = weights == null ? Weights.DEFAULT : weights;
    }

    /**
     * @param maxParseTokens    longer sentences are not dependency-parsed
     * @param maxCharacters     longer utterances are truncated
     * @param maxSentenceTokens longer sentences are tagged and matched in pieces
     * @param matchStepLimit    how many tokens one pattern may read on one sentence
     */
    public record Limits(int maxParseTokens, int maxCharacters, int maxSentenceTokens, long matchStepLimit) {
        public static final Limits DEFAULTS = new Limits(150, 100_000, Analyzer.DEFAULT_MAX_SENTENCE_TOKENS,
                RuleMatcher.DEFAULT_STEP_LIMIT);
    }

    /** The packs to load, in load order. */
    List<PackSources.Source> sources() {
        List<PackSources.Source> sources = new ArrayList<>();
        if (defaultPacks) {
            sources.addAll(PackSources.defaults());
        }
        sources.addAll(packs);
        if (sources.isEmpty()) {
            throw new IllegalStateException("no rule packs: add some, or keep the default packs");
        }
        return sources;
    }
}
