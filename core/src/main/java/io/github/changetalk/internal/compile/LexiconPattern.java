package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A lexicon as a TokensRegex expression built directly from its entries, bound to {@code $NAME}.
 *
 * <p>Why not the equivalent pattern text ({@code [{word:/(?i)(?:a|b|...)/} | {lemma:/.../}] | ([..] [..]) | ...})?
 * With lexicons of hundreds of entries that text makes every token test a regex over hundreds of
 * alternatives and every multi-word entry a separate branch of the matcher: measured at 1-10 ms per
 * pattern attempt, more than a dependency parse. Here a token test is two hash lookups, and multi-word
 * entries are grouped by their first word, so one lookup rules them all out at most positions.
 * Same matches: a token matches an entry word when its word or lemma equals it, ignoring case.
 */
public final class LexiconPattern {
    private LexiconPattern() {
    }

    /** The expression matching any entry; entries are lower-cased token lists. */
    public static SequencePattern.PatternExpr of(Set<List<String>> entries) {
        Set<String> singles = new LinkedHashSet<>();
        Map<String, List<List<String>>> byFirst = new LinkedHashMap<>();
        for (List<String> entry : entries) {
            if (entry.size() == 1) {
                singles.add(entry.get(0));
            } else if (entry.size() > 1) {
                byFirst.computeIfAbsent(entry.get(0), k -> new ArrayList<>()).add(entry.subList(1, entry.size()));
            }
        }
        List<SequencePattern.PatternExpr> alternatives = new ArrayList<>();
        if (!singles.isEmpty()) {
            alternatives.add(node(singles));
        }
        byFirst.forEach((first, rests) -> {
            List<SequencePattern.PatternExpr> tails = new ArrayList<>();
            for (List<String> rest : rests) {
                List<SequencePattern.PatternExpr> seq = new ArrayList<>();
                for (String word : rest) {
                    seq.add(node(Set.of(word)));
                }
                tails.add(seq.size() == 1 ? seq.get(0) : new SequencePattern.SequencePatternExpr(seq));
            }
            SequencePattern.PatternExpr tail = tails.size() == 1 ? tails.get(0) : new SequencePattern.OrPatternExpr(tails);
            alternatives.add(new SequencePattern.SequencePatternExpr(node(Set.of(first)), tail));
        });
        if (alternatives.isEmpty()) {
            return node(Set.of()); // an empty lexicon matches nothing
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new SequencePattern.OrPatternExpr(alternatives);
    }

    private static SequencePattern.PatternExpr node(Set<String> words) {
        return new SequencePattern.NodePatternExpr(new WordSet(words));
    }

    /**
     * Matches a token whose word or lemma, lower-cased, is in the set. Immutable. A lexicon's node is
     * shared by every pattern that uses the lexicon (TokensRegex copies expressions, not their nodes).
     */
    public static final class WordSet extends NodePattern<CoreMap> {
        private static final long serialVersionUID = 1L;
        private final Set<String> words;

        WordSet(Set<String> words) {
            this.words = Set.copyOf(words);
        }

        public Set<String> words() {
            return words;
        }

        @Override
        public boolean match(CoreMap token) {
            return in(token.get(CoreAnnotations.TextAnnotation.class)) || in(token.get(CoreAnnotations.LemmaAnnotation.class));
        }

        private boolean in(String s) {
            return s != null && words.contains(s.toLowerCase(Locale.ROOT));
        }

        /** {@link #match} on a token's word and lemma already lower-cased ("" when absent). */
        public boolean matchesLowerCased(String word, String lemma) {
            return words.contains(word) || words.contains(lemma);
        }

        @Override
        public String toString() {
            return "{word|lemma in " + words.size() + " lexicon words}";
        }
    }
}
