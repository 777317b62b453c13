package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One shared Classifier, eight threads, the same 2,000 utterances: the same results as one thread. */
class ClassifierConcurrencyTest {
    private static final int COUNT = 2_000;
    private static final int THREADS = 8;

    @Test
    void eightThreadsGiveExactlyTheSingleThreadResults() throws Exception {
        List<String> corpus = TestCorpus.utterances();
        assertThat(corpus).hasSizeGreaterThan(1_000);
        List<String> inputs = new ArrayList<>(COUNT);
        for (int i = 0; inputs.size() < COUNT; i++) {
            inputs.add(corpus.get(i % corpus.size()));
        }
        Classifier classifier = SharedClassifier.get();

        List<UtteranceResult> sequential = new ArrayList<>(COUNT);
        for (String text : inputs) {
            sequential.add(classifier.classify(text));
        }

        // Threads take the next index from a shared counter, so neighbouring utterances run at the same time.
        UtteranceResult[] concurrent = new UtteranceResult[COUNT];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < COUNT; ) {
                        concurrent[i] = classifier.classify(inputs.get(i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(List.of(concurrent)).containsExactlyElementsOf(sequential);
        assertThat(sequential).anySatisfy(r -> assertThat(r.label()).isNotEqualTo(Label.NEUTRAL));
    }
}
