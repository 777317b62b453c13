package io.github.changetalk.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Word regexes inside token tests are bounded at run time whatever the load-time checks let through:
 * here patterns that {@link PatternGuard} would refuse are parsed directly (as a gap in the guard
 * would let them through), and still cannot run past the step budget or ignore an interrupt.
 */
class BudgetedRegexTest {
    /** Eight stacked repeats: minutes of backtracking on one long word of a's without the budget. */
    private static final String STACKED = "[{word:/(?i)a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}b/}]";

    private static List<CoreLabel> words(String... words) {
        List<CoreLabel> out = new ArrayList<>();
        for (String w : words) {
            CoreLabel t = new CoreLabel();
            t.setWord(w);
            t.setValue(w);
            t.setLemma(w);
            t.setTag("NN");
            out.add(t);
        }
        return out;
    }

    private static TokenSequencePattern parse(String pattern) {
        return LazyTokenPattern.parse(TokenSequencePattern.getNewEnv(), pattern).get();
    }

    private static boolean find(TokenSequencePattern p, List<CoreLabel> tokens, long limit) {
        StepBudget budget = new StepBudget(limit);
        try (StepBudget.Scope scope = budget.open()) {
            return p.getMatcher(new BoundedTokens(tokens, budget)).find();
        }
    }

    @Test
    void theSameVerdictsAsThePlainRegex() {
        TokenSequencePattern p = parse("[{word:/(?i)wan(t|na)|wish/}] [{lemma:/to/}]?");
        assertThat(find(p, words("I", "Want", "to"), 1_000)).isTrue();
        assertThat(find(p, words("I", "wanted"), 1_000)).isFalse();
        assertThat(find(p, words("we", "wish"), 1_000)).isTrue();
    }

    @Test
    void aBacktrackingWordRegexIsStoppedByTheStepBudget() {
        TokenSequencePattern p = parse(STACKED);
        long start = System.nanoTime();
        assertThatThrownBy(() -> find(p, words("so", "a".repeat(128), "then"), 100_000))
                .isInstanceOf(MatchLimitException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // Outside any match, a regex run still has a budget of its own (the default limit).
        assertThatThrownBy(() -> p.getMatcher(words("a".repeat(128))).find()).isInstanceOf(MatchLimitException.class);
    }

    @Test
    void anInterruptStopsARegexThatTheBudgetWouldLetRunForMinutes() throws InterruptedException {
        TokenSequencePattern p = parse(STACKED);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                find(p, words("a".repeat(128)), Long.MAX_VALUE);
            } catch (Throwable e) {
                thrown.set(e);
            } finally {
                done.countDown();
            }
        });
        t.setDaemon(true);
        t.start();
        started.await();
        assertThat(done.await(300, TimeUnit.MILLISECONDS)).as("still backtracking").isFalse();
        t.interrupt();
        assertThat(done.await(1, TimeUnit.SECONDS)).as("stopped within a second of the interrupt").isTrue();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    void regexesInNegatedConjoinedAndMultiTokenTestsAreBudgetedToo() {
        for (String pattern : List.of("[!{word:/(?i)a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}b/}]",
                "[{tag:NN} & {word:/(?i)a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}b/}]",
                "[{tag:VB} | {word:/(?i)a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}b/}]",
                "(?m){1,3} /(?i)a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}b/")) {
            TokenSequencePattern p = parse(pattern);
            assertThatThrownBy(() -> find(p, words("a".repeat(100), "a".repeat(100)), 200_000)).as(pattern)
                    .isInstanceOf(MatchLimitException.class);
        }
    }
}
