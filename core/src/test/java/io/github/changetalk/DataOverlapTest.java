package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data may be read, never copied (see the developers' guide): no line of a file under {@code rules/} or
 * {@code testdata/} may repeat, word for word, a run of {@value #RUN} words of a transcript under
 * {@code ../shared/data}. Words are maximal runs of letters and digits, lower-cased ("don't" is "don"
 * and "t"), so punctuation, case and apostrophes cannot hide a copied sentence.
 *
 * <p>Failures name only {@code file:line} of the project line, never the shared text. Skipped when
 * {@code ../shared/data} is absent (a clone without the corpora). The check set is compared only
 * when {@code -Dchangetalk.overlap.checkSet=true} is given: helpers never open it, and only the lead
 * engineer may run this over it.
 */
class DataOverlapTest {
    static final int RUN = 10;
    private static final String CHECK_SET = "annomi-check";

    @Test
    void noProjectLineRepeatsATenWordRunOfTheSharedTranscripts() throws IOException {
        Path root = TestCorpus.root();
        Path shared = root.resolve("../shared/data").normalize();
        assumeTrue(Files.isDirectory(shared), "skipped: " + shared + " is absent, so there is nothing to compare with");
        boolean checkSet = Boolean.getBoolean("changetalk.overlap.checkSet");
        List<Path> transcripts;
        try (Stream<Path> walk = Files.walk(shared)) {
            transcripts = walk.filter(p -> p.getFileName().toString().equals("transcripts.csv"))
                    .filter(p -> checkSet || !p.toString().contains(CHECK_SET))
                    .sorted().toList();
        }
        assumeTrue(!transcripts.isEmpty(), "skipped: no transcripts.csv under " + shared);
        Set<Long> runs = new HashSet<>();
        for (Path t : transcripts) {
            for (Map<String, String> row : TestCsv.rows(t)) {
                String text = row.get("text");
                if (text != null) {
                    addRuns(words(text), runs);
                }
            }
        }
        List<String> offending = new ArrayList<>();
        for (String dir : List.of("rules", "testdata")) {
            try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
                for (Path f : walk.filter(Files::isRegularFile).filter(DataOverlapTest::isText).sorted().toList()) {
                    List<String> lines = lines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (sharesRun(words(lines.get(i)), runs)) {
                            offending.add(root.relativize(f) + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(offending).as("project lines repeating a %d-word run of a shared transcript (rewrite them in your own words)",
                RUN).isEmpty();
    }

    /** Source and data files; build outputs and binary files are not the project's words. */
    private static boolean isText(Path f) {
        String name = f.getFileName().toString();
        return !f.toString().contains("/target/") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".csv")
                || name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".jsonl") || name.endsWith(".tsv"));
    }

    private static List<String> lines(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        return text.lines().toList();
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static void addRuns(List<String> words, Set<Long> runs) {
        for (int i = 0; i + RUN <= words.size(); i++) {
            runs.add(fingerprint(words, i));
        }
    }

    private static boolean sharesRun(List<String> words, Set<Long> runs) {
        for (int i = 0; i + RUN <= words.size(); i++) {
            if (runs.contains(fingerprint(words, i))) {
                return true;
            }
        }
        return false;
    }

    /** A 64-bit hash of the run starting at {@code from}: with a few hundred thousand runs, a collision is negligible. */
    private static long fingerprint(List<String> words, int from) {
        long h = 1125899906842597L;
        for (int i = from; i < from + RUN; i++) {
            String w = words.get(i);
            for (int j = 0; j < w.length(); j++) {
                h = 31 * h + w.charAt(j);
            }
            h = 1_000_003L * h + ' ';
        }
        return h;
    }
}
