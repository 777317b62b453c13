package io.github.changetalk.bench;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.github.changetalk.Classifier;
import io.github.changetalk.Utterance;
import io.github.changetalk.internal.nlp.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The end-to-end benchmark: on the same utterances, in one JVM, (a) the stock CoreNLP pipeline parsing
 * every sentence (tokenize, ssplit, pos, lemma, depparse; one shared {@link StanfordCoreNLP}, each
 * utterance its own {@link Annotation}), and (b) changetalk classifying every utterance. All
 * configurations are warmed up, then timed in interleaved rounds (a, b, c, then c, b, a, ...) so that a
 * change in machine load hits them alike; the median pass of each counts.
 */
public final class EndToEnd {
    private EndToEnd() {
    }

    /** One measured configuration: utterances/s per pass, and for changetalk the instrumentation of its last pass. */
    public record Phase(String name, int threads, double utterancesPerSecond, double[] passRates,
                        long sentences, long parsed, double matchShare, double nlpShare) {
        public double parsedShare() {
            return sentences == 0 ? Double.NaN : (double) parsed / sentences;
        }
    }

    /**
     * A configuration to time: a name, its thread count, the work per item (an utterance, or a whole session),
     * whether it is changetalk.
     */
    public record Config<T>(String name, int threads, Consumer<T> task, boolean instrumented) {
    }

    public static StanfordCoreNLP barePipeline() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,depparse");
        props.setProperty("tokenize.language", "en");
        return new StanfordCoreNLP(props);
    }

    public static Config<String> bare(StanfordCoreNLP pipeline, int threads) {
        return new Config<>("CoreNLP, parse every sentence", threads, u -> pipeline.annotate(new Annotation(u)), false);
    }

    public static Config<String> changetalk(String name, Classifier classifier, int threads) {
        return new Config<>(name, threads, u -> classifier.classify(Utterance.of(u)), true);
    }

    /**
     * Warms every configuration up on the first {@code warmup} items, then runs {@code passes} rounds of one
     * timed pass each; a phase's rate is items per second.
     */
    public static <T> List<Phase> run(List<T> utterances, List<Config<T>> configs, int warmup, int passes) {
        List<T> warm = utterances.subList(0, Math.min(warmup, utterances.size()));
        Map<Config<T>, double[]> rates = new LinkedHashMap<>();
        Map<Config<T>, Instrumentation.Counts> counts = new LinkedHashMap<>();
        Map<Config<T>, Double> lastPassSeconds = new LinkedHashMap<>();
        for (Config<T> c : configs) {
            runAll(c, warm);
            rates.put(c, new double[passes]);
        }
        for (int p = 0; p < passes; p++) {
            // Every other round runs the configurations in reverse order, so that none always runs
            // right after the same neighbour (machine drift, JIT warming within a round cancel out).
            List<Config<T>> order = new ArrayList<>(configs);
            if (p % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Config<T> c : order) {
                Instrumentation.reset();
                Instrumentation.enable(c.instrumented());
                long t0 = System.nanoTime();
                try {
                    runAll(c, utterances);
                } finally {
                    Instrumentation.enable(false);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                rates.get(c)[p] = utterances.size() / seconds;
                counts.put(c, Instrumentation.counts());
                lastPassSeconds.put(c, seconds);
            }
        }
        List<Phase> out = new ArrayList<>();
        for (Config<T> c : configs) {
            Instrumentation.Counts k = counts.get(c);
            double threadNanos = lastPassSeconds.get(c) * 1e9 * c.threads();
            out.add(new Phase(c.name(), c.threads(), median(rates.get(c)), rates.get(c), k.sentences(), k.parsed(),
                    c.instrumented() ? k.matchNanos() / threadNanos : Double.NaN,
                    c.instrumented() ? k.nlpNanos() / threadNanos : Double.NaN));
        }
        return out;
    }

    private static <T> void runAll(Config<T> c, List<T> utterances) {
        ExecutorService pool = Executors.newFixedThreadPool(c.threads(), r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < c.threads(); t++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < utterances.size(); ) {
                        c.task().accept(utterances.get(i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("benchmark task failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Heap in use after a full collection: what the loaded models and rules retain. */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples used heap every 10 ms; the peak includes garbage not yet collected. */
    static final class HeapWatch {
        private final Thread thread;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        HeapWatch() {
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
            thread.start();
        }

        long stop() {
            running = false;
            thread.interrupt();
            return peak.get();
        }
    }
}
