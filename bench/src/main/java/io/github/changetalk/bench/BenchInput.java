package io.github.changetalk.bench;

import io.github.changetalk.Turn;
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

    /** One session of a transcript input: its topic (a target or a phrase naming one; null when none) and its turns. */
    public record Session(String topic, List<Turn> turns) {
    }

    /**
     * The sessions of a CSV transcript with {@code text}, {@code speaker} and {@code session} columns (and
     * optionally {@code topic}), rows in file order, a client row by the speaker {@code client}, every other
     * a counselor turn; empty when the file is not such a CSV or has no counselor turn.
     */
    public static List<Session> sessions(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return List.of();
        }
        Map<String, List<Turn>> turns = new LinkedHashMap<>();
        Map<String, String> topics = new LinkedHashMap<>();
        boolean counselor = false;
        for (Csv.Row row : Csv.read(file)) {
            String speaker = row.get("speaker");
            String session = row.get("session");
            if (row.get("text") == null || speaker == null || session == null) {
                return List.of();
            }
            boolean client = speaker.strip().equalsIgnoreCase("client");
            counselor |= !client;
            turns.computeIfAbsent(session, k -> new ArrayList<>())
                    .add(client ? Turn.client(row.get("text")) : Turn.counselor(row.get("text")));
            topics.putIfAbsent(session, row.get("topic"));
        }
        if (!counselor) {
            return List.of();
        }
        List<Session> out = new ArrayList<>();
        turns.forEach((session, t) -> out.add(new Session(topics.get(session), List.copyOf(t))));
        return out;
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
