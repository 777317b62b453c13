package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.changetalk.internal.weights.EvidenceWeights;
import io.github.changetalk.internal.weights.WeightsFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Counselor evidence weights decide a counselor turn's group from its sentences (each sentence's features, its
 * probabilities rolled up by words); the MISC code is made to agree with the group; the righting reflex stays
 * flagged whatever wins; the explanation lists each sentence's features with their weights; without counselor
 * weights the rules' roll-up decides, unchanged.
 */
class WeightedBehaviourTest {
    // Written by hand for this test: a reflection's code pulls hard toward reflection, a question's a little
    // toward question, a directive's toward reflection (so that the righting reflex is outvoted), and a client
    // turn of change talk before it toward reflection.
    private static final String WEIGHTS = """
            # test weights
            decides: counselor-behaviour
            provenance:
              note: "written by hand for WeightedBehaviourTest"
            classes: [question, reflection, input, other]
            bias: [0.0, 0.0, 0.0, 0.0]
            weights:
              code=SR:          [0.0, 4.0, 0.0, 0.0]
              code=CR:          [0.0, 4.0, 0.0, 0.0]
              code=OQ:          [1.0, 0.0, 0.0, 0.0]
              code=DI:          [0.0, 3.0, 0.0, 0.0]
              previous=change:  [0.0, 0.5, 0.0, 0.0]
            """;
    private static final String TURN = "So you're worried about what it's doing to your liver. What would you like to do?";
    private static Classifier weighted;

    @BeforeAll
    static void load() {
        weighted = Classifier.builder().weights("counselor.yaml", WEIGHTS).build();
    }

    private static CounselorCoding code(Classifier c, String text) {
        return c.classify(new Utterance(text, Speaker.COUNSELOR, List.of(), null)).coding();
    }

    @Test
    void theWeightsDecideTheGroupFromTheSentencesRolledUpByWords() {
        CounselorCoding rules = code(SharedClassifier.get(), TURN);
        assertThat(rules.behaviour()).as("the rules' roll-up: the closing question takes the turn").isEqualTo(Behaviour.QUESTION);
        assertThat(rules.code()).isEqualTo(MiscCode.OQ);
        assertThat(rules.weighing()).as("no counselor weights by default").isNull();

        CounselorCoding c = code(weighted, TURN);
        assertThat(c.behaviour()).isEqualTo(Behaviour.REFLECTION);
        // the code agrees with the group: the reflection sentence's own code and rule
        CounselorCoding.Sentence reflection = c.sentences().get(0);
        assertThat(reflection.code().behaviour()).isEqualTo(Behaviour.REFLECTION);
        assertThat(c.code()).isEqualTo(reflection.code());
        assertThat(c.decidedBy()).isEqualTo(reflection.decidedBy()).isNotNull();
        assertThat(c.questionKind()).as("the question is still there to be read").isEqualTo(CounselorCoding.QuestionKind.OPEN);
        assertThat(c.sentences()).isEqualTo(rules.sentences());
        assertThat(c.answered()).isEqualTo(rules.answered());

        CounselorCoding.BehaviourWeighing w = c.weighing();
        assertThat(w).isNotNull();
        assertThat(w.weights()).isEqualTo("counselor.yaml");
        assertThat(w.behaviour()).isEqualTo(Behaviour.REFLECTION);
        assertThat(w.sentences()).hasSize(2);
        CounselorCoding.SentenceWeighing first = w.sentences().get(0);
        CounselorCoding.SentenceWeighing second = w.sentences().get(1);
        // each sentence lists the rules that fired on it and its features, with their weights toward the group decided
        assertThat(first.features()).contains(new Weighing.FeatureWeight("code=" + reflection.code().id(), 4.0));
        assertThat(first.features()).anyMatch(f -> f.feature().equals(reflection.decidedBy()) && f.weight() == 0.0);
        assertThat(second.features()).contains(new Weighing.FeatureWeight("code=OQ", 0.0));
        // sentence probabilities: softmax of the weights present (bias 0)
        double e4 = Math.exp(4);
        assertThat(first.probabilities().get(Behaviour.REFLECTION)).isCloseTo(e4 / (e4 + 3), within(1e-9));
        double e1 = Math.exp(1);
        assertThat(second.probabilities().get(Behaviour.QUESTION)).isCloseTo(e1 / (e1 + 3), within(1e-9));
        // the turn's score of a group: words x log-probability, summed over the sentences
        double expected = first.words() * Math.log(e4 / (e4 + 3)) + second.words() * Math.log(1 / (e1 + 3));
        assertThat(w.scores().get(Behaviour.REFLECTION)).isCloseTo(expected, within(1e-9));
        assertThat(first.words()).isEqualTo(10);
        assertThat(second.words()).isEqualTo(6);
    }

