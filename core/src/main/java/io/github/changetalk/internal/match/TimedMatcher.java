package io.github.changetalk.internal.match;

import io.github.changetalk.internal.nlp.Instrumentation;
import io.github.changetalk.internal.nlp.SentenceView;

/**
 * A matcher timed for the benchmark's {@link Instrumentation}: each sentence counts as matched, and its
 * matching time is the time in the matcher minus the NLP time (parsing, which happens inside matching,
 * on demand) that this thread spent meanwhile. With the instrumentation off, {@link #of} hands back the
 * matcher itself, so that timing costs nothing.
 */
public final class TimedMatcher implements SentenceMatcher {
    private final SentenceMatcher matcher;

    private TimedMatcher(SentenceMatcher matcher) {
        this.matcher = matcher;
    }

    /** The matcher, timed when the instrumentation is on. */
    public static SentenceMatcher of(SentenceMatcher matcher) {
        return Instrumentation.enabled() ? new TimedMatcher(matcher) : matcher;
    }

    @Override
    public SentenceMatch match(SentenceView sentence) {
        long nlp0 = Instrumentation.threadNlpNanos();
        long t0 = System.nanoTime();
        SentenceMatch m = matcher.match(sentence);
        Instrumentation.matched(System.nanoTime() - t0, Instrumentation.threadNlpNanos() - nlp0);
        return m;
    }
}
