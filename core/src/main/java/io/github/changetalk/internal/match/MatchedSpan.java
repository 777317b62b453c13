package io.github.changetalk.internal.match;

import io.github.changetalk.internal.compile.Span;
import io.github.changetalk.internal.nlp.SentenceView;

/** A pattern's match rendered for results: which pattern, the words, their offsets, how many tokens. */
public record MatchedSpan(String slot, String text, int begin, int end, int tokenCount) {
    /** The match {@code span} of the pattern named {@code slot} in the sentence; {@code utterance} (may be null) is the text offsets point into. */
    static MatchedSpan of(String slot, Span span, SentenceView sentence, String utterance) {
        return new MatchedSpan(slot, span.text(sentence.tokens(), utterance), span.begin(sentence.tokens()),
                span.end(sentence.tokens()), span.tokens().size());
    }
}
