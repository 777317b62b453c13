package io.github.changetalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The testdata transcripts as the tests classify them: every CSV under {@code testdata/} (gold files and
 * the sessions' gold copies) split by its {@code session} column, and every {@code testdata/sessions/*.txt}
 * session read line by line ({@code Client:}/{@code Counselor:} turns, the target from its
 * {@code # topic:} line). Each turn keeps a key that says where it is written.
 */
public final class Transcripts {
    private static final Pattern TOPIC = Pattern.compile("^#\\s*topic\\s*:\\s*([^.;,]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE = Pattern.compile("^\\s*(client|counselor)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    /** One session: the file it is in (relative to the repository root), its target, its turns in order. */
    public record Transcript(String source, String target, List<Turn> turns, List<String> keys) {
    }

    private Transcripts() {
    }

    /** Every testdata transcript, files in sorted path order, sessions in order of first appearance. */
    public static List<Transcript> all() {
        Path root = TestCorpus.root();
        List<Transcript> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("testdata"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String source = root.relativize(f).toString().replace('\\', '/');
                String name = f.getFileName().toString();
                if (name.endsWith(".csv")) {
                    out.addAll(fromCsv(f, source));
                } else if (name.endsWith(".txt")) {
                    out.add(fromText(f, source));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Transcript> fromCsv(Path file, String source) {
        Map<String, List<Turn>> turns = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Map<String, String> targets = new LinkedHashMap<>();
        for (Map<String, String> row : TestCsv.rows(file)) {
            String session = row.get("session");
            Speaker speaker = row.get("speaker").strip().equalsIgnoreCase("client") ? Speaker.CLIENT : Speaker.COUNSELOR;
            turns.computeIfAbsent(session, k -> new ArrayList<>()).add(new Turn(speaker, row.get("text")));
            keys.computeIfAbsent(session, k -> new ArrayList<>()).add(session + ":" + row.get("turn"));
            String topic = row.get("topic");
            targets.putIfAbsent(session, topic == null || topic.isBlank() ? null : topic);
        }
        List<Transcript> out = new ArrayList<>();
        turns.forEach((session, t) -> out.add(new Transcript(source, targets.get(session), t, keys.get(session))));
        return out;
    }

    private static Transcript fromText(Path file, String source) throws IOException {
        String target = null;
        List<Turn> turns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher t = TOPIC.matcher(lines.get(i));
            if (t.find()) {
                target = t.group(1).strip();
            }
            Matcher m = LINE.matcher(lines.get(i));
            if (m.matches()) {
                turns.add(new Turn(m.group(1).equalsIgnoreCase("client") ? Speaker.CLIENT : Speaker.COUNSELOR, m.group(2)));
                keys.add("line " + (i + 1));
            }
        }
        return new Transcript(source, target, turns, keys);
    }
}
