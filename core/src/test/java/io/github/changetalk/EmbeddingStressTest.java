package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A server-style load: 16 threads share one Classifier for 100,000 calls (override with
 * {@code -Dchangetalk.stress.calls=N}) on short utterances from testdata, and every result equals the
 * one-thread result for the same text. Then a thread interrupted mid-call stops with a
 * CancellationException and the classifier keeps working.
 */
class EmbeddingStressTest {
    private static final int THREADS = 16;
    private static final int CALLS = Integer.getInteger("changetalk.stress.calls", 100_000);

    /** Short client utterances (one clause or so): the bulk of real sessions, and cheap enough for 100,000 calls. */
    private static List<String> shortUtterances() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String u : TestCorpus.utterances()) {
            if (!u.isBlank() && u.length() <= 60) {
                out.add(u);
            }
        }
        return new ArrayList<>(out);
    }

    @Test
    void sixteenThreadsHundredThousandCallsMatchOneThread() throws Exception {
        Classifier classifier = SharedClassifier.get();
        List<String> inputs = shortUtterances();
        assertThat(inputs).hasSizeGreaterThan(200);
        Map<String, UtteranceResult> expected = new HashMap<>();
        for (String text : inputs) {
            expected.put(text, classifier.classify(text));
        }
        assertThat(expected.values()).anySatisfy(r -> assertThat(r.label()).isNotEqualTo(Label.NEUTRAL));

        AtomicInteger next = new AtomicInteger();
        AtomicInteger mismatches = new AtomicInteger();
        AtomicReference<String> firstMismatch = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < CALLS; ) {
                        // A stride co-prime with the list size mixes neighbouring texts across threads.
                        String text = inputs.get((int) ((i * 7919L) % inputs.size()));
                        UtteranceResult r = classifier.classify(text);
                        if (!r.equals(expected.get(text))) {
                            mismatches.incrementAndGet();
                            firstMismatch.compareAndSet(null, text);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("EmbeddingStressTest: %,d calls on %d threads over %d distinct texts in %.1f s (%.0f calls/s)%n",
                CALLS, THREADS, inputs.size(), took.toMillis() / 1000.0, CALLS * 1e9 / took.toNanos());
        assertThat(next.get()).isGreaterThanOrEqualTo(CALLS);
        assertThat(mismatches.get()).as("results differing from one thread, first: %s", firstMismatch.get()).isZero();
    }

    @Test
    void anInterruptedCallStopsCleanlyAndTheClassifierKeepsWorking() throws Exception {
        Classifier classifier = SharedClassifier.get();
        UtteranceResult before = classifier.classify("I really want to cut down.");
        // About 20,000 tokens with no punctuation: seconds of tagging and matching, long enough to interrupt.
        String huge = "i want to cut down and then maybe stop drinking ".repeat(2_000);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            started.countDown();
            try {
                classifier.classify(huge);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        worker.start();
        started.await();
        Thread.sleep(300);
        long interruptedAt = System.nanoTime();
        worker.interrupt();
        Throwable thrown = outcome.get(30, TimeUnit.SECONDS);
        Duration stopDelay = Duration.ofNanos(System.nanoTime() - interruptedAt);
        worker.join();
        assertThat(thrown).isInstanceOf(CancellationException.class);
        assertThat(stopDelay).as("stops promptly after the interrupt").isLessThan(Duration.ofSeconds(5));
        // The classifier is unharmed: same answer as before, from this thread and from a fresh one.
        assertThat(classifier.classify("I really want to cut down.")).isEqualTo(before);
        assertThat(CompletableFuture.supplyAsync(() -> classifier.classify("I really want to cut down.")).get())
                .isEqualTo(before);
    }

    @Test
    void aCallOnAnAlreadyInterruptedThreadIsCancelledAndLeavesTheFlagSet() {
        Classifier classifier = SharedClassifier.get();
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> classifier.classify("I want to quit."))
                    .isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(classifier.classify("I want to quit.").label()).isEqualTo(Label.DESIRE);
    }
}
