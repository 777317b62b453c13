package io.github.changetalk.internal.match;

import io.github.changetalk.internal.nlp.SentenceView;

/** Matches the sentences of one utterance, one at a time: a {@link RuleMatcher}, or one timed by {@link TimedMatcher}. */
public interface SentenceMatcher {
    /** Everything the rules did on this sentence of the utterance. */
    SentenceMatch match(SentenceView sentence);
}
