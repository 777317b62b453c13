package io.github.changetalk.cli.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every CSV/TSV record under {@code max} characters before the CSV parser sees it, so that a
 * huge field (the parser gives up at 20 million characters and cannot go on after it) is one broken
 * record and reading goes on at the next one. Past the limit the rest of the record is read and
 * dropped, never held: a quoted field that was open is closed at the cut, and the record's line end is
 * passed on. It follows RFC 4180 quoting (a quote opens a field only at its start; {@code ""} inside is
 * a quote) to find where a record ends; TSV has no quoting.
 *
 * <p>The parser counts lines in what it is given; {@link #droppedLinesBefore} gives the line breaks
 * dropped before a position in that text, to name a record's line in the file, and {@link #cutWithin}
 * whether a record was cut. Positions are offsets in the text handed to the parser. Not thread-safe.
 */
final class RecordCap extends Reader {
    /** A cut: where in the text handed on the record was cut, and the line breaks dropped up to the end of that record. */
    private static final class Cut {
        final long at;
        long droppedLinesAfter;

        Cut(long at, long droppedLinesAfter) {
            this.at = at;
            this.droppedLinesAfter = droppedLinesAfter;
        }
    }

    private final Reader in;
    private final int max;
    private final char quote;
    private final char separator;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean eof;

    private boolean fieldStart = true;
    private boolean inQuotes;
    private boolean quoteSeen; // a quote inside quotes: closing, or the first of a doubled one
    private boolean afterCr;
    private long recordChars;
    private boolean dropping;
    private long handedOn;
    private long droppedLines;
    private final List<Cut> cuts = new ArrayList<>();
    private int passed; // cuts before the record last asked about

    /** {@code quote} 0 for none (TSV). */
    RecordCap(Reader in, int max, char separator, char quote) {
        this.in = in;
        this.max = max;
        this.separator = separator;
        this.quote = quote;
    }

    @Override
    public int read(char[] out, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        int w = off;
        while (w < off + n) {
            if (pos == len) {
                if (eof || w > off && !in.ready()) {
                    break; // hand on what there is rather than wait for more
                }
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    eof = true;
                    break;
                }
            }
            char c = buf[pos++];
            if (dropping) {
                drop(c, out, w);
                if (!dropping) {
                    w++; // the record's line end, handed on
                }
                continue;
            }
            // A record at its limit is cut here: the rest of it is dropped.
            if (++recordChars > max && !isRecordEnd(c)) {
                dropping = true;
                cuts.add(new Cut(handedOn + (w - off), droppedLines));
                if (inQuotes && !quoteSeen) {
                    out[w++] = quote; // close, for the parser, the field that was open
                }
                drop(c, out, w);
                if (!dropping) {
                    w++;
                }
                continue;
            }
            track(c);
            out[w++] = c;
        }
        int got = w - off;
        handedOn += got;
        return got == 0 && eof ? -1 : got;
    }

    /** Whether {@code c}, outside quotes, ends the record (it is then handed on even at the limit). */
    private boolean isRecordEnd(char c) {
        return (c == '\n' || c == '\r') && (!inQuotes || quoteSeen);
    }

    /** Follows quoting and record ends for a character handed on. */
    private void track(char c) {
        if (inQuotes) {
            if (quoteSeen) {
                quoteSeen = false;
                if (c == quote) {
                    return; // a doubled quote: a quote inside the field
                }
                inQuotes = false; // the quote before closed the field; c follows it
            } else {
                if (c == quote) {
                    quoteSeen = true;
                }
                return;
            }
        }
        if (c == '\n' || c == '\r') {
            fieldStart = true;
            recordChars = 0;
        } else if (c == separator) {
            fieldStart = true;
        } else {
            if (fieldStart && quote != 0 && c == quote) {
                inQuotes = true;
            }
            fieldStart = false;
        }
    }

    /** While dropping: follows quoting to the record's end, counting the line breaks dropped; hands on the end. */
    private void drop(char c, char[] out, int w) {
        boolean lineBreak = c == '\n' && !afterCr || c == '\r';
        afterCr = c == '\r';
        if (inQuotes) {
            if (quoteSeen) {
                quoteSeen = false;
                if (c == quote) {
                    return;
                }
                inQuotes = false;
            } else {
                if (c == quote) {
                    quoteSeen = true;
                } else if (lineBreak) {
                    countDropped();
                }
                return;
            }
        }
        if (c == '\n' || c == '\r') {
            dropping = false;
            afterCr = false;
            fieldStart = true;
            recordChars = 0;
            out[w] = c;
        } else if (fieldStart && quote != 0 && c == quote) {
            inQuotes = true;
            fieldStart = false;
        } else {
            fieldStart = c == separator;
        }
    }

    private void countDropped() {
        droppedLines++;
        cuts.get(cuts.size() - 1).droppedLinesAfter = droppedLines;
    }

    /** The line breaks dropped before {@code offset} in the text handed on (asked for records in order). */
    long droppedLinesBefore(long offset) {
        while (passed < cuts.size() && cuts.get(passed).at < offset) {
            passed++;
        }
        return passed == 0 ? 0 : cuts.get(passed - 1).droppedLinesAfter;
    }

    /** Whether a record was cut between {@code from} and {@code to} in the text handed on (asked in order). */
    boolean cutWithin(long from, long to) {
        droppedLinesBefore(from);
        return passed < cuts.size() && cuts.get(passed).at <= to;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
