package io.github.changetalk.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static List<String> lines(Reader in, int max) throws IOException {
        LineReader r = new LineReader(in, max);
        List<String> out = new ArrayList<>();
        for (String l; (l = r.readLine()) != null; ) {
            out.add(l + (r.lastTruncated() ? "<cut>" : ""));
        }
        return out;
    }

    @Test
    void mixedLineEndsAndNoFinalTerminator() throws IOException {
        assertThat(lines(new StringReader("a\r\nb\nc\rd\r\n\r\ne"), 100)).containsExactly("a", "b", "c", "d", "", "e");
        assertThat(lines(new StringReader(""), 100)).isEmpty();
        assertThat(lines(new StringReader("\n"), 100)).containsExactly("");
    }

    @Test
    void crlfSplitAcrossReads() throws IOException {
        // A reader that hands out one char at a time puts CR and LF in different reads.
        Reader slow = new Reader() {
            private final String s = "one\r\ntwo\r\n";
            private int i;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (i >= s.length()) {
                    return -1;
                }
                cbuf[off] = s.charAt(i++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
        assertThat(lines(slow, 100)).containsExactly("one", "two");
    }

    @Test
    void longLinesAreCutAndTheRestDropped() throws IOException {
        String longLine = "x".repeat(20_000);
        assertThat(lines(new StringReader("ok\n" + longLine + "\nnext\n"), 10_000))
                .containsExactly("ok", "x".repeat(10_000) + "<cut>", "next");
    }
}
