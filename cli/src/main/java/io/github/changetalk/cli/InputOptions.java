package io.github.changetalk.cli;

import io.github.changetalk.cli.io.InputKind;
import io.github.changetalk.cli.io.ReadOptions;
import io.github.changetalk.cli.io.Speakers;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to read the inputs and run the classifier over them. */
public final class InputOptions {
    public enum OnError { FAIL, SKIP }

    @Option(names = "--input-kind", paramLabel = "KIND", defaultValue = "auto",
            description = "auto, text, transcript, csv, tsv or jsonl (default: ${DEFAULT-VALUE}: from the extension, else the first line).",
            converter = KindConverter.class)
    InputKind kind = InputKind.AUTO;

    @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text",
            description = "CSV/TSV column or JSON field holding the utterance (default: ${DEFAULT-VALUE}).")
    String textColumn = "text";

    @Option(names = "--speaker-column", paramLabel = "NAME", defaultValue = "speaker",
            description = "Column or field naming the speaker, used when present (default: ${DEFAULT-VALUE}).")
    String speakerColumn = "speaker";

    @Option(names = "--session-column", paramLabel = "NAME", defaultValue = "session",
            description = "Column or field naming the session; turns of one session are each other's context (default: ${DEFAULT-VALUE}; without it, the file).")
    String sessionColumn = "session";

    @Option(names = "--topic-column", paramLabel = "NAME", defaultValue = "topic",
            description = "Column or field naming the target behaviour, e.g. alcohol (default: ${DEFAULT-VALUE}).")
    String topicColumn = "topic";

    @Option(names = "--client-tags", paramLabel = "TAG", split = ",",
            description = "Speaker tags and values meaning the client (default: client,c,patient,pt).")
    List<String> clientTags = new ArrayList<>(Speakers.DEFAULT_CLIENT);

    @Option(names = "--counselor-tags", paramLabel = "TAG", split = ",",
            description = "Speaker tags and values meaning the counselor (default: counselor,counsellor,therapist,t,peer,peer supporter,peer worker,coach,interviewer,clinician,provider).")
    List<String> counselorTags = new ArrayList<>(Speakers.DEFAULT_COUNSELOR);

    @Option(names = "--target", paramLabel = "NAME",
            description = "Target behaviour (alcohol, smoking, ...) for records without a topic column or '# topic:' line.")
    String target;

    @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail", converter = OnErrorConverter.class,
            description = "A record that cannot be read or classified: fail stops with exit 1 (default); skip reports it on stderr and writes an error record in its place.")
    OnError onError = OnError.FAIL;

    /**
     * The most worker threads: each holds its sentences' analyses and a window of 64 records, so far more
     * threads than cores only costs memory (a hundred million of them ended in an OutOfMemoryError).
     */
    public static final int MAX_THREADS = 256;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, 1 to " + MAX_THREADS + " (default: the number of processors). Output order is always input order.")
    int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());

    /** A usage error unless {@code threads} is between 1 and {@link #MAX_THREADS}. */
    static void checkThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new CliException(CliException.USAGE, "--threads must be between 1 and " + MAX_THREADS + ", was " + threads);
        }
    }

    ReadOptions readOptions() {
        return new ReadOptions(kind, textColumn, speakerColumn, sessionColumn, topicColumn, new Speakers(clientTags, counselorTags));
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<InputKind> {
        @Override
        public InputKind convert(String value) {
            try {
                return InputKind.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected auto, text, transcript, csv, tsv or jsonl, not '" + value + "'");
            }
        }
    }

    static final class OnErrorConverter implements picocli.CommandLine.ITypeConverter<OnError> {
        @Override
        public OnError convert(String value) {
            try {
                return OnError.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected fail or skip, not '" + value + "'");
            }
        }
    }
}
