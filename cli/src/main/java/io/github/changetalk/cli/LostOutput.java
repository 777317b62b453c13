package io.github.changetalk.cli;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Output that could not be written, told apart as Unix users expect. A reader that went away before the
 * end ({@code changetalk ... | head -3}: the write fails with EPIPE, "Broken pipe") is a quiet stop with
 * exit 0, as for {@code cat} or {@code grep}: the reader has what it wanted. Anything else is lost output
 * the user did not choose (a full disk, a closed standard output, an I/O error): exit 1 with one line
 * saying why, e.g. {@code cannot write the output: no space left on device}.
 *
 * <p>{@link PrintWriter} swallows write errors and keeps only a flag ({@link PrintWriter#checkError});
 * the command's standard output is therefore a {@link Writer} over a stream that remembers the first
 * error, so that the reason can be told. Writers given by tests (a StringWriter) never fail.
 */
final class LostOutput {
    private LostOutput() {
    }

    /** Standard output as the commands write it: UTF-8, buffered, and remembering why a write failed. */
    static final class Writer extends PrintWriter {
        private final Recording stream;

        private Writer(Recording stream) {
            super(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16), false);
            this.stream = stream;
        }

        static Writer over(OutputStream out) {
            return new Writer(new Recording(out));
        }

        /** The first error met writing, or null. */
        IOException failure() {
            return stream.failure;
        }
    }

    private static final class Recording extends FilterOutputStream {
        private volatile IOException failure;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }

    /** Whether writing to {@code out} has failed (it is flushed first). */
    static boolean failed(PrintWriter out) {
        return out.checkError();
    }

    /** Whether the failure was the reader closing the pipe (EPIPE): a quiet stop, not lost output. */
    static boolean readerGone(PrintWriter out) {
        IOException e = out instanceof Writer w ? w.failure() : null;
        return e != null && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("broken pipe");
    }

    /** What to stop a run with once writing to {@code out} has failed. */
    static CliException stop(PrintWriter out) {
        return readerGone(out) ? CliException.quietStop() : new CliException(CliException.FAILED, message(out));
    }

    /** The one line saying why the output was lost. */
    static String message(PrintWriter out) {
        IOException e = out instanceof Writer w ? w.failure() : null;
        String why = e == null ? null : e.getMessage();
        String lower = why == null ? "" : why.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "cannot write the output: no space left on device";
        }
        if (lower.contains("bad file descriptor")) {
            return "cannot write the output: standard output is closed";
        }
        return "cannot write the output" + (why == null || why.isBlank() ? "" : ": " + why);
    }
}