    @Test
    void theRightingReflexIsNeverHiddenByTheGroupTheWeightsChoose() {
        String directive = "You need to stop before it costs you your job.";
        assertThat(code(SharedClassifier.get(), directive).code()).isEqualTo(MiscCode.DI);
        CounselorCoding c = code(weighted, directive);
        assertThat(c.behaviour()).isEqualTo(Behaviour.REFLECTION);
        assertThat(c.code().behaviour()).as("the code agrees with the group").isEqualTo(Behaviour.REFLECTION);
        assertThat(c.miInconsistent()).as("still flagged: a sentence is coded DI").isTrue();
        assertThat(c.inconsistentSentences()).singleElement()
                .satisfies(s -> assertThat(s.evidence()).anyMatch(e -> e.rule().equals("DI_MUST")));
    }

    @Test
    void theClientTurnBeforeCountsInATranscript() {
        List<Turn> turns = List.of(Turn.client("I really want to quit drinking."), Turn.counselor(TURN));
        List<UtteranceResult> r = weighted.classifyTranscript(turns, null);
        assertThat(r.get(0).coding()).isNull();
        CounselorCoding.BehaviourWeighing w = r.get(1).coding().weighing();
        assertThat(w.sentences().get(0).features()).contains(new Weighing.FeatureWeight("previous=change", 0.5));
        assertThat(w.sentences().get(0).features()).anyMatch(f -> f.feature().startsWith("overlap="));
        // counselor weights never change a client label: the client turn after reads the rules' coding
        List<Turn> longer = List.of(Turn.client("I really want to quit drinking."), Turn.counselor(TURN),
                Turn.client("Yeah."), Turn.counselor("You need to stop before it costs you your job."), Turn.client("I know."));
        List<UtteranceResult> byRules = SharedClassifier.get().classifyTranscript(longer, null);
        List<UtteranceResult> byWeights = weighted.classifyTranscript(longer, null);
        for (int i = 0; i < longer.size(); i += 2) {
            assertThat(byWeights.get(i)).isEqualTo(byRules.get(i));
        }
        assertThat(byWeights.get(1).coding().behaviour()).isNotEqualTo(byRules.get(1).coding().behaviour());
        // alone, there is no client turn before it
        assertThat(code(weighted, TURN).weighing().sentences().get(0).features())
                .noneMatch(f -> f.feature().startsWith("previous="));
    }

    @Test
    void noWeightsGiveTheRulesRollUp() {
        Classifier none = Classifier.builder().noWeights().build();
        assertThat(none.counselorWeights()).isNull();
        assertThat(weighted.counselorWeights()).isEqualTo("counselor.yaml");
        assertThat(weighted.weights()).as("a counselor file leaves the client side to its default").isNull();
        assertThat(code(none, TURN)).isEqualTo(code(SharedClassifier.get(), TURN));
    }

    @Test
    void aCounselorWeightsFileRoundTrips() {
        EvidenceWeights w = WeightsFile.read("counselor.yaml", WEIGHTS);
        String written = WeightsFile.write(w, List.of("round trip"), Map.of("code=SR", 3));
        EvidenceWeights again = WeightsFile.read("again.yaml", written);
        assertThat(again.decides()).isEqualTo("counselor-behaviour");
        assertThat(again.classes()).isEqualTo(w.classes());
        assertThat(again.features()).isEqualTo(w.features());
        for (String f : w.features()) {
            for (int c = 0; c < 4; c++) {
                assertThat(again.weight(f, c)).isEqualTo(w.weight(f, c));
            }
        }
        assertThat(WeightsFile.write(again, List.of("round trip"), Map.of("code=SR", 3))).isEqualTo(written);
    }
}
