package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The labels of every testdata sentence (each client turn classified with its transcript context) and
 * of every sentence of every rule example, compared with the file recorded before a refactoring:
 * {@code core/src/test/resources/recorded-labels.tsv}, one line per sentence, in input order, with the
 * sentence's label, direction, kind and deciding rule. A change that is meant to change labels records
 * the file again ({@code -Dchangetalk.recordLabels=true}) and says so in its commit message.
 *
 * <p>Items are keyed so that they survive moving rules between packs: testdata by file and session turn
 * (or line), examples by rule id, kind of example and position among the rule's examples of that kind.
 * Lines are compared by key, so reordering packs changes nothing here; labels are compared exactly.
 */
class RecordedLabelsTest {
    static final String HEADER = "# source\titem\tsentence\tlabel\tdirection\tkind\trule";

    static Path recorded() {
        return TestCorpus.root().resolve("core/src/test/resources/recorded-labels.tsv");
    }

    @Test
    void labelsAreTheRecordedOnes() throws IOException {
        List<String> now = lines(SharedClassifier.get());
        if (Boolean.getBoolean("changetalk.recordLabels")) {
            List<String> file = new ArrayList<>();
            file.add("# Recorded by RecordedLabelsTest (-Dchangetalk.recordLabels=true): every testdata sentence with its");
            file.add("# transcript context, then every sentence of every rule example; '-' for none.");
            file.add(HEADER);
            file.addAll(now);
            Files.write(recorded(), file, StandardCharsets.UTF_8);
        }
        Map<String, String> expected = byKey(Files.readAllLines(recorded(), StandardCharsets.UTF_8));
        Map<String, String> actual = byKey(now);
        assertThat(actual).as("sentences classified").hasSizeGreaterThan(3000);
        List<String> differences = new ArrayList<>();
        expected.forEach((key, labels) -> {
            String got = actual.get(key);
            if (!labels.equals(got)) {
                differences.add(key + ": recorded " + labels + ", now " + (got == null ? "(no such item)" : got));
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k))
                .forEach(k -> differences.add(k + ": not recorded, now " + actual.get(k)));
        assertThat(differences).as("items whose labels differ from " + recorded().getFileName()).isEmpty();
    }

    /** Every line of the recording, in input order. */
    static List<String> lines(Classifier classifier) {
        List<String> out = new ArrayList<>();
        for (Transcripts.Transcript t : Transcripts.all()) {
            List<UtteranceResult> results = classifier.classifyTranscript(t.turns(), t.target());
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).labelled()) {
                    add(out, t.source(), t.keys().get(i), results.get(i));
                }
            }
        }
        for (RuleInfo rule : classifier.rules()) {
            if (rule.speaker() == Speaker.COUNSELOR) {
                continue; // counselor rules' examples are counselor turns: they carry no client label
            }
            int match = 0;
            int nomatch = 0;
            for (ExampleCheck c : classifier.checkExamples(rule.id())) {
                Utterance u = c.context() == null ? Utterance.of(c.text()) : Utterance.answering(c.context(), c.text());
                String item = rule.id() + (c.expectMatch() ? " match " + match++ : " nomatch " + nomatch++);
                add(out, "example", item, classifier.classify(u));
            }
        }
        return out;
    }

    private static void add(List<String> out, String source, String item, UtteranceResult r) {
        if (r.sentences().isEmpty()) {
            out.add(String.join("\t", source, item, "-", r.label().id(), r.direction().id(), "-", "-"));
        }
        for (SentenceResult s : r.sentences()) {
            out.add(String.join("\t", source, item, Integer.toString(s.index()), s.label().id(), s.direction().id(),
                    s.kind() == null ? "-" : s.kind().id(), s.decidedBy() == null ? "-" : s.decidedBy()));
        }
    }

    /** source, item and sentence as the key; label, direction, kind and rule as the value. */
    private static Map<String, String> byKey(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String key = f[0] + "\t" + f[1] + "\t" + f[2];
            String previous = out.put(key, String.join(" ", List.of(f).subList(3, f.length)));
            assertThat(previous).as("item recorded twice: " + key).isNull();
        }
        return out;
    }
}
