package io.github.changetalk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client utterances of a benchmark input: a CSV with a {@code text} column (rows whose
 * {@code speaker} or {@code interlocutor} column is not client are skipped), or plain text, one
 * utterance per line ({@code #} comments and counselor lines skipped, a {@code Client:} tag removed).
 */
public final class BenchInput {
    private static final Pattern TAG = Pattern.compile("^\\s*([A-Za-z]+)\\s*:\\s*(.*)$");
    private static final List<String> COUNSELOR = List.of("counselor", "counsellor", "therapist", "t", "interviewer");

    private BenchInput() {
    }

    public static List<String> clientUtterances(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return fromCsv(file);
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = TAG.matcher(line);
                if (m.matches()) {
                    String tag = m.group(1).toLowerCase(Locale.ROOT);
                    if (COUNSELOR.contains(tag)) {
                        continue;
                    }
                    if (tag.equals("client") || tag.equals("c")) {
                        line = m.group(2);
                    }
                }
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> fromCsv(Path file) {
        List<String> out = new ArrayList<>();
        for (Csv.Row row : Csv.read(file)) {
            if (!row.fields().containsKey("text")) {
                throw new IllegalArgumentException(file + ":1: no 'text' column");
            }
            String speaker = row.get("speaker") != null ? row.get("speaker") : row.get("interlocutor");
            if (speaker != null && !speaker.strip().equalsIgnoreCase("client")) {
                continue;
            }
            String text = row.get("text");
            if (!text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }
}
