package io.github.changetalk.internal.rules;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CancellationException;

/**
 * The sentence's tokens as one TokensRegex match sees them, with a deadline. TokensRegex has no timeout
 * and no step limit, but it reads every token through {@link List#get}; so this view checks the clock
 * (every 64 reads, to stay cheap) and the thread's interrupt flag there, and stops a runaway match by
 * throwing. The common match reads a few dozen tokens and never reaches a check.
 */
final class BoundedTokens extends AbstractList<CoreLabel> implements RandomAccess {
    private final List<CoreLabel> tokens;
    private final long deadline;
    private int reads;

    BoundedTokens(List<CoreLabel> tokens, long limitNanos) {
        this.tokens = tokens;
        this.deadline = System.nanoTime() + limitNanos;
    }

    @Override
    public CoreLabel get(int index) {
        if ((++reads & 63) == 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new MatchLimitException();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("classification interrupted");
            }
        }
        return tokens.get(index);
    }

    @Override
    public int size() {
        return tokens.size();
    }
}
