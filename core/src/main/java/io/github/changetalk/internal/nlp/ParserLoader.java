package io.github.changetalk.internal.nlp;

import edu.stanford.nlp.parser.nndep.DependencyParser;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the neural dependency parser at most once per {@link Analyzer}, on a background thread so
 * that the ~2 s load overlaps with loading the tagger and tagging the first sentence. The load starts
 * either at once ({@link #startInBackground}) or when first asked for ({@link #onDemand}): then an
 * input that never needs a parse never pays for it.
 */
public final class ParserLoader {
    private static final AtomicInteger LOADS = new AtomicInteger();

    private final CompletableFuture<DependencyParser> future = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final int numPreComputed;

    private ParserLoader(int numPreComputed) {
        this.numPreComputed = numPreComputed;
    }

    /** Starts loading now on a daemon thread. */
    static ParserLoader startInBackground(int numPreComputed) {
        ParserLoader loader = new ParserLoader(numPreComputed);
        loader.start();
        return loader;
    }

    /** Loads nothing until {@link #start()} or {@link #get()}. */
    static ParserLoader onDemand(int numPreComputed) {
        return new ParserLoader(numPreComputed);
    }

    /** Starts the background load unless it has started already; cheap to call again. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                future.complete(load(numPreComputed));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "changetalk-parser-load");
        t.setDaemon(true);
        t.start();
    }

    boolean started() {
        return started.get();
    }

    private static DependencyParser load(int numPreComputed) {
        Properties props = new Properties();
        if (numPreComputed >= 0) {
            props.setProperty("numPreComputed", Integer.toString(numPreComputed));
        }
        LOADS.incrementAndGet();
        return DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL, props);
    }

    /** Starts the load if needed and waits for the parser. */
    DependencyParser get() {
        start();
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("the dependency parser model could not be loaded: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** How many times any parser has been constructed in this JVM (for tests of parse gating). */
    static int loads() {
        return LOADS.get();
    }
}
