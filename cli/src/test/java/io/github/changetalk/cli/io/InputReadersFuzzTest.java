package io.github.changetalk.cli.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.changetalk.cli.CliException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the input readers (text, CSV, TSV, JSON Lines, and kind detection) with arbitrary bytes. A
 * reader may refuse an input only with a {@link CliException} (a usage problem such as a missing text
 * column); it must never throw anything else, and for text and JSON Lines it must give exactly one
 * record per input line (comment lines and, in JSON Lines, blank lines excepted): no record lost.
 *
 * <p>By default this replays the corpus in {@code src/test/resources/.../InputReadersFuzzTestInputs/};
 * fuzz for real with {@code JAZZER_FUZZ=1 mvn -o test -pl cli -Dtest=InputReadersFuzzTest}.
 */
class InputReadersFuzzTest {
    private static final InputKind[] KINDS = {InputKind.TEXT, InputKind.CSV, InputKind.TSV, InputKind.JSONL, InputKind.AUTO};

    @FuzzTest(maxDuration = "60s")
    void readEverything(FuzzedDataProvider data) throws IOException {
        InputKind kind = KINDS[data.consumeInt(0, KINDS.length - 1)];
        byte[] bytes = data.consumeRemainingAsBytes();
        ReadOptions d = ReadOptions.defaults();
        ReadOptions opt = new ReadOptions(kind, d.textColumn(), d.speakerColumn(), d.sessionColumn(), d.topicColumn(), d.speakers());
        long records = 0;
        try (Inputs in = Inputs.open(List.of(), opt, new ByteArrayInputStream(bytes), w -> { })) {
            while (in.next() != null) {
                records++;
            }
        } catch (CliException e) {
            if (e.getMessage() == null || e.getMessage().contains("\n")) {
                throw new AssertionError("a reader error must be one line: " + e.getMessage(), e);
            }
            return;
        }
        if (kind == InputKind.TEXT || kind == InputKind.JSONL) {
            long expected = expectedRecords(bytes, kind);
            if (records != expected) {
                throw new AssertionError(kind + ": " + records + " records for " + expected + " input lines");
            }
        }
    }

    /**
     * Lines as BufferedReader splits them (CR, LF, CRLF), after UTF-8 decoding and dropping a leading
     * BOM: a file that is only a BOM has no lines at all.
     */
    private static long expectedRecords(byte[] bytes, InputKind kind) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            long n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (kind == InputKind.TEXT && !line.startsWith("#")) {
                    n++;
                } else if (kind == InputKind.JSONL && !line.isBlank()) {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
