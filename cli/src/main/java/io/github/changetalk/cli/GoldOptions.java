package io.github.changetalk.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The coded files a command scores or fits on, and the column holding their gold label: shared by
 * {@code eval}, {@code rules stats} and {@code train}, which read gold files the same way.
 */
final class GoldOptions {
    @Option(names = "--gold", paramLabel = "FILE", required = true, arity = "1..*",
            description = "Coded files: CSV, TSV or JSON Lines, read as classify reads them (transcripts keep their "
                    + "context: speaker, session and topic columns are used).")
    List<String> files = new ArrayList<>();

    @Option(names = "--gold-column", paramLabel = "NAME", defaultValue = "label",
            description = "The column holding the gold label: nine labels or change/sustain/neutral (default: ${DEFAULT-VALUE}).")
    String column;
}
