package io.github.changetalk.internal.match;

import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.Optional;

/** A pattern's match rendered for results: which pattern, the words, their offsets, how many tokens. */
public record MatchedSpan(String slot, String text, int begin, int end, int tokenCount) {
    /**
     * Finds the pattern in the sentence; {@code utterance} (may be null) is the text offsets point into.
     * {@code gated} false skips the pattern's trigger check (see {@link RuleSet#ungated()}); so does
     * {@code triggerKnown}, as in {@link CompiledPattern#find(SentenceView, boolean, boolean, long)}.
     */
    public static Optional<MatchedSpan> find(CompiledPattern pattern, SentenceView sentence, String utterance,
                                             boolean gated, boolean triggerKnown, long stepLimit) {
        return pattern.find(sentence, gated, triggerKnown, stepLimit).map(span -> new MatchedSpan(pattern.spec().slot(),
                span.text(sentence.tokens(), utterance), span.begin(sentence.tokens()), span.end(sentence.tokens()),
                span.tokens().size()));
    }
}
