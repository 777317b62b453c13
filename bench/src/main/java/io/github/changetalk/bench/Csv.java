package io.github.changetalk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes) for benchmark input. */
public final class Csv {
    private Csv() {
    }

    /** One data row: its first physical line and its fields by lower-cased header name. */
    public record Row(int line, Map<String, String> fields) {
        public String get(String column) {
            return fields.get(column);
        }
    }

    /** Reads a CSV with a header row; a malformed row fails with {@code file:line: detail}. */
    public static List<Row> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Row> rows = new ArrayList<>();
            List<String> header = null;
            int line = 0;
            for (String first; (first = in.readLine()) != null; ) {
                line++;
                int start = line;
                StringBuilder record = new StringBuilder(first);
                while (unbalanced(record)) {
                    String next = in.readLine();
                    if (next == null) {
                        throw new IllegalArgumentException(file + ":" + start + ": unterminated quoted field");
                    }
                    line++;
                    record.append('\n').append(next);
                }
                List<String> fields = split(record);
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : fields) {
                        header.add(h.strip().toLowerCase(Locale.ROOT));
                    }
                    continue;
                }
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue; // blank line
                }
                if (fields.size() != header.size()) {
                    throw new IllegalArgumentException(file + ":" + start + ": " + fields.size()
                            + " fields, the header has " + header.size());
                }
                Map<String, String> byName = new LinkedHashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    byName.put(header.get(i), fields.get(i));
                }
                rows.add(new Row(start, byName));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static boolean unbalanced(CharSequence s) {
        int quotes = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 != 0;
    }

    private static List<String> split(CharSequence s) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
