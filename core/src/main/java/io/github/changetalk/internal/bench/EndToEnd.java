package io.github.changetalk.internal.bench;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.github.changetalk.Classifier;
import io.github.changetalk.Utterance;
import io.github.changetalk.internal.nlp.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The end-to-end benchmark: on the same utterances and thread count, in one JVM, (a) the stock CoreNLP
 * pipeline parsing every sentence (tokenize, ssplit, pos, lemma, depparse, one shared
 * {@link StanfordCoreNLP}, each utterance its own {@link Annotation}), and (b) changetalk classifying
 * every utterance. Each is warmed up, then timed over several passes; the median pass counts.
 */
public final class EndToEnd {
    private EndToEnd() {
    }

    /** One measured configuration. */
    public record Phase(String name, int threads, double utterancesPerSecond, double[] passRates, long peakHeapBytes,
                        long sentences, long parsed, double matchShare) {
        public double parsedShare() {
            return sentences == 0 ? Double.NaN : (double) parsed / sentences;
        }
    }

    /** Work on one utterance, shared by all threads. */
    private interface Task extends Consumer<String> {
    }

    public static Phase bare(List<String> utterances, int threads, int warmup, int passes) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,depparse");
        props.setProperty("tokenize.language", "en");
        HeapWatch heap = HeapWatch.start();
        StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
        Task task = u -> pipeline.annotate(new Annotation(u));
        double[] rates = timePasses(utterances, threads, warmup, passes, task, () -> { });
        return new Phase("CoreNLP, parse every sentence", threads, median(rates), rates, heap.stop(), 0, 0, Double.NaN);
    }

    /** @param classifier a built classifier (its load is not timed) */
    public static Phase changetalk(String name, Classifier classifier, List<String> utterances, int threads,
                                   int warmup, int passes) {
        HeapWatch heap = HeapWatch.start();
        Task task = u -> classifier.classify(Utterance.of(u));
        Instrumentation.enable(true);
        try {
            double[] rates = timePasses(utterances, threads, warmup, passes, task, Instrumentation::reset);
            Instrumentation.Counts c = Instrumentation.counts();
            // Matching share of the last pass: matcher time over the time the threads spent classifying.
            double passSeconds = utterances.size() / rates[rates.length - 1];
            double share = c.matchNanos() / (passSeconds * 1e9 * threads);
            return new Phase(name, threads, median(rates), rates, heap.stop(), c.sentences(), c.parsed(), share);
        } finally {
            Instrumentation.enable(false);
        }
    }

    /** Warms up on the first {@code warmup} utterances, then times {@code passes} passes; {@code beforePass} runs before each. */
    private static double[] timePasses(List<String> utterances, int threads, int warmup, int passes, Task task,
                                       Runnable beforePass) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            runAll(pool, threads, utterances.subList(0, Math.min(warmup, utterances.size())), task);
            double[] rates = new double[passes];
            for (int p = 0; p < passes; p++) {
                beforePass.run();
                long t0 = System.nanoTime();
                runAll(pool, threads, utterances, task);
                rates[p] = utterances.size() / ((System.nanoTime() - t0) / 1e9);
            }
            return rates;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runAll(ExecutorService pool, int threads, List<String> utterances, Task task) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < utterances.size(); ) {
                    task.accept(utterances.get(i));
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("benchmark interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("benchmark task failed: " + e.getCause(), e.getCause());
            }
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Samples used heap every 10 ms: the peak includes garbage not yet collected, as the OS sees it. */
    static final class HeapWatch {
        private final Thread thread;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        private HeapWatch() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-watch");
            thread.setDaemon(true);
        }

        static HeapWatch start() {
            System.gc();
            HeapWatch w = new HeapWatch();
            w.thread.start();
            return w;
        }

        long stop() {
            running = false;
            thread.interrupt();
            return peak.get();
        }
    }
}
