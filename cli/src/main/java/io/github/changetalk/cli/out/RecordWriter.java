package io.github.changetalk.cli.out;

import io.github.changetalk.cli.run.Processed;

/** Writes processed records, one output record per input record, in the order given. */
public interface RecordWriter {
    void write(Processed record);

    /** Ends the output (closes a JSON array...). Does not close the underlying writer. */
    default void finish() {
    }
}
