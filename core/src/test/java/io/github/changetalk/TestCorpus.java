package io.github.changetalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Real-looking utterances from testdata/ (our own gold corpora and example sessions), for tests. */
public final class TestCorpus {
    private TestCorpus() {
    }

    public static Path root() {
        return Path.of(System.getProperty("changetalk.root", "..")).toAbsolutePath().normalize();
    }

    /** Every utterance text in testdata: the text column of the gold CSVs and every session turn. */
    public static List<String> utterances() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root().resolve("testdata"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".csv") && !name.endsWith(".gold.csv")) {
                    out.addAll(csvTexts(f));
                } else if (name.endsWith(".txt")) {
                    for (String line : Files.readAllLines(f)) {
                        int colon = line.indexOf(':');
                        if (!line.startsWith("#") && colon > 0) {
                            out.add(line.substring(colon + 1).strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The {@code text} column of a CSV with a header, by a small RFC 4180 reader (quotes, commas, newlines). */
    static List<String> csvTexts(Path file) throws IOException {
        String content = Files.readString(file);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        int text = rows.get(0).indexOf("text");
        List<String> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (text < r.size()) {
                out.add(r.get(text));
            }
        }
        return out;
    }
}
