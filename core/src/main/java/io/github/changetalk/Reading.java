package io.github.changetalk;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client utterance as the rules read it, before the evidence weights decide it ({@link Classifier#read},
 * then {@link Classifier#decide}): the result the rules give on their own ({@code --weights none}), the
 * named features the weights read ({@link Weighing} lists them), the decisive talk of the counselor turn
 * before read in the client's voice (worked out for short answers; null otherwise or when it has none),
 * and whether the utterance's context holds a client turn, whose reading then gives the
 * {@code previous=} feature. Splitting the two steps lets a batch read utterances in parallel and decide
 * them in order. Immutable.
 *
 * @param rules             the result the rules give
 * @param features          rule ids that fired (not vetoed) and context features, without {@code previous=}
 * @param reflected         the counselor turn's decisive match read in the client's voice, or null
 * @param followsClientTurn whether the context holds a client turn
 */
public record Reading(UtteranceResult rules, Set<String> features, Evidence reflected, boolean followsClientTurn) {
    public Reading {
        Objects.requireNonNull(rules, "rules");
        features = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(features));
    }

    /** A reading without features, for utterances the weights do not decide (counselor turns, failures). */
    public static Reading of(UtteranceResult rules) {
        return new Reading(rules, new TreeSet<>(), null, false);
    }

    /** Whether the weights decide this utterance: a client turn the rules read (its features are known). */
    public boolean decidable() {
        return rules.label() != null && !features.isEmpty();
    }
}
