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
import io.github.changetalk.internal.shortcut.TokenReach;
import io.github.changetalk.internal.shortcut.Trigger;
import io.github.changetalk.internal.shortcut.TriggerExtractor;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A pattern compiled once. Compiled patterns are shared by all threads and immutable but for what a
 * token pattern builds on first use (see {@link LazyTokenPattern}); each {@link #find} makes its own matcher.
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
    default Optional<Span> find(SentenceView sentence, boolean gated, long stepLimit) {
        return find(sentence, gated, false, stepLimit);
    }

    /**
     * As {@link #find(SentenceView, boolean, long)}; {@code triggerKnown} says the caller has found the
     * sentence to satisfy the trigger ({@link RuleSet#satisfied}), which is then not checked again.
     */
    Optional<Span> find(SentenceView sentence, boolean gated, boolean triggerKnown, long stepLimit);

    default boolean needsParse() {
        return this instanceof Dependency;
    }

    /**
     * @param source    the pattern, parsed now or on first use, with its reach model (built on first use:
     *                  when gated, {@link TokenReach} finds the match in place of TokensRegex, the same match
     *                  far cheaper; patterns it does not model run on TokensRegex)
     * @param maxTokens the longest sentence the pattern can match (patterns anchored at both ends);
     *                  {@link Integer#MAX_VALUE} when unbounded. Checked with the trigger, when gated.
     * @param shared    whether other rules use the same pattern text (and this compiled pattern): the
     *                  matcher then runs it once per sentence and remembers the result
     */
    record Tokens(PatternSpec spec, LazyTokenPattern source, Trigger trigger, int maxTokens, boolean shared)
            implements CompiledPattern {
        /** Trigger and length worked out from the parsed pattern; {@code triggerMemo} is shared by one compilation (see TriggerExtractor). */
        static Tokens of(PatternSpec spec, LazyTokenPattern source, boolean shared, java.util.Map<Object, Trigger> triggerMemo) {
            var expr = source.expr();
            return new Tokens(spec, source, TriggerExtractor.ofTokens(expr, triggerMemo), TriggerExtractor.maxSentenceTokens(expr), shared);
        }

        /** The same compiled pattern under another rule's spec (identical pattern text). */
        Tokens sharedWith(PatternSpec other) {
            return new Tokens(other, source, trigger, maxTokens, true);
        }

        /** The reach model, null when TokenReach does not model the pattern. */
        public TokenReach reach() {
            return source.reach();
        }

        /** TokensRegex's own compiled pattern (built on first use). */
        public TokenSequencePattern pattern() {
            return source.get();
        }

        @Override
        public Optional<Span> find(SentenceView sentence, boolean gated, boolean triggerKnown, long stepLimit) {
            int from = 0;
            if (gated) {
                int n = sentence.tokens().size();
                if (n > maxTokens || !triggerKnown && !trigger.satisfiedBy(sentence.keyMask(), sentence.keys())) {
                    return Optional.empty();
                }
                TokenReach reach = source.reach();
                if (reach != null) {
                    TokenReach.Hit hit = reach.firstMatch(sentence.nodeVerdicts());
                    if (hit == null) {
                        return Optional.empty();
                    }
                    if (hit.complete()) {
                        return Optional.of(span(hit.start(), hit.end()));
                    }
                    from = hit.start();
                }
            }
            try {
                TokenSequenceMatcher m = pattern().getMatcher(new BoundedTokens(sentence.tokens(), stepLimit));
                return m.find(from) ? first(m) : Optional.empty();
            } catch (StackOverflowError e) {
                throw new MatchLimitException();
            }
        }

        private static Span span(int start, int end) {
            Integer[] idx = new Integer[end - start];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = start + i;
            }
            return new Span(List.of(idx));
        }

        /** The current match if it is not empty, else the next non-empty one. */
        private static Optional<Span> first(TokenSequenceMatcher m) {
            do {
                if (m.end() > m.start()) {
                    return Optional.of(span(m.start(), m.end()));
                }
            } while (m.find());
            return Optional.empty();
        }
    }

    record Dependency(PatternSpec spec, SemgrexPattern pattern, GraphKind graph, Trigger trigger) implements CompiledPattern {
        @Override
        public Optional<Span> find(SentenceView sentence, boolean gated, boolean triggerKnown, long stepLimit) {
            if (gated && !triggerKnown && !trigger.satisfiedBy(sentence.keyMask(), sentence.keys())) {
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
