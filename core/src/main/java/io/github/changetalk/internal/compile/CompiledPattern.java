package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.pack.GraphKind;
import io.github.changetalk.internal.pack.PatternSpec;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A pattern compiled once. Compiled patterns are shared by all threads and immutable but for what a
 * token pattern builds on first use (see {@link LazyTokenPattern}); each {@link #find} makes its own matcher.
 */
public sealed interface CompiledPattern permits CompiledPattern.Tokens, CompiledPattern.Dependency {
    PatternSpec spec();

    /**
     * The first match in the sentence by the pattern's own matcher (TokensRegex or Semgrex), or empty. A
     * dependency pattern parses the sentence if it is not parsed yet. Throws {@link MatchLimitException}
     * when the pattern takes more steps than {@code budget} allows (tokens, graph nodes and word-regex
     * characters read) or recurses too deeply. The caller opens the budget ({@link StepBudget#open}) so
     * that the word regexes inside token tests, which TokensRegex calls deep inside its matcher, count
     * against it too.
     */
    Optional<Span> find(SentenceView sentence, StepBudget budget);

    default boolean needsParse() {
        return this instanceof Dependency;
    }

    /**
     * @param source the pattern, parsed now or on first use
     * @param shared whether other rules use the same pattern text (and this compiled pattern), so that
     *               its result on a sentence may be worked out once for all of them
     */
    record Tokens(PatternSpec spec, LazyTokenPattern source, boolean shared) implements CompiledPattern {
        /** The same compiled pattern under another rule's spec (identical pattern text). */
        Tokens sharedWith(PatternSpec other) {
            return new Tokens(other, source, true);
        }

        /** TokensRegex's own compiled pattern (built on first use). */
        public TokenSequencePattern pattern() {
            return source.get();
        }

        @Override
        public Optional<Span> find(SentenceView sentence, StepBudget budget) {
            return findFrom(sentence, 0, budget);
        }

        /** As {@link #find}, for a caller that knows no match starts before token {@code from}. */
        public Optional<Span> findFrom(SentenceView sentence, int from, StepBudget budget) {
            try {
                TokenSequenceMatcher m = pattern().getMatcher(new BoundedTokens(sentence.tokens(), budget));
                return m.find(from) ? first(m) : Optional.empty();
            } catch (StackOverflowError e) {
                throw new MatchLimitException();
            }
        }

        /** The current match if it is not empty, else the next non-empty one. */
        private static Optional<Span> first(TokenSequenceMatcher m) {
            do {
                if (m.end() > m.start()) {
                    return Optional.of(Span.range(m.start(), m.end()));
                }
            } while (m.find());
            return Optional.empty();
        }
    }

    /** @param text the pattern as compiled, lexicon names replaced by their words */
    record Dependency(PatternSpec spec, SemgrexPattern pattern, GraphKind graph, String text) implements CompiledPattern {
        @Override
        public Optional<Span> find(SentenceView sentence, StepBudget budget) {
            SemanticGraph g = sentence.graph(graph);
            if (g == null) {
                return Optional.empty();
            }
            SemgrexMatcher m = pattern.matcher(new BoundedGraph(g, budget));
            try {
                if (!m.find()) {
                    return Optional.empty();
                }
            } catch (StackOverflowError e) {
                throw new MatchLimitException();
            }
            TreeSet<Integer> idx = new TreeSet<>();
            add(idx, m.getMatch());
            for (String name : m.getNodeNames()) {
                add(idx, m.getNode(name));
            }
            return idx.isEmpty() ? Optional.empty() : Optional.of(new Span(List.copyOf(idx)));
        }

        private static void add(TreeSet<Integer> idx, IndexedWord node) {
            if (node != null && node.index() > 0) {
                idx.add(node.index() - 1);
            }
        }
    }
}
