package io.github.changetalk.internal.rules;

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
 * A pattern compiled once at load time. Compiled patterns are immutable and shared by all threads;
 * each {@link #find} makes its own matcher.
 */
public sealed interface CompiledPattern permits CompiledPattern.Tokens, CompiledPattern.Dependency {
    PatternSpec spec();

    Trigger trigger();

    /**
     * The first match in the sentence, or empty. When {@code gated}, checks the trigger first, so a
     * dependency pattern never parses a sentence it cannot match ({@code gated} false is for verifying
     * gating and for benchmarks). Throws {@link MatchLimitException} when a token pattern reads more than
     * {@code stepLimit} tokens or a pattern recurses too deeply.
     */
    Optional<Span> find(SentenceView sentence, boolean gated, long stepLimit);

    default boolean needsParse() {
        return this instanceof Dependency;
    }

    /**
     * @param maxTokens the longest sentence the pattern can match (patterns anchored at both ends);
     *                  {@link Integer#MAX_VALUE} when unbounded. Checked with the trigger, when gated.
     */
    record Tokens(PatternSpec spec, TokenSequencePattern pattern, Trigger trigger, int maxTokens) implements CompiledPattern {
        @Override
        public Optional<Span> find(SentenceView sentence, boolean gated, long stepLimit) {
            if (gated && (sentence.tokens().size() > maxTokens || !trigger.satisfiedBy(sentence.keys()))) {
                return Optional.empty();
            }
            try {
                return first(pattern.getMatcher(new BoundedTokens(sentence.tokens(), stepLimit)));
            } catch (StackOverflowError e) {
                throw new MatchLimitException();
            }
        }

        private static Optional<Span> first(TokenSequenceMatcher m) {
            while (m.find()) {
                if (m.end() > m.start()) {
                    Integer[] idx = new Integer[m.end() - m.start()];
                    for (int i = 0; i < idx.length; i++) {
                        idx[i] = m.start() + i;
                    }
                    return Optional.of(new Span(List.of(idx)));
                }
            }
            return Optional.empty();
        }
    }

    record Dependency(PatternSpec spec, SemgrexPattern pattern, GraphKind graph, Trigger trigger) implements CompiledPattern {
        @Override
        public Optional<Span> find(SentenceView sentence, boolean gated, long stepLimit) {
            if (gated && !trigger.satisfiedBy(sentence.keys())) {
                return Optional.empty();
            }
            SemanticGraph g = sentence.graph(graph);
            if (g == null) {
                return Optional.empty();
            }
            SemgrexMatcher m = pattern.matcher(g);
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
