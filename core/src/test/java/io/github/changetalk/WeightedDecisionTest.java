package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evidence weights decide client utterances from the rules that fired and named context features; the
 * kind is that of the strongest-weighted rule of the winning direction (or the context's); the explanation
 * lists each feature with its weight; without weights the rules' resolution decides, unchanged.
 */
class WeightedDecisionTest {
    private static final String PACK = """
            pack: weights-test
            lexicons:
              STOPVERB: [quit, stop, cut down]
              YES: ["yes", yeah, exactly]
            rules:
              - id: WT_WANT
                kind: desire
                direction: change
                patterns:
                  - tokens: '[{word:/(?i)i/}] []{0,2} [{lemma:want}] []{0,1} $STOPVERB'
                examples:
                  match: ["I want to quit.", "i really want to stop"]
                  nomatch: ["He wants to quit."]
              - id: WT_WILL
                kind: commitment
                direction: change
                patterns:
                  - tokens: '[{word:/(?i)i/}] [{word:/(?i)will|.ll/}] $STOPVERB'
                examples:
                  match: ["I will quit.", "I'll stop"]
                  nomatch: ["Will I quit?"]
              - id: WT_CANNOT
                kind: ability
                direction: sustain
                patterns:
                  - tokens: '[{word:/(?i)i/}] [{word:/(?i)ca|can/}] [{lemma:not}] $STOPVERB'
                examples:
                  match: ["I can't stop.", "I cannot quit"]
                  nomatch: ["I can stop."]
              - id: WT_YES
                neutral: true
                echo: affirm
                patterns:
                  - tokens: '^ $YES [{tag:/[.,]/}]? $'
                examples:
                  match: [{text: "Yeah.", context: "Do you want to quit?"}, "Yes."]
                  nomatch: ["Yeah, the bus was late."]
            """;
    // Written by hand for this test: the commitment rule outweighs the desire rule, a previous sustain turn
    // pulls toward sustain, and neutral has the largest bias.
    private static final String WEIGHTS = """
            # test weights
            decides: client-direction
            provenance:
              note: "written by hand for WeightedDecisionTest"
            classes: [change, sustain, neutral]
            bias: [0.0, 0.0, 0.5]
            weights:
              WT_WANT:          [2.0, 0.0, 0.0]
              WT_WILL:          [3.0, 0.0, 0.0]
              WT_CANNOT:        [0.0, 2.0, 0.0]
              previous=sustain: [0.0, 2.0, 0.0]
              prior=neutral:    [0.0, 0.0, 0.25]
            """;
    private static Classifier weighted;
    private static Classifier rulesOnly;

    @BeforeAll
    static void load() {
        weighted = Classifier.builder().noDefaultRules().addRules("weights-test.yaml", PACK).weights("w.yaml", WEIGHTS).build();
        rulesOnly = Classifier.builder().noDefaultRules().addRules("weights-test.yaml", PACK).noWeights().build();
    }

    @Test
    void kindComesFromTheStrongestWeightedRuleOfTheWinningDirection() {
        // the rules' roll-up takes the last talk sentence (desire); the weights give commitment more weight
        String text = "I will quit. I want to quit.";
        assertThat(rulesOnly.classify(text).label()).isEqualTo(Label.DESIRE);
        UtteranceResult r = weighted.classify(text);
        assertThat(r.label()).isEqualTo(Label.COMMITMENT);
        assertThat(r.sentences().get(0).label()).isEqualTo(Label.COMMITMENT);
        assertThat(r.sentences().get(0).decidedBy()).isEqualTo("WT_WILL");
        assertThat(r.weighing()).isNotNull();
        assertThat(r.weighing().weights()).isEqualTo("w.yaml");
        assertThat(r.weighing().scores().get(Direction.CHANGE)).isEqualTo(5.0);
        assertThat(r.weighing().features()).startsWith(new Weighing.FeatureWeight("WT_WILL", 3.0),
                new Weighing.FeatureWeight("WT_WANT", 2.0));
        assertThat(weighted.weights()).isEqualTo("w.yaml");
    }

    @Test
    void thePreviousClientTurnCountsInATranscriptAndGivesItsKind() {
        List<Turn> turns = List.of(Turn.client("I can't stop."), Turn.counselor("Mm-hmm."),
                Turn.client("It is what it is."));
        List<UtteranceResult> byRules = rulesOnly.classifyTranscript(turns, null);
        assertThat(byRules.get(2).label()).isEqualTo(Label.NEUTRAL);
        List<UtteranceResult> r = weighted.classifyTranscript(turns, null);
        assertThat(r.get(0).label()).isEqualTo(Label.SUSTAIN);
        assertThat(r.get(1).labelled()).isFalse();
        assertThat(r.get(2).direction()).isEqualTo(Direction.SUSTAIN);
        assertThat(r.get(2).kind()).isEqualTo(Kind.ABILITY);
        assertThat(r.get(2).weighing().features()).contains(new Weighing.FeatureWeight("previous=sustain", 2.0));
        // alone, the utterance has no previous turn: neutral's bias wins
        assertThat(weighted.classify("It is what it is.").label()).isEqualTo(Label.NEUTRAL);
        // read and decide in two steps give what classifyTranscript gives
        Reading first = weighted.read(new Utterance("I can't stop.", Speaker.CLIENT, List.of(), null));
        Reading third = weighted.read(new Utterance("It is what it is.", Speaker.CLIENT,
                List.of(Turn.client("I can't stop."), Turn.counselor("Mm-hmm.")), null));
        assertThat(third.followsClientTurn()).isTrue();
        assertThat(weighted.decide(third, first)).isEqualTo(r.get(2));
    }

    @Test
    void aShortAnswerReadsTheCounselorTurn() {
        Reading r = rulesOnly.read(Utterance.answering("Do you want to quit?", "Yeah."));
        assertThat(r.features()).contains("WT_YES", "prior=change", "after.question", "after.reflected=change",
                "answer.yes", "answer.yes+after.reflected=change", "length=1-2");
        assertThat(r.features()).doesNotContain("WT_WANT"); // the echoed rule is context, not a rule of the answer
        assertThat(r.reflected().rule()).isEqualTo("WT_WANT");
        // without weights, decide is the rules' result
        assertThat(rulesOnly.decide(r, null)).isSameAs(r.rules());
        assertThat(r.rules().weighing()).isNull();
    }

    @Test
    void withoutWeightsTheRulesDecideAndResultsCarryNoWeighing() {
        UtteranceResult r = rulesOnly.classify("I will quit. I want to quit.");
        assertThat(r.weighing()).isNull();
        assertThat(rulesOnly.weights()).isNull();
    }

    @Test
    void aBrokenWeightsFileFailsTheBuildWithOneLineNamingFileAndLine() {
        String broken = WEIGHTS.replace("WT_WILL:          [3.0, 0.0, 0.0]", "WT_WILL:          [3.0, 0.0]");
        assertThatThrownBy(() -> Classifier.builder().noDefaultRules().addRules("weights-test.yaml", PACK)
                .weights("bad.yaml", broken).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad.yaml:9: feature WT_WILL has 2 weights, but there are 3 classes");
        String other = WEIGHTS.replace("decides: client-direction", "decides: session-quality");
        assertThatThrownBy(() -> Classifier.builder().noDefaultRules().addRules("weights-test.yaml", PACK)
                .weights("other.yaml", other).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("other.yaml: these weights decide 'session-quality'; changetalk knows 'client-direction' and "
                        + "'counselor-behaviour'");
        // a counselor file is told apart by what it decides, and must have the counselor's four groups
        String counselor = WEIGHTS.replace("decides: client-direction", "decides: counselor-behaviour");
        assertThatThrownBy(() -> Classifier.builder().noDefaultRules().addRules("weights-test.yaml", PACK)
                .weights("counselor.yaml", counselor).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counselor.yaml: counselor weights have the classes [question, reflection, input, other]");
    }
}
