package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.internal.bench.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Trigger gating must never change a result: over the whole testdata corpus, the default classifier
 * (rules tried only where their trigger words are, sentences parsed only when a dependency pattern's
 * trigger is present) gives exactly the labels, deciding rules, evidence and vetoes of a classifier
 * that tries every rule on every sentence and parses every sentence. Holds for whatever packs are loaded.
 */
class GatingEquivalenceTest {
    private static final Path ROOT = Path.of(System.getProperty("changetalk.root", ".."));
    private static final Pattern TOPIC = Pattern.compile("^#\\s*topic:\\s*([^.]+)");
    private static final Pattern LINE = Pattern.compile("^\\s*(client|counselor)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    record Session(String name, String topic, List<Turn> turns) {
    }

    @Test
    void gatingChangesNoResultOnTheTestdataCorpus() throws IOException {
        List<Session> corpus = corpus();
        long clientTurns = corpus.stream().flatMap(s -> s.turns().stream()).filter(t -> t.speaker() == Speaker.CLIENT).count();
        assertThat(clientTurns).as("client turns in testdata").isGreaterThan(1000);

        Classifier gated = SharedClassifier.get();
        Classifier ungated = Classifier.builder().triggerGating(false).build();
        int compared = 0;
        int parsedGated = 0;
        int parsedUngated = 0;
        int sentences = 0;
        for (Session s : corpus) {
            List<UtteranceResult> a = gated.classifyTranscript(s.turns(), s.topic());
            List<UtteranceResult> b = ungated.classifyTranscript(s.turns(), s.topic());
            assertThat(a).hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                String where = s.name() + " turn " + i;
                assertThat(summary(a.get(i))).as(where).isEqualTo(summary(b.get(i)));
                for (SentenceResult r : a.get(i).sentences()) {
                    parsedGated += r.parsed() ? 1 : 0;
                    sentences++;
                }
                for (SentenceResult r : b.get(i).sentences()) {
                    parsedUngated += r.parsed() ? 1 : 0;
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1500);
        if (!gated.rules().stream().filter(RuleInfo::usesDependencies).toList().isEmpty()) {
            // Parse-everything really parsed everything the parser accepts, and gating parsed no more.
            assertThat(parsedUngated).isGreaterThan(sentences * 9 / 10);
            assertThat(parsedGated).isLessThanOrEqualTo(parsedUngated);
        }
    }

    /** Everything about a result except which sentences happened to be parsed. */
    private static List<Object> summary(UtteranceResult r) {
        List<Object> out = new ArrayList<>();
        out.add(r.label());
        out.add(r.direction());
        out.add(r.kind());
        for (SentenceResult s : r.sentences()) {
            out.add(List.of(s.text(), String.valueOf(s.label()), String.valueOf(s.decidedBy()),
                    s.evidence().toString(), s.vetoed().toString()));
        }
        return out;
    }

    static List<Session> corpus() throws IOException {
        List<Session> out = new ArrayList<>();
        try (DirectoryStream<Path> gold = Files.newDirectoryStream(ROOT.resolve("testdata/gold"), "*.csv")) {
            for (Path f : sorted(gold)) {
                Map<String, List<Turn>> turns = new LinkedHashMap<>();
                Map<String, String> topics = new LinkedHashMap<>();
                for (Csv.Row row : Csv.read(f)) {
                    String session = f.getFileName() + "#" + row.get("session");
                    Speaker speaker = row.get("speaker").equals("client") ? Speaker.CLIENT : Speaker.COUNSELOR;
                    turns.computeIfAbsent(session, k -> new ArrayList<>()).add(new Turn(speaker, row.get("text")));
                    topics.putIfAbsent(session, row.get("topic"));
                }
                turns.forEach((k, v) -> out.add(new Session(k, topics.get(k), v)));
            }
        }
        try (DirectoryStream<Path> sessions = Files.newDirectoryStream(ROOT.resolve("testdata/sessions"), "*.txt")) {
            for (Path f : sorted(sessions)) {
                String topic = null;
                List<Turn> turns = new ArrayList<>();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    Matcher t = TOPIC.matcher(line);
                    if (t.find()) {
                        topic = t.group(1).strip();
                    }
                    Matcher m = LINE.matcher(line);
                    if (m.matches()) {
                        turns.add(new Turn(m.group(1).equalsIgnoreCase("client") ? Speaker.CLIENT : Speaker.COUNSELOR,
                                m.group(2)));
                    }
                }
                out.add(new Session(f.getFileName().toString(), topic, turns));
            }
        }
        return out;
    }

    private static List<Path> sorted(DirectoryStream<Path> files) {
        List<Path> out = new ArrayList<>();
        files.forEach(out::add);
        out.sort(null);
        return out;
    }
}
