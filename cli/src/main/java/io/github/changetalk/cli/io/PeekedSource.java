package io.github.changetalk.cli.io;

import java.io.IOException;

/**
 * A record source whose first record has been read ahead: {@link #next} hands it back first (or throws
 * what reading it threw, at the same point as without the read-ahead), then goes on with the source.
 * Lets the caller look at the first record, to prepare for it, without losing or reordering anything.
 */
public final class PeekedSource implements RecordSource {
    private final RecordSource source;
    private InputRecord first;
    private Exception failure; // an IOException or a RuntimeException (a CliException about the input)
    private boolean handedBack;

    private PeekedSource(RecordSource source) {
        this.source = source;
        try {
            first = source.next();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    /** Reads the first record of {@code source} now. */
    public static PeekedSource of(RecordSource source) {
        return new PeekedSource(source);
    }

    /** The first record's text, or null (no record, a record that could not be read, or one without text). */
    public String firstText() {
        return first == null ? null : first.text();
    }

    @Override
    public InputRecord next() throws IOException {
        if (!handedBack) {
            handedBack = true;
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            InputRecord r = first;
            first = null;
            return r;
        }
        return source.next();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
