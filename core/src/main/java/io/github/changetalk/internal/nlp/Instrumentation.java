package io.github.changetalk.internal.nlp;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for the benchmark: how many sentences were matched and parsed, and the time spent in the
 * NLP pipeline (tagging, parsing) versus rule matching. Off by default, when it costs one volatile
 * read per sentence. The matcher parses lazily, inside rule matching, so matching time is measured
 * as the time in the matcher minus the NLP time this thread spent during it.
 */
public final class Instrumentation {
    private static volatile boolean enabled;
    private static final LongAdder SENTENCES = new LongAdder();
    private static final LongAdder PARSED = new LongAdder();
    private static final LongAdder MATCH_NANOS = new LongAdder();
    private static final LongAdder NLP_NANOS = new LongAdder();
    /** NLP nanoseconds of the current thread, so that matching can subtract the parses it triggered. */
    private static final ThreadLocal<long[]> THREAD_NLP = ThreadLocal.withInitial(() -> new long[1]);

    private Instrumentation() {
    }

    /** A snapshot of the counters. */
    public record Counts(long sentences, long parsed, long matchNanos, long nlpNanos) {
    }

    public static void enable(boolean on) {
        enabled = on;
    }

    public static boolean enabled() {
        return enabled;
    }

    public static void reset() {
        SENTENCES.reset();
        PARSED.reset();
        MATCH_NANOS.reset();
        NLP_NANOS.reset();
    }

    public static Counts counts() {
        return new Counts(SENTENCES.sum(), PARSED.sum(), MATCH_NANOS.sum(), NLP_NANOS.sum());
    }

    /** Records NLP work (tagging or parsing) done by the current thread. */
    static void nlp(long nanos) {
        NLP_NANOS.add(nanos);
        THREAD_NLP.get()[0] += nanos;
    }

    static void parsed() {
        PARSED.increment();
    }

    /** The current thread's NLP time so far; read before and after matching a sentence. */
    public static long threadNlpNanos() {
        return THREAD_NLP.get()[0];
    }

    /**
     * Records time spent judging, before tagging, whether any rule could match a sentence: rule work,
     * so it counts as matching, not NLP.
     */
    static void screened(long nanos) {
        MATCH_NANOS.add(nanos);
    }

    /** Records one sentence matched in {@code elapsed} ns, of which {@code nlpDuring} went to parsing it. */
    public static void matched(long elapsed, long nlpDuring) {
        SENTENCES.increment();
        MATCH_NANOS.add(Math.max(0, elapsed - nlpDuring));
    }
}
