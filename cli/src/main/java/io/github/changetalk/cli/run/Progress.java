package io.github.changetalk.cli.run;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress report on stderr (records, records per second, and, when the input size is
 * known, percent done and time left, estimated from the bytes read so far), redrawn at most five times a second
 * and erased at the end. Only used when stderr is a terminal and the input is files.
 */
public final class Progress {
    private final PrintWriter err;
    private final LongSupplier bytesRead;
    private final LongSupplier recordsRead;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    public Progress(PrintWriter err, LongSupplier bytesRead, LongSupplier recordsRead, long totalBytes) {
        this.err = err;
        this.bytesRead = bytesRead;
        this.recordsRead = recordsRead;
        this.totalBytes = totalBytes;
    }

    public void update(long records) {
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        StringBuilder b = new StringBuilder("\r\u001b[K").append(String.format("%,d records  %,.0f/s", records, records / seconds));
        if (totalBytes > 0) {
            // The reader runs ahead of the writer by the records in flight (and its buffer): scale the
            // fraction of bytes read by the fraction of read records already written.
            double read = Math.min(1.0, bytesRead.getAsLong() / (double) totalBytes);
            double done = read * Math.min(1.0, records / (double) Math.max(1, recordsRead.getAsLong()));
            b.append(String.format("  %3.0f%%", done * 100));
            if (done > 0.01) {
                long left = Math.round(seconds * (1 - done) / done);
                b.append(String.format("  ETA %d:%02d", left / 60, left % 60));
            }
        }
        err.print(b);
        err.flush();
        drawn = true;
    }

    public void finish() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
