package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The sentence's tokens as one TokensRegex match sees them, with a budget of steps. TokensRegex has no
 * timeout and no step limit, but it reads every token through {@link List#get}; so this view takes a
 * step of the match's {@link StepBudget} per read, which stops a runaway match once the budget is spent
 * and checks the thread's interrupt flag every 64 steps. Word regexes inside token tests take their
 * steps from the same budget ({@link BudgetedRegex}).
 *
 * <p>The budget counts work, not time, on purpose: a clock would stop the same pattern on the same
 * sentence on a busy machine and not on an idle one, and results must never depend on load. An
 * ordinary pattern reads a few thousand tokens at most on the longest sentence the analyzer passes on.
 */
final class BoundedTokens extends AbstractList<CoreLabel> implements RandomAccess {
    private final List<CoreLabel> tokens;
    private final StepBudget budget;

    /** With a budget of its own of {@code limit} steps. */
    BoundedTokens(List<CoreLabel> tokens, long limit) {
        this(tokens, new StepBudget(limit));
    }

    BoundedTokens(List<CoreLabel> tokens, StepBudget budget) {
        this.tokens = tokens;
        this.budget = budget;
    }

    @Override
    public CoreLabel get(int index) {
        budget.step();
        return tokens.get(index);
    }

    @Override
    public int size() {
        return tokens.size();
    }
}
