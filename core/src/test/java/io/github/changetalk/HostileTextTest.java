package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text nobody cleaned goes through {@link Classifier#classify} and always comes back as a result, never
 * an exception; what could not be done is said in notices; offsets still point into the caller's text.
 */
class HostileTextTest {
    private static final Classifier CLASSIFIER = SharedClassifier.get();

    private static UtteranceResult classify(String text) {
        UtteranceResult r = CLASSIFIER.classify(text);
        assertThat(r).isNotNull();
        assertThat(r.text()).isSameAs(text);
        assertThat(r.label()).isNotNull();
        assertValidOffsets(r, text);
        return r;
    }

    private static void assertValidOffsets(UtteranceResult r, String text) {
        for (SentenceResult s : r.sentences()) {
            assertThat(s.begin()).isBetween(0, text.length());
            assertThat(s.end()).isBetween(s.begin(), text.length());
            assertThat(s.text()).isEqualTo(text.substring(s.begin(), s.end()));
            for (Evidence e : s.evidence()) {
                assertThat(e.begin()).isBetween(s.begin(), s.end());
                assertThat(e.end()).isBetween(e.begin(), s.end());
            }
        }
    }

    private static List<String> codes(UtteranceResult r) {
        return r.notices().stream().map(Notice::code).distinct().collect(Collectors.toList());
    }

    /** A run of spoken-sounding words with no punctuation at all. */
    private static String unpunctuated(int tokens) {
        String[] words = {"i", "want", "to", "cut", "down", "and", "then", "maybe", "stop", "drinking"};
        StringBuilder b = new StringBuilder(tokens * 6);
        for (int i = 0; i < tokens; i++) {
            b.append(words[i % words.length]).append(' ');
        }
        return b.toString();
    }

    @Test
    void emptyAndWhitespaceOnlyAreNeutralAndSaySo() {
        for (String text : List.of("", " ", "\t\r\n  \n", "\u00a0")) {
            UtteranceResult r = classify(text);
            assertThat(r.label()).isEqualTo(Label.NEUTRAL);
            assertThat(r.sentences()).isEmpty();
            assertThat(codes(r)).containsExactly("empty");
        }
    }

    @Test
    void aOneMegabyteLineIsTruncatedAndItsGiantTokenCut() {
        String text = "I want to quit drinking. " + "x".repeat(1 << 20);
        UtteranceResult r = classify(text);
        assertThat(codes(r)).contains("truncated", "long-token");
        assertThat(r.label()).isEqualTo(Label.DESIRE);
        assertThat(r.sentences().get(0).evidence()).isNotEmpty();
    }

    @Test
    void aTwoHundredThousandTokenSentenceIsBoundedAndSplit() {
        String text = unpunctuated(200_000);
        long start = System.nanoTime();
        UtteranceResult r = classify(text);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(codes(r)).contains("truncated", "split");
        // maxCharacters (100,000) keeps about 20,000 tokens, split into pieces of at most 250.
        assertThat(r.sentences()).hasSizeGreaterThan(50);
        assertThat(r.sentences()).allSatisfy(s -> assertThat(s.end() - s.begin()).isLessThan(250 * 10));
        assertThat(r.label()).isEqualTo(Label.DESIRE);
        assertThat(took).as("bounded, not quadratic").isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aLongSentenceIsSplitAtTheConfiguredSize() {
        Classifier small = Classifier.builder().noDefaultRules().addRules("t.yaml", """
                pack: t
                rules:
                  - id: QUIT_WORD
                    kind: desire
                    direction: change
                    patterns:
                      - tokens: '[{lemma:want}] [{word:to}] [{lemma:quit}]'
                    examples:
                      match: ["I want to quit.", "we want to quit now"]
                      nomatch: ["I quit."]
                """).maxSentenceTokens(20).build();
        String text = unpunctuated(95) + " I want to quit";
        UtteranceResult r = small.classify(text);
        assertValidOffsets(r, text);
        assertThat(r.sentences()).hasSize(5);
        assertThat(r.sentences().get(0).notices()).extracting(Notice::code).containsExactly("split");
        assertThat(r.notices()).extracting(Notice::code).containsExactly("split"); // once per utterance, not per piece
        assertThat(r.label()).isEqualTo(Label.DESIRE);
    }

    @Test
    void controlCharactersAndNulBytesAreIgnoredWithoutMovingOffsets() {
        String text = "I\u0000 want\u0007 to\u001b quit\u0000 drinking.\u0000";
        UtteranceResult r = classify(text);
        assertThat(r.label()).isEqualTo(Label.DESIRE);
        assertThat(r.sentences().get(0).evidence().get(0).text()).contains("want");
    }

    @Test
    void unpairedSurrogatesDoNotBreakAnything() {
        String text = "I want \uD800 to quit \uDC00 drinking \uDBFF.";
        UtteranceResult r = classify(text);
        assertThat(r.sentences()).isNotEmpty();
    }

    @Test
    void mixedLineEndingsAndAByteOrderMark() {
        String text = "\uFEFFI want to quit.\r\nI can't stop.\nOkay.\r";
        UtteranceResult r = classify(text);
        assertThat(r.sentences()).hasSize(3);
        assertThat(r.sentences().get(0).text()).isEqualTo("I want to quit.");
        assertThat(r.sentences().get(0).label()).isEqualTo(Label.DESIRE);
    }

    @Test
    void emojiAndOtherScriptsAndOtherLanguages() {
        UtteranceResult emoji = classify("I want to quit 🍺🚭 drinking 😀.");
        assertThat(emoji.label()).isEqualTo(Label.DESIRE);
        for (String text : List.of("我想戒酒。", "Я хочу бросить пить.", "أريد أن أقلع عن التدخين",
                "Ich möchte mit dem Trinken aufhören.", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝔣𝔯𝔞𝔨𝔱𝔲𝔯", "e\u0301\u0301\u0301\u0301")) {
            UtteranceResult r = classify(text);
            assertThat(r.label()).as(text).isEqualTo(Label.NEUTRAL);
        }
    }

    @Test
    void aRunawayPatternIsStoppedAndReportedNotHung() {
        // Six stacked unbounded gaps pass the load-time checks but take O(n^6) on a long sentence
        // that has every trigger word (so the rule is tried) but not in order: the time limit has to stop it.
        Classifier slow = Classifier.builder().noDefaultRules().addRules("slow.yaml", """
                pack: slow
                rules:
                  - id: SLOW_GAPS
                    kind: desire
                    direction: change
                    patterns:
                      - tokens: '[{lemma:want}] []* []* []* []* []* []* [{lemma:quit}] [{word:forever}]'
                    examples:
                      match: ["I want to quit forever.", "we want to quit forever"]
                      nomatch: ["I quit."]
                """).matchStepLimit(100_000).build();
        String text = "Forever, I want " + "to really ".repeat(100) + "quit now.";
        long start = System.nanoTime();
        UtteranceResult r = slow.classify(text);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.label()).isEqualTo(Label.NEUTRAL);
        assertThat(r.notices()).extracting(Notice::code).containsExactly("match-limit");
        assertThat(r.notices().get(0).detail()).contains("SLOW_GAPS");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        // The same classifier still answers ordinary sentences.
        assertThat(slow.classify("I want to quit forever.").label()).isEqualTo(Label.DESIRE);
    }

    /** A pack of one rule whose only pattern is {@code pattern} ({@code tokens} or {@code dependency}); its examples are not run here. */
    private static String onePatternPack(String kind, String pattern) {
        return """
                pack: hostile
                rules:
                  - id: HOSTILE_REGEX
                    kind: desire
                    direction: change
                    patterns:
                      - %s: '%s'
                    examples:
                      match: ["x aaaaaaab y", "aaaaaaab"]
                      nomatch: ["hello"]
                """.formatted(kind, pattern);
    }

    @Test
    void stackedBoundedRepeatsInAWordRegexAreRefusedAtLoad() {
        String regex = "/(?i)a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}b/";
        for (String[] p : List.of(new String[] {"tokens", "[{word:" + regex + "}]"},
                new String[] {"dependency", "{word:" + regex + "} >nsubj {}"})) {
            assertThatThrownBy(() -> Classifier.builder().noDefaultRules().addRules("stacked.yaml", onePatternPack(p[0], p[1])).build())
                    .as(p[0]).isInstanceOf(RulePackException.class)
                    .hasMessageStartingWith("stacked.yaml:7: rule HOSTILE_REGEX: patterns[0]: word regex")
                    .hasMessageContaining("ways")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    /**
     * A regex over the text of 200 to 240 tokens at once (a multi-token test), which the load-time checks
     * let through: three unbounded repeats are cheap on one word but backtrack for minutes over a whole
     * sentence of a's. Only the run-time step budget can stop it.
     */
    private static final String SPANNING = "(?m){200,240} /(?i)[a ,]*[a ,]*[a ,]*b/";
    private static final String WORDS_OF_A = "aaaaaaaaaa, ".repeat(120);

    @Test
    void aCostlyRegexThatLoadsIsStoppedAtTheStepLimit() {
        Classifier c = Classifier.builder().noDefaultRules().addRules("costly.yaml", onePatternPack("tokens", SPANNING)).build();
        long start = System.nanoTime();
        UtteranceResult r = c.classify(WORDS_OF_A);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.label()).isEqualTo(Label.NEUTRAL);
        assertThat(r.notices()).extracting(Notice::code).containsExactly("match-limit");
        assertThat(r.notices().get(0).detail()).contains("HOSTILE_REGEX").contains("2000000 steps");
        assertThat(took).as("a default step budget is milliseconds of work").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anInterruptedClassifyReturnsWithinOneSecondEvenInsideAWordRegex() throws Exception {
        // No step limit to speak of: only the interrupt can stop this call, which would backtrack for minutes.
        Classifier c = Classifier.builder().noDefaultRules().addRules("costly.yaml", onePatternPack("tokens", SPANNING))
                .matchStepLimit(Long.MAX_VALUE).build();
        c.classify("Hello there."); // models loaded
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                c.classify(WORDS_OF_A);
            } catch (Throwable e) {
                thrown.set(e);
            } finally {
                done.countDown();
            }
        });
        worker.setDaemon(true);
        worker.start();
        assertThat(done.await(2, TimeUnit.SECONDS)).as("tagged, and still matching after two seconds").isFalse();
        worker.interrupt();
        assertThat(done.await(1, TimeUnit.SECONDS)).as("returned within a second of the interrupt").isTrue();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(c.classify("Hello there.").label()).as("the classifier still works").isEqualTo(Label.NEUTRAL);
    }

    /**
     * Nested descendant relations search every chain of clauses: on a sentence whose clauses nest twenty
     * deep this ran for minutes. The graph it searches counts the nodes it hands out against the budget.
     */
    @Test
    void aDependencyPatternThatSearchesEveryChainIsStoppedAtTheStepLimitOrByAnInterrupt() throws Exception {
        String pattern = "{} >> ({} >> ({} >> ({} >> ({} >> ({} >> {word:zzz})))))";
        String nested = "zzz said " + "I know that you think that ".repeat(20) + "it rains.";
        Classifier bounded = Classifier.builder().noDefaultRules().addRules("deep.yaml", onePatternPack("dependency", pattern)).build();
        UtteranceResult r = bounded.classify(nested);
        assertThat(r.label()).isEqualTo(Label.NEUTRAL);
        assertThat(r.notices()).extracting(Notice::code).containsExactly("match-limit");

        Classifier unbounded = Classifier.builder().noDefaultRules().addRules("deep.yaml", onePatternPack("dependency", pattern))
                .matchStepLimit(Long.MAX_VALUE).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                unbounded.classify(nested);
            } catch (Throwable e) {
                thrown.set(e);
            } finally {
                done.countDown();
            }
        });
        worker.setDaemon(true);
        worker.start();
        assertThat(done.await(3, TimeUnit.SECONDS)).as("parsed, and still searching after three seconds").isFalse();
        worker.interrupt();
        assertThat(done.await(1, TimeUnit.SECONDS)).as("returned within a second of the interrupt").isTrue();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    void aHugeOrEndlessPackFileIsRefusedOnceItPassesTheSizeCap(@TempDir Path dir) throws Exception {
        // A 3 GB sparse file: reading it whole ended in an OutOfMemoryError.
        Path sparse = dir.resolve("sparse.yaml");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        List<Path> packs = new ArrayList<>(List.of(sparse));
        if (Files.isReadable(Path.of("/dev/zero"))) {
            packs.add(Path.of("/dev/zero")); // endless
        }
        for (Path pack : packs) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> Classifier.builder().noDefaultRules().addRules(pack).build())
                    .isInstanceOf(RulePackException.class)
                    .hasMessage(pack + ": pack is larger than 8388608 characters");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("only the cap is read").isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void yamlNestedTooDeepIsRefusedNamingTheLine() {
        String deep = "pack: deep\ndescription: ok\nrules:\n  - id: DEEP\n    label: desire\n    notes: " + "[".repeat(40) + "]".repeat(40) + "\n";
        assertThatThrownBy(() -> Classifier.builder().noDefaultRules().addRules("deep.yaml", deep).build())
                .isInstanceOf(RulePackException.class)
                .hasMessage("deep.yaml:6: YAML nested deeper than 32 levels");
    }

    @Test
    void aFailingExampleIsReportedWithFileAndLine() {
        Classifier c = Classifier.builder().noDefaultRules().addRules("fails.yaml", """
                pack: fails
                rules:
                  - id: WANT_QUIT
                    kind: desire
                    direction: change
                    patterns:
                      - tokens: '[{lemma:want}] [{word:to}] [{lemma:quit}]'
                    examples:
                      match: ["I want to quit.", "I would love to stop."]
                      nomatch: ["I quit."]
                """).build();
        List<ExampleCheck> failed = c.checkExamples().stream().filter(e -> !e.passed()).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).source()).isEqualTo("fails.yaml");
        assertThat(failed.get(0).line()).isEqualTo(9);
        assertThat(failed.get(0).problem()).isNotBlank().doesNotContain("\n");
    }
}
