package io.github.changetalk.cli;

import io.github.changetalk.RulePackException;
import io.github.changetalk.bench.Bench;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code changetalk bench FILE}: measures, in one run on the same input and threads, the bare CoreNLP
 * pipeline parsing every sentence and changetalk end to end, and prints the ratio, the share of
 * sentences parsed, the share of time in rule matching, peak heap and thread scaling; on a CSV transcript with
 * counselor turns, also whole sessions with and without counselor coding, and the ratio of their times.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures throughput against the bare CoreNLP parse-everything pipeline.",
            "FILE is a CSV with a 'text' column (client rows only, by a 'speaker' column if present) or plain text, one utterance per line.",
            "Two pipelines are loaded in turn: the launcher gives the JVM 2 GB; for more, set CHANGETALK_JAVA_OPTS, e.g. CHANGETALK_JAVA_OPTS=-Xmx4g changetalk bench FILE."})
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Utterances to measure on.")
    private Path file;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the machine's cores).")
    private int threads = Math.min(InputOptions.MAX_THREADS, Runtime.getRuntime().availableProcessors());

    @Option(names = "--passes", paramLabel = "N", description = "Timed passes per configuration; the median counts (default: ${DEFAULT-VALUE}).")
    private int passes = 3;

    @Option(names = "--warmup", paramLabel = "N", description = "Utterances classified before timing (default: ${DEFAULT-VALUE}).")
    private int warmup = 500;

    @Option(names = "--no-scaling", negatable = false, description = "Skip the one-thread run (thread scaling).")
    private boolean noScaling;

    @Option(names = "--ungated", description = "Also time changetalk with trigger gating off (every rule tried, every sentence parsed).")
    private boolean ungated;

    @Option(names = "--match-cost", description = "Also time rule matching alone for synthetic packs of 100, 300 and 1,000 rules.")
    private boolean matchCost;

    @Option(names = "--no-counselor", negatable = false, description = {"Skip timing whole sessions with and without counselor coding",
        "(done when FILE is a CSV transcript with speaker and session columns and counselor turns)."})
    private boolean noCounselor;

    @Option(names = "--rules", paramLabel = "PACK", description = "Extra rule pack file (repeatable).")
    private List<Path> rules = new ArrayList<>();

    @Option(names = "--no-default-rules", description = "Load only the --rules packs.")
    private boolean noDefaultRules;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println("changetalk bench: cannot read " + file);
            return 2;
        }
        if (threads < 1 || threads > InputOptions.MAX_THREADS || passes < 1 || warmup < 0) {
            err.println("changetalk bench: --threads must be between 1 and " + InputOptions.MAX_THREADS
                    + ", --passes at least 1, --warmup at least 0");
            return 2;
        }
        try {
            Bench.run(new Bench.Options(file, threads, passes, warmup, !noScaling, ungated,
                    matchCost ? new int[] {100, 300, 1000} : new int[0], rules, noDefaultRules, !noCounselor), spec.commandLine().getOut());
            return 0;
        } catch (RulePackException | IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("changetalk bench: " + e.getMessage());
            return 2;
        }
    }
}
