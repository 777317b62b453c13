package io.github.changetalk.internal.rules;

import edu.stanford.nlp.ling.CoreLabel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CancellationException;

/**
 * The sentence's tokens as one TokensRegex match sees them, with a time limit. TokensRegex has no
 * timeout and no step limit, but it reads every token through {@link List#get}; so this view checks,
 * every {@value #CHECK_EVERY} reads, the thread's interrupt flag and the time spent, and stops a runaway
 * match by throwing. The clock is the thread's own CPU time where the JVM offers it: wall time would
 * also count time the thread spent descheduled or stopped for GC, and under heavy load (16 threads on
 * 2 cores) stopped ordinary 5-token matches. An ordinary match reads a few dozen tokens and never
 * reaches a check.
 */
final class BoundedTokens extends AbstractList<CoreLabel> implements RandomAccess {
    private static final int CHECK_EVERY = 256;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private final List<CoreLabel> tokens;
    private final long limitNanos;
    private long start = -1; // taken at the first check, so that ordinary matches never read a clock
    private int reads;

    BoundedTokens(List<CoreLabel> tokens, long limitNanos) {
        this.tokens = tokens;
        this.limitNanos = limitNanos;
    }

    @Override
    public CoreLabel get(int index) {
        if (++reads % CHECK_EVERY == 0) {
            check();
        }
        return tokens.get(index);
    }

    private void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("classification interrupted");
        }
        long now = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        if (start < 0) {
            start = now;
        } else if (now - start > limitNanos) {
            throw new MatchLimitException();
        }
    }

    @Override
    public int size() {
        return tokens.size();
    }
}
