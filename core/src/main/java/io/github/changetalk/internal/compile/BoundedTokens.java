package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CancellationException;

/**
 * The sentence's tokens as one TokensRegex match sees them, with a budget of token reads. TokensRegex
 * has no timeout and no step limit, but it reads every token through {@link List#get}; so this view
 * counts the reads and stops a runaway match by throwing once the budget is spent, and checks the
 * thread's interrupt flag every 64 reads.
 *
 * <p>The budget counts work, not time, on purpose: a clock would stop the same pattern on the same
 * sentence on a busy machine and not on an idle one, and results must never depend on load. An
 * ordinary pattern reads a few thousand tokens at most on the longest sentence the analyzer passes on.
 */
final class BoundedTokens extends AbstractList<CoreLabel> implements RandomAccess {
    private final List<CoreLabel> tokens;
    private final long budget;
    private long reads;

    BoundedTokens(List<CoreLabel> tokens, long budget) {
        this.tokens = tokens;
        this.budget = budget;
    }

    @Override
    public CoreLabel get(int index) {
        if (++reads > budget) {
            throw new MatchLimitException();
        }
        if ((reads & 63) == 0 && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("classification interrupted");
        }
        return tokens.get(index);
    }

    @Override
    public int size() {
        return tokens.size();
    }
}
