package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.internal.startup.Startup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trigger gating must never change a result: over the whole testdata corpus, the default classifier
 * (rules tried only where their trigger words are, sentences parsed only when a dependency pattern's
 * trigger is present, a counselor turn read in the client's voice from its end back) gives exactly the
 * labels, deciding rules, evidence, vetoes and counselor codings of a classifier that tries every rule on
 * every sentence, parses every sentence and reads every sentence. Holds for whatever packs are loaded.
 * Both read every counselor turn that puts words in the client's mouth in the client's voice as it is
 * coded ({@code readReflectedTalk}), so that what they read is compared too; the default classifier, which
 * leaves that reading to the client turn that needs it, gives the same results but for the codings'
 * {@code reflected}, which it leaves unread.
 */
class GatingEquivalenceTest {
    @Test
    void gatingChangesNoResultOnTheTestdataCorpus() {
        List<Transcripts.Transcript> corpus = Transcripts.all();
        long clientTurns = corpus.stream().flatMap(s -> s.turns().stream()).filter(t -> t.speaker() == Speaker.CLIENT).count();
        assertThat(clientTurns).as("client turns in testdata").isGreaterThan(1000);

        Classifier lazy = SharedClassifier.get();
        Classifier gated = Classifier.builder().readReflectedTalk(true).build();
        Classifier ungated = Startup.DEFAULT.withoutTriggerGating()
                .during(() -> Classifier.builder().readReflectedTalk(true).build());
        int compared = 0;
        int parsedGated = 0;
        int parsedUngated = 0;
        int sentences = 0;
        int codings = 0;
        int reflected = 0;
        for (Transcripts.Transcript s : corpus) {
            List<UtteranceResult> a = gated.classifyTranscript(s.turns(), s.target());
            List<UtteranceResult> b = ungated.classifyTranscript(s.turns(), s.target());
            List<UtteranceResult> unread = lazy.classifyTranscript(s.turns(), s.target());
            assertThat(a).hasSameSizeAs(b).hasSameSizeAs(unread);
            for (int i = 0; i < a.size(); i++) {
                String where = s.source() + " " + s.keys().get(i);
                assertThat(summary(a.get(i), true)).as(where).isEqualTo(summary(b.get(i), true));
                assertThat(summary(unread.get(i), false)).as(where + ", reading the client's voice on demand")
                        .isEqualTo(summary(a.get(i), false));
                assertThat(unread.get(i).coding() == null || unread.get(i).coding().reflected() == null)
                        .as(where + ": left unread by default").isTrue();
                CounselorCoding c = a.get(i).coding();
                codings += c == null ? 0 : 1;
                reflected += c == null || c.reflected() == null || !c.reflected().found() ? 0 : 1;
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
        if (gated.rules().stream().anyMatch(r -> r.speaker() == Speaker.COUNSELOR)) {
            // The codings compared are real ones, some of them with talk read in the client's voice.
            assertThat(codings).as("counselor turns coded").isGreaterThan(100);
            assertThat(reflected).as("counselor turns carrying talk in the client's voice").isPositive();
        }
        if (!gated.rules().stream().filter(RuleInfo::usesDependencies).toList().isEmpty()) {
            // Parse-everything really parsed everything the parser accepts, and gating parsed no more.
            assertThat(parsedUngated).isGreaterThan(sentences * 9 / 10);
            assertThat(parsedGated).isLessThanOrEqualTo(parsedUngated);
        }
    }

    /**
     * Everything about a result except which sentences happened to be parsed: for a counselor turn, its whole
     * coding (the record's every field, each sentence's evidence and vetoes, and the talk it carries read in
     * the client's voice, which the shortcuts read from the turn's end back, stopping at the sentence that decides,
     * unless {@code reflected} is false).
     */
    private static List<Object> summary(UtteranceResult r, boolean reflected) {
        List<Object> out = new ArrayList<>();
        out.add(r.label());
        out.add(r.direction());
        out.add(r.kind());
        for (SentenceResult s : r.sentences()) {
            out.add(List.of(s.text(), String.valueOf(s.label()), String.valueOf(s.decidedBy()),
                    s.evidence().toString(), s.vetoed().toString()));
        }
        CounselorCoding c = r.coding();
        if (c != null) {
            out.add(List.of(c.behaviour(), c.code(), c.miInconsistent(), String.valueOf(c.questionKind()),
                    String.valueOf(c.reflectionKind()), c.permission(), String.valueOf(c.decidedBy()),
                    String.valueOf(c.answered()), reflected ? String.valueOf(c.reflected()) : "-"));
            for (CounselorCoding.Sentence s : c.sentences()) {
                out.add(List.of(s.index(), s.text(), s.begin(), s.end(), String.valueOf(s.code()),
                        String.valueOf(s.decidedBy()), String.valueOf(s.function()), String.valueOf(s.asks()),
                        String.valueOf(s.dimension()), s.evidence().toString(), s.vetoed().toString()));
            }
        }
        return out;
    }
}
