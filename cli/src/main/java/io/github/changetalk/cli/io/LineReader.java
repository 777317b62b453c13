package io.github.changetalk.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ending in LF, CRLF or CR, like {@link java.io.BufferedReader#readLine()}, but keeps at
 * most {@code maxChars} of a line: the rest is read and dropped, so one endless line (a binary file,
 * a 2 GB log with no line break) cannot exhaust memory. {@link #lastTruncated()} tells whether the
 * line just returned was cut.
 */
final class LineReader implements Closeable {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private boolean skipLf;
    private boolean truncated;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at the end of input. */
    String readLine() throws IOException {
        StringBuilder line = null;
        truncated = false;
        while (true) {
            if (pos >= len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return line == null ? null : line.toString();
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            if (line == null) {
                line = new StringBuilder(Math.min(pos - start + 16, 1024));
            }
            int room = maxChars - line.length();
            int take = Math.min(room, pos - start);
            if (take < pos - start) {
                truncated = true;
            }
            line.append(buf, start, Math.max(0, take));
            if (pos < len) {
                skipLf = buf[pos] == '\r';
                pos++;
                return line.toString();
            }
        }
    }

    boolean lastTruncated() {
        return truncated;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
