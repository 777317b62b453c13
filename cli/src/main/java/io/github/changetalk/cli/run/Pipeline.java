package io.github.changetalk.cli.run;

import io.github.changetalk.Classifier;
import io.github.changetalk.ContextWindow;
import io.github.changetalk.Reading;
import io.github.changetalk.Utterance;
import io.github.changetalk.cli.CliException;
import io.github.changetalk.cli.io.InputRecord;
import io.github.changetalk.cli.io.RecordSource;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Classifies a stream of records on {@code threads} worker threads and hands the results to a sink
 * strictly in input order. The calling thread reads and submits; a writer thread takes the results in
 * order. At most {@code threads * 64} records, and at most about {@value #CHARS_IN_FLIGHT} characters of
 * utterance text, are in flight, so memory is bounded whatever the input's length and however long its
 * lines (without the character budget, 128 one-megabyte lines in flight overflowed a 256 MB heap). The sink is flushed whenever the writer has caught up with the reader, so a slow stream
 * ({@code tail -f}) gets each record as soon as it is done. A broken record stops the run
 * ({@code --on-error fail}: the records before it are all written) or is reported through {@code warn}
 * and handed on as an error record ({@code skip}). {@code trace} sees unexpected exceptions (for --debug).
 */
public final class Pipeline {
    /** What happened: records handed to the sink, of which errors, and the failure that stopped the run (or null). */
    public record Outcome(long records, long errors, CliException failure) {
    }

    private record Item(Future<Processed> result, CliException fatal) {
    }

    private static final Item END = new Item(null, null);

    /** Utterance characters read but not yet written; a permit is 1,024 characters. */
    static final int CHARS_IN_FLIGHT = 16 * 1024 * 1024;
    private static final int PERMITS = CHARS_IN_FLIGHT / 1024;

    private final Classifier classifier;
    private final int threads;
    private final boolean failOnError;
    private final String defaultTarget;
    private final Consumer<String> warn;
    private final Consumer<Throwable> trace;
    private final boolean readings;

    public Pipeline(Classifier classifier, int threads, boolean failOnError, String defaultTarget,
                    Consumer<String> warn, Consumer<Throwable> trace) {
        this(classifier, threads, failOnError, defaultTarget, warn, trace, false);
    }

    /**
     * As above; {@code readings}: keep each client record's {@link Processed#reading()} (the evidence weights'
     * features) even when the classifier has no weights. With weights, records are always read in parallel and
     * decided in order by the writer, which knows each session's previous client turn.
     */
    public Pipeline(Classifier classifier, int threads, boolean failOnError, String defaultTarget,
                    Consumer<String> warn, Consumer<Throwable> trace, boolean readings) {
        if (threads < 1) {
            throw new CliException(CliException.USAGE, "--threads must be at least 1, was " + threads);
        }
        this.classifier = classifier;
        this.threads = threads;
        this.failOnError = failOnError;
        this.defaultTarget = defaultTarget;
        this.warn = warn;
        this.trace = trace;
        this.readings = readings || classifier.weights() != null || classifier.counselorWeights() != null;
    }

    /** {@code sink} gets each record in order; {@code flush} is called when the writer has caught up. */
    public Outcome run(RecordSource source, Consumer<Processed> sink, Runnable flush) {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(threads * 64);
        AtomicInteger seq = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "changetalk-worker-" + seq.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Semaphore budget = new Semaphore(PERMITS);
        Writer writer = new Writer(queue, sink, flush, budget);
        Thread writerThread = new Thread(writer, "changetalk-writer");
        writerThread.setDaemon(true);
        writerThread.start();
        SessionContext context = new SessionContext(defaultTarget);
        try {
            while (writerThread.isAlive()) {
                InputRecord r = source.next();
                if (r == null) {
                    break;
                }
                acquire(budget, permits(r), writerThread);
                Future<Processed> f;
                if (r.isError()) {
                    f = CompletableFuture.completedFuture(new Processed(r, null, r.error()));
                } else {
                    Utterance u = context.next(r);
                    // A counselor turn is coded once; the client turn after it reads that coding. The client turn's
                    // task is handed to the pool only once the counselor turn's is done, so no worker sits waiting
                    // on another (with 2 threads, a waiting worker made each question and its answer take turns).
                    CompletableFuture<Processed> answered = context.answered(r, u);
                    CompletableFuture<Processed> own = answered == null
                            ? CompletableFuture.supplyAsync(() -> classify(r, u), workers)
                            : answered.handleAsync((p, failed) -> classify(r, withCoding(u, p)), workers);
                    context.submitted(r, own);
                    f = own;
                }
                put(queue, new Item(f, null), writerThread);
            }
        } catch (CliException e) {
            put(queue, new Item(null, e), writerThread);
        } catch (IOException | java.io.UncheckedIOException e) {
            put(queue, new Item(null, new CliException(CliException.FAILED, "cannot read input: " + e.getMessage(), e)), writerThread);
        } finally {
            put(queue, END, writerThread);
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.shutdownNow();
        }
        return new Outcome(writer.records, writer.errors, writer.failure);
    }

    /**
     * The utterance with the coding of the counselor turn it answers ({@code answered}, done; null when that
     * turn failed on its own record: this one then codes it afresh if it needs to) attached to its context.
     */
    private static Utterance withCoding(Utterance u, Processed answered) {
        return answered == null || answered.result() == null || answered.result().coding() == null ? u
                : u.withContext(ContextWindow.withCoding(u.context(), answered.result().coding()));
    }

    private Processed classify(InputRecord r, Utterance u) {
        try {
            if (readings) {
                Reading reading = classifier.read(u);
                return new Processed(r, reading.rules(), null, reading);
            }
            return new Processed(r, classifier.classify(u), null);
        } catch (RuntimeException e) {
            trace.accept(e);
            return new Processed(r, null, "classification failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ")));
        }
    }

    /** The share of the character budget a record holds until it is written (at least one permit). */
    static int permits(InputRecord r) {
        String text = r.text();
        return text == null ? 1 : (int) Math.min(PERMITS, 1 + text.length() / 1024L);
    }

    private static void acquire(Semaphore budget, int permits, Thread writer) {
        try {
            while (writer.isAlive() && !budget.tryAcquire(permits, 50, TimeUnit.MILLISECONDS)) {
                // records in flight hold too much text: wait for the writer to catch up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        }
    }

    private static void put(BlockingQueue<Item> queue, Item item, Thread writer) {
        try {
            while (writer.isAlive() && !queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                // the writer is busy: wait for room in the window
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        }
    }

    private final class Writer implements Runnable {
        private final BlockingQueue<Item> queue;
        private final Consumer<Processed> sink;
        private final Runnable flush;
        volatile long records;
        volatile long errors;
        volatile CliException failure;

        private final Semaphore budget;
        private final PreviousTurns previous = new PreviousTurns();

        Writer(BlockingQueue<Item> queue, Consumer<Processed> sink, Runnable flush, Semaphore budget) {
            this.budget = budget;
            this.queue = queue;
            this.sink = sink;
            this.flush = flush;
        }

        @Override
        public void run() {
            try {
                for (Item item; (item = queue.take()) != END; ) {
                    if (item.fatal() != null) {
                        failure = item.fatal();
                        break;
                    }
                    Processed p = item.result().get();
                    if (p.reading() != null) {
                        p = new Processed(p.input(), classifier.decide(p.reading(), previous.before(p.input())), null,
                                p.reading());
                        previous.record(p.input(), p.reading());
                    }
                    if (p.isError()) {
                        errors++;
                        String message = p.input().where() + ": " + p.error();
                        if (failOnError) {
                            failure = new CliException(CliException.FAILED, message + " (use --on-error skip to go on)");
                            break;
                        }
                        warn.accept(message + " (skipped: written as an error record)");
                    }
                    sink.accept(p);
                    budget.release(permits(p.input()));
                    records++;
                    if (queue.isEmpty() || records % 256 == 0) {
                        flush.run(); // caught up with the reader, or now and then to notice a closed output
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new CliException(CliException.FAILED, "interrupted");
            } catch (ExecutionException e) {
                failure = new CliException(CliException.FAILED, "classification failed: " + e.getCause(), e);
            } catch (CliException e) {
                failure = e;
            } catch (RuntimeException e) {
                trace.accept(e);
                failure = new CliException(CliException.FAILED, "cannot write output: " + e.getMessage(), e);
            } finally {
                try {
                    flush.run();
                } catch (CliException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        }
    }
}
