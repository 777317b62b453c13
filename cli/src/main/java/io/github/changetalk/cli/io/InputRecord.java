package io.github.changetalk.cli.io;

import io.github.changetalk.Speaker;
import java.util.Map;

/**
 * One input record: where it came from ({@code source} file name or "-", 1-based {@code line} where it
 * starts), the fields to pass through to the output in input order (CSV cells as strings, JSON values
 * as Jackson nodes), the text to classify, who said it, its session and target (topic), or the
 * {@code error} that kept it from being read (then {@code text} may be null).
 */
public record InputRecord(String source, long line, Map<String, Object> fields, String text, Speaker speaker,
                          String session, String target, String error) {

    public static InputRecord broken(String source, long line, Map<String, Object> fields, String error) {
        return new InputRecord(source, line, fields, null, null, null, null, error);
    }

    public boolean isError() {
        return error != null;
    }

    /** {@code file:line}, for messages; just {@code file} for a whole file that could not be read (line 0). */
    public String where() {
        return line > 0 ? source + ":" + line : source;
    }
}
