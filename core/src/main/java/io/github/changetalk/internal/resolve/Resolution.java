package io.github.changetalk.internal.resolve;

import edu.stanford.nlp.ling.CoreLabel;
import io.github.changetalk.Direction;
import io.github.changetalk.Label;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.internal.match.Match;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The two resolution policies, in one place.
 *
 * <p><b>Within a sentence</b>, a match is first set aside when another rule that fired on the sentence
 * names its rule in {@code overrides} ("can't stop" sets aside "stop"; a rule set aside this way does
 * not set others aside any less). Of the rest, the match that decides the label is the one with, in order:
 * <ol>
 *   <li>the highest precedence band (a question or someone else's wish holds a sentence neutral; a
 *       negated or reversed reading beats the plain one; see {@code Band});</li>
 *   <li>the most matched tokens (the more specific reading: "don't want to quit" over "want to quit");</li>
 *   <li>the match that ends later (in "I want to, but I can't", the client lands on the last clause);</li>
 *   <li>the rule loaded first (so results never depend on thread timing or hash order).</li>
 * </ol>
 * One exception: when change talk and sustain talk sit on either side of a contrastive "but" (or
 * "however") and a non-neutral match follows it, the matches after the last such word decide, ranked
 * as above ("I really don't see why I should give it up, but I could cut back" is change talk, though
 * the "sees no need" reading is in the higher band). A sentence no rule fires on (or whose every
 * match was vetoed) is neutral.
 *
 * <p><b>Across the sentences of an utterance</b>, the last sentence that is not neutral decides the
 * label, direction and kind: clients often open with one side and land on the other ("I love
 * smoking. But I've got to stop."), and a trailing question or backchannel does not undo what came
 * before. An utterance with no non-neutral sentence is neutral.
 */
public final class Resolution {
    /** Best match first, among matches none of which overrides another. */
    public static final Comparator<Match> RANKING = Comparator
            .comparingInt((Match m) -> m.rule().spec().priority())
            .thenComparingInt(Match::tokenCount)
            .thenComparingInt(m -> m.evidence().end())
            .thenComparing(Comparator.comparingInt((Match m) -> m.rule().order()).reversed())
            .reversed();

    private Resolution() {
    }

    /** The deciding match of a sentence, or empty when the sentence is neutral by default. */
    public static Optional<Match> decide(List<Match> matches) {
        return matches.stream().filter(m -> !overridden(m, matches)).min(RANKING);
    }

    /** Whether the rule of another of {@code matches} lists {@code m}'s rule in its {@code overrides}. */
    private static boolean overridden(Match m, List<Match> matches) {
        String id = m.rule().spec().id();
        for (Match other : matches) {
            if (other != m && other.rule().spec().overrides().contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Contrastive conjunctions: what follows them is where the speaker lands. */
    private static final Set<String> CONTRAST = Set.of("but", "however");

    /**
     * As {@link #decide(List)}, with one more rule: when change talk and sustain talk sit on either side
     * of a contrastive "but" ("I really don't see why I should give it up, but I could cut back"), the
     * side after the last such "but" decides, whatever the bands; within that side the ranking above
     * applies. A neutral winner (a question, someone else's wish) still holds the sentence.
     */
    public static Optional<Match> decide(List<Match> matches, List<CoreLabel> tokens) {
        Optional<Match> best = decide(matches);
        if (best.isEmpty() || best.get().rule().spec().direction() == Direction.NEUTRAL) {
            return best;
        }
        for (int i = tokens.size() - 1; i > 0; i--) {
            String w = tokens.get(i).word();
            if (w == null || !CONTRAST.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int at = tokens.get(i).beginPosition();
            Optional<Match> landing = decide(matches.stream().filter(m -> m.evidence().begin() > at).toList());
            if (landing.isEmpty()) {
                continue; // nothing after this "but": look at an earlier one
            }
            Direction landed = landing.get().rule().spec().direction();
            boolean otherSideBefore = matches.stream().anyMatch(m -> m.evidence().end() <= at
                    && m.rule().spec().direction() != Direction.NEUTRAL && m.rule().spec().direction() != landed);
            return landed != Direction.NEUTRAL && otherSideBefore ? landing : best;
        }
        return best;
    }

    /** The sentence whose label the utterance takes, or empty when the utterance is neutral. */
    public static Optional<SentenceResult> rollUp(List<SentenceResult> sentences) {
        return rollUp(sentences, SentenceResult::label);
    }

    /**
     * The same policy over anything labelled sentence by sentence (the counselor turn a short answer
     * echoes is rolled up by its sentences' deciding matches): the last item whose label is not neutral.
     */
    public static <T> Optional<T> rollUp(List<T> sentences, Function<T, Label> label) {
        for (int i = sentences.size() - 1; i >= 0; i--) {
            T s = sentences.get(i);
            if (label.apply(s) != Label.NEUTRAL) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The same policy, each sentence's item (empty when the sentence is neutral by default) worked out only
     * when asked for: they are asked for from the last back, and none before the one that decides.
     */
    public static <T> Optional<T> rollUpLazily(List<Supplier<Optional<T>>> sentences, Function<T, Label> label) {
        for (int i = sentences.size() - 1; i >= 0; i--) {
            Optional<T> s = sentences.get(i).get();
            if (s.isPresent() && label.apply(s.get()) != Label.NEUTRAL) {
                return s;
            }
        }
        return Optional.empty();
    }
}
