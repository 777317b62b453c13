package io.github.changetalk.cli.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Keeps at most {@link #MAX_LINE_CHARS} characters of each line and drops the rest of it, so that a
 * file holding one enormous line (a 2 GB dump with no line breaks) is read in bounded memory instead
 * of failing with OutOfMemoryError; the line still makes its one record. The classifier analyzes only
 * the first 100,000 characters of an utterance anyway.
 */
final class LineCappingReader extends FilterReader {
    /** 2 Mi characters (4 MB as a String): 20 times what is analyzed, far beyond any real utterance. */
    static final int MAX_LINE_CHARS = 2 * 1024 * 1024;

    private final int max;
    private int run; // characters since the last line break
    private char[] buf = new char[0];

    LineCappingReader(Reader in) {
        this(in, MAX_LINE_CHARS);
    }

    LineCappingReader(Reader in, int max) {
        super(in);
        this.max = max;
    }

    /** Whether a line as read may have been cut (it is exactly as long as the cap). */
    static boolean mayBeCut(String line) {
        return line.length() >= MAX_LINE_CHARS;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] out, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (buf.length < len) {
            buf = new char[len];
        }
        while (true) {
            int n = in.read(buf, 0, len);
            if (n < 0) {
                return -1;
            }
            int kept = 0;
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (c == '\n' || c == '\r') {
                    run = 0;
                    out[off + kept++] = c;
                } else if (run < max) {
                    run++;
                    out[off + kept++] = c;
                }
            }
            if (kept > 0) {
                return kept;
            }
            // everything read was past the cap of an over-long line: read on, rather than report 0 chars
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public long skip(long n) throws IOException {
        char[] tmp = new char[(int) Math.min(n, 8192)];
        long done = 0;
        while (done < n) {
            int got = read(tmp, 0, (int) Math.min(tmp.length, n - done));
            if (got < 0) {
                break;
            }
            done += got;
        }
        return done;
    }
}
