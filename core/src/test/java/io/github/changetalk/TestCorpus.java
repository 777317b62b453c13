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

    /** The {@code text} column of a CSV with a header. */
    static List<String> csvTexts(Path file) {
        List<String> out = new ArrayList<>();
        for (java.util.Map<String, String> row : TestCsv.rows(file)) {
            String text = row.get("text");
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }
}
