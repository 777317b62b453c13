package io.github.changetalk.bench;

import io.github.changetalk.Classifier;
import io.github.changetalk.RuleInfo;
import io.github.changetalk.Speaker;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.startup.Startup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks and prints the report: end to end against the bare CoreNLP pipeline, thread
 * scaling, and optionally the matching cost of synthetic packs. Used by {@code changetalk bench}.
 */
public final class Bench {
    private Bench() {
    }

    /**
     * @param threads  worker threads for the comparison
     * @param passes   timed passes per configuration (the median counts)
     * @param warmup   utterances classified before timing
     * @param scaling  also time changetalk on one thread, for the scaling ratio
     * @param ungated  also time changetalk with trigger gating off
     * @param matchCostSizes synthetic pack sizes for the matching-cost table (empty: skip it)
     * @param rules    extra pack files; {@code onlyThese} drops the default packs
     * @param counselor also time whole sessions with and without counselor coding, when the input is a CSV
     *                 transcript with counselor turns ({@code speaker} and {@code session} columns)
     */
    public record Options(Path file, int threads, int passes, int warmup, boolean scaling, boolean ungated,
                          int[] matchCostSizes, List<Path> rules, boolean onlyThese, boolean counselor) {
    }

    public static void run(Options o, PrintWriter out) {
        List<String> utterances = BenchInput.clientUtterances(o.file());
        if (utterances.isEmpty()) {
            throw new IllegalArgumentException(o.file() + ": no client utterances to measure");
        }
        int warmup = Math.min(o.warmup(), utterances.size());
        out.printf(Locale.ROOT, "input: %s, %,d client utterances; %d thread(s); warm-up %d utterances, then %d timed passes (median)%n",
                o.file(), utterances.size(), o.threads(), warmup, o.passes());
        out.printf(Locale.ROOT, "JVM: %s, %d cores, max heap %d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.flush();

        Classifier classifier = builder(o).build();
        List<RuleInfo> rules = classifier.rules();
        long dependencyRules = rules.stream().filter(RuleInfo::usesDependencies).count();
        out.printf(Locale.ROOT, "rules: %d loaded, %d with dependency patterns%n", rules.size(), dependencyRules);
        classifier.explain("I want to quit."); // waits for the parser when a rule needs it, so it is counted
        long changetalkHeap = EndToEnd.liveHeap();
        out.printf(Locale.ROOT, "live heap after loading changetalk: %,d MB%n", changetalkHeap >> 20);
        EndToEnd.HeapWatch heap = new EndToEnd.HeapWatch();
        List<EndToEnd.Config<String>> configs = new ArrayList<>();
        configs.add(EndToEnd.bare(EndToEnd.barePipeline(), o.threads()));
        configs.add(EndToEnd.changetalk("changetalk end to end", classifier, o.threads()));
        boolean scaling = o.scaling() && o.threads() > 1;
        if (scaling) {
            configs.add(EndToEnd.changetalk("changetalk end to end", classifier, 1));
        }
        if (o.ungated()) {
            Classifier ungated = Startup.DEFAULT.withoutTriggerGating().during(() -> builder(o).build());
            configs.add(EndToEnd.changetalk("changetalk, gating off", ungated, o.threads()));
        }
        out.printf(Locale.ROOT, "timing %d configurations in interleaved passes...%n", configs.size());
        out.flush();
        List<EndToEnd.Phase> phases = EndToEnd.run(utterances, configs, warmup, o.passes());
        long peak = heap.stop();
        for (EndToEnd.Phase p : phases) {
            print(out, p);
        }
        EndToEnd.Phase bare = phases.get(0);
        EndToEnd.Phase main = phases.get(1);
        EndToEnd.Phase one = scaling ? phases.get(2) : null;
        EndToEnd.Phase ungated = o.ungated() ? phases.get(phases.size() - 1) : null;

        out.println();
        out.printf(Locale.ROOT, "throughput ratio changetalk / CoreNLP parse-everything (%d threads): %.2fx%n",
                o.threads(), main.utterancesPerSecond() / bare.utterancesPerSecond());
        out.printf(Locale.ROOT, "sentences parsed by changetalk: %.1f%% (%,d of %,d in the last pass)%n",
                100 * main.parsedShare(), main.parsed(), main.sentences());
        out.printf(Locale.ROOT, "rule matching: %.1f%% of end-to-end time (%d threads)%s; tagging and parsing: %.1f%%%n",
                100 * main.matchShare(), o.threads(),
                one == null ? "" : String.format(Locale.ROOT, ", %.1f%% (1 thread)", 100 * one.matchShare()),
                100 * main.nlpShare());
        if (one != null) {
            out.printf(Locale.ROOT, "thread scaling, changetalk: %d threads / 1 thread = %.2fx%n", o.threads(),
                    main.utterancesPerSecond() / one.utterancesPerSecond());
        }
        if (ungated != null) {
            out.printf(Locale.ROOT, "trigger gating speed-up (gated / gating off): %.2fx%n",
                    main.utterancesPerSecond() / ungated.utterancesPerSecond());
        }
        out.printf(Locale.ROOT, "peak heap in use during timing (both pipelines loaded, garbage included): %,d MB%n", peak >> 20);
        out.flush();
        configs.clear();
        classifier = null;

        if (o.counselor()) {
            List<BenchInput.Session> sessions = BenchInput.sessions(o.file());
            if (!sessions.isEmpty()) {
                counselorCost(o, sessions, out);
            }
        }

        if (o.matchCostSizes().length > 0) {
            out.println();
            out.println("rule matching alone, synthetic packs (sentences pre-parsed; per sentence, 1 thread):");
            out.println("  rules   candidates/sentence   gated µs   every rule µs   ratio");
            out.flush();
            Analyzer analyzer = Analyzer.load(Analyzer.Options.DEFAULTS);
            List<String> sample = utterances.subList(0, Math.min(1000, utterances.size()));
            for (MatchCost.Row r : MatchCost.run(analyzer, sample, o.matchCostSizes(), 2.0)) {
                out.printf(Locale.ROOT, "  %5d   %19.1f   %8.1f   %13.1f   %5.1fx%n", r.rules(), r.candidatesPerSentence(),
                        r.gatedMicros(), r.ungatedMicros(), r.ungatedMicros() / r.gatedMicros());
                out.flush();
            }
        }
    }

    /**
     * What coding counselor turns costs end to end: whole sessions classified ({@link Classifier#classifyTranscript},
     * sessions spread over the threads) by the classifier as loaded and by the same with its counselor rules
     * disabled (client labels are the same; counselor turns are then left uncoded), timed in interleaved
     * passes in one run, and the ratio of their median times.
     */
    private static void counselorCost(Options o, List<BenchInput.Session> sessions, PrintWriter out) {
        Classifier with = builder(o).build();
        List<String> counselorRules = with.rules().stream().filter(r -> r.speaker() == Speaker.COUNSELOR)
                .map(RuleInfo::id).toList();
        out.println();
        if (counselorRules.isEmpty()) {
            out.println("counselor coding: no counselor rules are loaded; not measured");
            out.flush();
            return;
        }
        Classifier without = builder(o).disable(counselorRules).build();
        long turns = sessions.stream().mapToLong(s -> s.turns().size()).sum();
        long counselorTurns = sessions.stream().flatMap(s -> s.turns().stream())
                .filter(t -> t.speaker() == Speaker.COUNSELOR).count();
        // Warm up on about as many turns as the utterance benchmark warms up on, in whole sessions.
        int warm = (int) Math.min(sessions.size(), Math.max(1, o.warmup() * sessions.size() / Math.max(1, turns)));
        out.printf(Locale.ROOT, "counselor coding: %d sessions, %,d turns (%,d counselor turns), %d counselor rules;"
                + " warm-up %d sessions, %d timed passes each, interleaved%n", sessions.size(), turns, counselorTurns,
                counselorRules.size(), warm, o.passes());
        out.flush();
        List<EndToEnd.Phase> phases = EndToEnd.run(sessions, List.of(
                new EndToEnd.Config<>("sessions, counselor coding", o.threads(),
                        s -> with.classifyTranscript(s.turns(), with.resolveTarget(s.topic())), false),
                new EndToEnd.Config<>("sessions, counselor rules off", o.threads(),
                        s -> without.classifyTranscript(s.turns(), without.resolveTarget(s.topic())), false)),
                warm, o.passes());
        double turnsPerSession = (double) turns / sessions.size();
        for (EndToEnd.Phase p : phases) {
            StringBuilder passes = new StringBuilder();
            for (double r : p.passRates()) {
                passes.append(passes.length() == 0 ? "" : " ").append(Math.round(r * turnsPerSession));
            }
            out.printf(Locale.ROOT, "%-32s %d thread(s): %,8.0f turns/s  (passes: %s)%n", p.name(), p.threads(),
                    p.utterancesPerSecond() * turnsPerSession, passes);
        }
        out.printf(Locale.ROOT, "counselor coding cost: time with / without counselor coding = %.2fx (%d threads, median passes)%n",
                phases.get(1).utterancesPerSecond() / phases.get(0).utterancesPerSecond(), o.threads());
        out.flush();
    }

    private static Classifier.Builder builder(Options o) {
        Classifier.Builder b = Classifier.builder();
        if (o.onlyThese()) {
            b.noDefaultRules();
        }
        for (Path p : o.rules()) {
            b.addRules(p);
        }
        return b;
    }

    private static void print(PrintWriter out, EndToEnd.Phase p) {
        StringBuilder passes = new StringBuilder();
        for (double r : p.passRates()) {
            passes.append(passes.length() == 0 ? "" : " ").append(Math.round(r));
        }
        out.printf(Locale.ROOT, "%-32s %d thread(s): %,8.0f utterances/s  (passes: %s)%n",
                p.name(), p.threads(), p.utterancesPerSecond(), passes);
        out.flush();
    }

    /** For use before the CLI has a bench subcommand: {@code Bench FILE [THREADS] [--match-cost] [--no-counselor]}. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        boolean matchCost = List.of(args).contains("--match-cost");
        List<Path> rules = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--rules=")) {
                rules.add(Path.of(a.substring(8)));
            }
        }
        PrintWriter out = new PrintWriter(System.out, true);
        run(new Options(file, threads, 3, 500, true, List.of(args).contains("--ungated"),
                matchCost ? new int[] {100, 300, 1000} : new int[0], rules, List.of(args).contains("--only"),
                !List.of(args).contains("--no-counselor")), out);
    }
}
