package io.github.changetalk.cli.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads records one at a time, never the whole input. A record that cannot be read comes back as an
 * error record (so the caller decides whether to stop or go on); a problem with the input as a whole
 * (such as a CSV without the text column) is thrown as a {@link io.github.changetalk.cli.CliException}.
 */
public interface RecordSource extends Closeable {
    /** The next record, or null at the end. */
    InputRecord next() throws IOException;
}
