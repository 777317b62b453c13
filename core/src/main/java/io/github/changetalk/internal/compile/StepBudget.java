package io.github.changetalk.internal.compile;

import java.util.concurrent.CancellationException;

/**
 * The work one pattern may do on one sentence, counted in steps: a token read by TokensRegex
 * ({@link BoundedTokens}), a character read by a word regex inside a token test ({@link BudgetedRegex}),
 * or a node or edge handed to a dependency pattern's search ({@link BoundedGraph}).
 * Once the budget is spent the match is stopped with a {@link MatchLimitException}; every 64 steps the
 * thread's interrupt flag is checked, so that an interrupted call stops inside a runaway regex too.
 *
 * <p>Why both kinds of step share one budget: a token test with stacked repeats
 * ({@code /a{0,64}a{0,64}.../}) can backtrack for minutes on one 128-character word while reading a
 * single token; counting only tokens left it unbounded. The budget counts work, not time, so results
 * never depend on load.
 *
 * <p>The budget of the pattern being matched is the thread's {@linkplain #current current} one while
 * {@link #open} is in force: token tests are TokensRegex's own node objects, called from deep inside its
 * matcher, and this is how they find it. Not thread-safe: one instance belongs to one match on one thread.
 */
public final class StepBudget {
    /** The budget of a regex run outside any pattern match (tests calling TokensRegex directly): the default match step limit. */
    static final long UNSCOPED_LIMIT = 2_000_000L;

    private static final ThreadLocal<StepBudget> CURRENT = new ThreadLocal<>();

    private final long limit;
    private long used;

    public StepBudget(long limit) {
        this.limit = limit;
    }

    /** Takes one step; throws once the budget is spent, or when the thread has been interrupted. */
    public void step() {
        if (++used > limit) {
            throw new MatchLimitException();
        }
        if ((used & 63) == 0 && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("classification interrupted");
        }
    }

    /**
     * Takes one step and checks the interrupt flag now: for steps that may each be costly (a dependency
     * pattern tests a node's attributes, word regexes included, for every node it is handed).
     */
    public void visit() {
        step();
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("classification interrupted");
        }
    }

    /** The budget of the match running on this thread, or a fresh one of {@link #UNSCOPED_LIMIT} steps. */
    static StepBudget current() {
        StepBudget b = CURRENT.get();
        return b != null ? b : new StepBudget(UNSCOPED_LIMIT);
    }

    /** Makes this the thread's current budget until the returned scope is closed (scopes nest). */
    public Scope open() {
        StepBudget outer = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    /** An open budget; closing it restores the thread's previous one. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
