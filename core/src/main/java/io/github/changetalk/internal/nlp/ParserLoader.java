package io.github.changetalk.internal.nlp;

import edu.stanford.nlp.parser.nndep.DependencyParser;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the neural dependency parser, at most once per {@link Analyzer}, optionally in the background
 * so that tokenizing and tagging the first sentence overlaps with the ~2 s load.
 */
final class ParserLoader {
    private static final AtomicInteger LOADS = new AtomicInteger();

    private final CompletableFuture<DependencyParser> future;

    private ParserLoader(CompletableFuture<DependencyParser> future) {
        this.future = future;
    }

    /** Starts loading now on a daemon thread. */
    static ParserLoader startInBackground(int numPreComputed) {
        CompletableFuture<DependencyParser> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(load(numPreComputed));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "changetalk-parser-load");
        t.setDaemon(true);
        t.start();
        return new ParserLoader(f);
    }

    private static DependencyParser load(int numPreComputed) {
        Properties props = new Properties();
        if (numPreComputed >= 0) {
            props.setProperty("numPreComputed", Integer.toString(numPreComputed));
        }
        LOADS.incrementAndGet();
        return DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL, props);
    }

    /** Waits for the parser. */
    DependencyParser get() {
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
