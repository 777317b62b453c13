package io.github.changetalk.cli.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr while files are read, drawn by the progressbar library (me.tongfei): percent,
 * a bar, the share of the input's bytes done, elapsed time and time left, then the records written.
 * The bar is redrawn on its own thread in place ({@code \r}, trimmed to the terminal's width) and
 * erased at the end, which leaves one line, {@code N records in T}. The command uses it only when
 * stderr is a terminal and stdout is not (progress drawn where the records are printed would mix
 * with them).
 */
public final class Progress {
    private final PrintWriter err;
    private final LongSupplier bytesRead;
    private final LongSupplier recordsRead;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private final ProgressBar bar;
    private final LineOnStderr line;
    private volatile long records;

    /** {@code columns}: the terminal's width; {@code totalBytes}: the input's size, or -1 when unknown. */
    public Progress(PrintWriter err, int columns, LongSupplier bytesRead, LongSupplier recordsRead, long totalBytes) {
        this.err = err;
        this.bytesRead = bytesRead;
        this.recordsRead = recordsRead;
        this.totalBytes = totalBytes;
        this.line = new LineOnStderr(err, columns);
        this.bar = new ProgressBarBuilder()
                .setTaskName("classify")
                .setInitialMax(totalBytes > 0 ? totalBytes : -1) // in bytes, shown in kB
                .setUnit(" kB", 1024)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(line)
                .clearDisplayOnFinish()
                .build();
    }

    /** {@code records} have been written. */
    public void update(long records) {
        this.records = records;
        if (totalBytes > 0) {
            // The reader runs ahead of the writer by the records in flight (and its buffer): scale the
            // bytes read by the share of the records read that are written.
            double written = Math.min(1.0, records / (double) Math.max(1, recordsRead.getAsLong()));
            bar.stepTo(Math.round(Math.min(totalBytes, bytesRead.getAsLong()) * written));
        }
        bar.setExtraMessage(String.format(Locale.ROOT, "%,d records", records));
    }

    /** Writes a message line (a warning) on a line of its own: the bar is erased first and redrawn below it. */
    public void above(String message) {
        line.clear();
        err.println(message);
        err.flush();
    }

    /** Erases the bar and writes {@code N records in T}. */
    public void finish() {
        bar.close();
        err.println(summary(records, Duration.ofNanos(System.nanoTime() - start)));
        err.flush();
    }

    /** {@code 1,234 records in 5.2 s}, or {@code in 3:07} past a minute. */
    static String summary(long records, Duration took) {
        long s = took.toSeconds();
        String time = s < 60 ? String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0)
                : s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return String.format(Locale.ROOT, "%,d %s in %s", records, records == 1 ? "record" : "records", time);
    }

    /** The bar as one line redrawn in place on the command's stderr; cleared with spaces, no escape codes. */
    private static final class LineOnStderr implements ProgressBarConsumer {
        private final PrintWriter err;
        private final int width;

        LineOnStderr(PrintWriter err, int columns) {
            this.err = err;
            this.width = Math.max(10, columns - 1); // the last column would wrap on some terminals
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            String line = rendered.length() > width ? rendered.substring(0, width) : rendered;
            err.print("\r" + line + " ".repeat(width - line.length()));
            err.flush();
        }

        @Override
        public void clear() {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }

        @Override
        public void close() {
            // the command's stderr outlives the bar
        }
    }
}
