package io.github.changetalk.cli;

import io.github.changetalk.Classifier;
import io.github.changetalk.cli.io.Inputs;
import io.github.changetalk.cli.io.PeekedSource;
import io.github.changetalk.cli.io.RecordSource;
import io.github.changetalk.cli.run.Pipeline;
import io.github.changetalk.cli.run.Processed;
import io.github.changetalk.cli.run.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Runs records from the named inputs through the classifier into a sink: what classify and eval share. */
final class Runner {
    /** Standard input for the commands; tests replace it. */
    static volatile InputStream stdin = System.in;

    private Runner() {
    }

    private static boolean available(InputStream in) {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false; // the read will report it
        }
    }

    static Pipeline.Outcome run(List<String> files, InputOptions in, ClassifierOptions rules, boolean debug,
                                PrintWriter out, PrintWriter err, Consumer<Processed> sink) {
        return run(files, in, rules, debug, out, err, c -> { }, sink);
    }

    /** As above; {@code built} is given the classifier once it is built, before the first record is classified. */
    static Pipeline.Outcome run(List<String> files, InputOptions in, ClassifierOptions rules, boolean debug,
                                PrintWriter out, PrintWriter err, Consumer<Classifier> built, Consumer<Processed> sink) {
        return run(files, in, rules, debug, out, err, built, sink, false);
    }

    /**
     * As above; {@code readings}: every client record keeps its reading (the evidence weights' features), for
     * commands that fit or score weights themselves ({@code eval --weights fit}, {@code train}).
     */
    static Pipeline.Outcome run(List<String> files, InputOptions in, ClassifierOptions rules, boolean debug,
                                PrintWriter out, PrintWriter err, Consumer<Classifier> built, Consumer<Processed> sink,
                                boolean readings) {
        InputOptions.checkThreads(in.threads); // before anything is read or loaded
        if (rules.fitWeights() && !readings) {
            throw new CliException(CliException.USAGE, "--weights fit is for eval --folds COLUMN only: give a weights file or none");
        }
        AtomicReference<Progress> shown = new AtomicReference<>(); // a warning goes above the progress bar
        Consumer<String> warn = m -> {
            Progress bar = shown.get();
            if (bar != null) {
                bar.above("changetalk: " + Main.oneLine(m));
                return;
            }
            err.println("changetalk: " + Main.oneLine(m));
            err.flush();
        };
        Consumer<Throwable> trace = t -> {
            if (debug) {
                StringWriter s = new StringWriter();
                t.printStackTrace(new PrintWriter(s));
                err.print(s);
                err.flush();
            }
        };
        Inputs inputs = Inputs.open(files, in.readOptions(), stdin, warn);
        if (inputs.readsStdin() && Terminal.stdinIsTerminal()) {
            // Someone is to type: say so, or a bare 'changetalk' looks like it hangs.
            warn.accept("reading utterances from the terminal, one per line; end with Ctrl-D (files: changetalk FILE..., see --help)");
        }
        // The first record is read before the models load, so that the classifier can start loading the
        // parser at once if that record will need it; not when it has yet to arrive on stdin (someone
        // typing, "tail -f"): then the models load while it is awaited.
        RecordSource source = inputs;
        String first = null;
        if (!inputs.readsStdin() || (!Terminal.stdinIsTerminal() && available(stdin))) {
            PeekedSource peeked = PeekedSource.of(inputs);
            source = peeked;
            first = peeked.firstText();
        }
        Classifier classifier = rules.build(first);
        if (in.target != null && classifier.resolveTarget(in.target) == null) {
            throw new CliException(CliException.USAGE, "--target: unknown target '" + in.target + "'"
                    + DidYouMean.hint(in.target, classifier.targets()) + " (known: " + String.join(", ", classifier.targets()) + ")");
        }
        built.accept(classifier);
        // Progress only where it cannot mix with the records: stderr a terminal, stdout not.
        Progress progress = !inputs.readsStdin() && Terminal.stderrIsTerminal() && !Terminal.stdoutIsTerminal()
                ? new Progress(err, Terminal.columns(), inputs::bytesRead, inputs::recordsRead, inputs.totalBytes()) : null;
        shown.set(progress);
        long[] done = {0};
        Consumer<Processed> counted = progress == null ? sink : p -> {
            sink.accept(p);
            progress.update(++done[0]);
        };
        Pipeline pipeline = new Pipeline(classifier, in.threads, in.onError == InputOptions.OnError.FAIL, in.target, warn, trace,
                readings);
        try {
            // checkError() flushes and reports output that cannot be written: stop reading rather than
            // classify the rest of the input for nobody (quietly when the reader went away, "| head").
            return pipeline.run(source, counted, () -> {
                if (LostOutput.failed(out)) {
                    throw LostOutput.stop(out);
                }
            });
        } finally {
            if (progress != null) {
                shown.set(null);
                progress.finish();
            }
            try {
                inputs.close();
            } catch (IOException e) {
                warn.accept("cannot close input: " + e.getMessage());
            }
        }
    }
}
