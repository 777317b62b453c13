package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.changetalk.internal.pack.AfterSpec;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.RuleSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client rule's {@code after:} condition on the counselor turn just before, as a trainer writes it: what the
 * turn was (behaviour, code, open or closed), what the act the client answers asks (function, the kind an
 * evoking question asks for, a ruler's dimension) and the talk the turn carries in the client's voice. The
 * counselor turn's coding comes from the default counselor packs, worked out once (attached to the turn in a
 * transcript) or on first use (a context given as text).
 */
class AfterConditionTest {
    private static final String PACK = """
            pack: after-test
            rules:
              - id: AFTER_CONFIDENT_NUMBER
                kind: ability
                direction: change
                priority: frame
                after: {function: ruler, dimension: confidence}
                patterns:
                  - tokens: '^ [{word:/(?i)seven|eight|nine/}] [{tag:/[.]/}]? $'
                examples:
                  match:
                    - {text: "Seven.", context: "On a scale from nought to ten, where would you put your confidence in cutting down?"}
                    - {text: "Eight.", context: "How confident are you that you could keep it up?"}
                  nomatch:
                    - {text: "Eight.", context: "How many drinks did you have on Saturday?"}
                    - {text: "Nine.", context: "How important is it to you, from zero to ten?"}
                    - Seven.
              - id: AFTER_AGREES_WITH_CHANGE_REFLECTION
                kind: reason
                direction: change
                priority: frame
                after: {behaviour: reflection, reflected: change}
                patterns:
                  - tokens: '^ [{word:/(?i)true/}] [{tag:/[.]/}]? $'
                examples:
                  match:
                    - {text: "True.", context: "So you're worried about what it's doing to your liver."}
                    - {text: "True.", context: "You're worried about your liver."}
                  nomatch:
                    - {text: "True.", context: "Do you worry about your liver?"}
                    - True.
            """;
    private static Classifier classifier;

    @BeforeAll
    static void load() {
        classifier = Classifier.builder().addRules("after-test.yaml", PACK).build();
    }

    @Test
    void theConditionHoldsOnlyAfterTheCounselorTurnItNames() {
        assertThat(classifier.checkExamples("AFTER_CONFIDENT_NUMBER")).hasSize(5)
                .allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue());
        assertThat(classifier.checkExamples("AFTER_AGREES_WITH_CHANGE_REFLECTION")).hasSize(4)
                .allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue());
        UtteranceResult r = classifier.classify(Utterance.answering("How confident are you that you could keep it up?", "Eight."));
        assertThat(r.label()).isEqualTo(Label.ABILITY);
        assertThat(r.sentences().get(0).decidedBy()).isEqualTo("AFTER_CONFIDENT_NUMBER");
    }

    @Test
    void inATranscriptTheClientTurnReadsTheCodingTheCounselorTurnGot() {
        List<UtteranceResult> results = classifier.classifyTranscript(List.of(
                Turn.client("I've been thinking about the drinking."),
                Turn.counselor("On a scale from nought to ten, where would you put your confidence in cutting down?"),
                Turn.client("Seven."),
                Turn.counselor("How many drinks do you have on a Friday?"),
                Turn.client("Seven.")), null);
        assertThat(results.get(1).coding().answered().function()).isEqualTo(CounselorCoding.Function.RULER);
        assertThat(results.get(2).label()).isEqualTo(Label.ABILITY);
        assertThat(results.get(4).label()).as("a number after a question of fact").isEqualTo(Label.NEUTRAL);
    }

    @Test
    void theConditionIsWrittenAsAMappingOfKnownKeysAndValues() {
        RuleSpec rule = PackParser.parse("after-test.yaml", PACK).rules().get(0);
        assertThat(rule.after().function()).containsExactly(CounselorCoding.Function.RULER);
        assertThat(rule.after().dimension()).containsExactly(CounselorCoding.Dimension.CONFIDENCE);
        assertThat(error(PACK.replace("{function: ruler, dimension: confidence}", "{function: rulers}")))
                .startsWith("bad.yaml:").contains("rule AFTER_CONFIDENT_NUMBER: after: unknown function 'rulers'");
        assertThat(error(PACK.replace("{function: ruler, dimension: confidence}", "{colour: red}")))
                .contains("rule AFTER_CONFIDENT_NUMBER: unknown key 'colour' in after");
        assertThat(error(PACK.replace("{behaviour: reflection, reflected: change}", "{behaviour: [reflection, lecture]}")))
                .contains("after: unknown behaviour 'lecture'");
        assertThat(error("pack: c\nspeaker: counselor\n" + PACK.substring(PACK.indexOf("rules:"))))
                .contains("is for client rules; a counselor rule says what it hears with 'code:'");
    }

    @Test
    void everyKeyGivenMustHoldAndAMissingTurnMeetsNone() {
        CounselorCoding.Sentence reflective = new CounselorCoding.Sentence(0, "w", 0, 1, MiscCode.CR, "R", null, null, null,
                List.of(), List.of(), List.of());
        CounselorCoding.ReflectedTalk change = new CounselorCoding.ReflectedTalk("X", Label.REASON, Direction.CHANGE,
                Kind.REASON, Band.SPECIFIC, "w");
        CounselorCoding reflection = new CounselorCoding(Behaviour.REFLECTION, MiscCode.CR, false, null,
                CounselorCoding.ReflectionKind.COMPLEX, CounselorCoding.Permission.NONE, "R", null, null, List.of(reflective));
        AfterSpec both = new AfterSpec(Set.of(Behaviour.REFLECTION), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(Direction.CHANGE));
        AfterSpec none = new AfterSpec(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(Direction.NEUTRAL));
        AfterSpec question = new AfterSpec(Set.of(Behaviour.QUESTION), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(both.test(reflection, () -> change)).isTrue();
        assertThat(none.test(reflection, () -> change)).as("reflected: none").isFalse();
        assertThat(none.test(reflection, () -> CounselorCoding.ReflectedTalk.NONE)).as("read, and no talk").isTrue();
        assertThat(question.test(reflection, () -> {
            throw new AssertionError("the voice is read only for a reflected: key");
        })).isFalse();
        assertThat(both.test(null, () -> change)).as("no counselor turn before").isFalse();

        CounselorCoding.Sentence information = new CounselorCoding.Sentence(0, "w", 0, 1, MiscCode.GI, "G", null, null,
                null, List.of(), List.of(), List.of());
        CounselorCoding input = new CounselorCoding(Behaviour.INPUT, MiscCode.GI, false, null, null,
                CounselorCoding.Permission.NONE, "G", null, null, List.of(information));
        assertThat(input.putsWordsInClientsMouth()).isFalse();
        assertThat(none.test(input, () -> {
            throw new AssertionError("a turn that puts no words in the client's mouth carries none, unread");
        })).as("information carries no reflected talk").isTrue();
    }

    private static String error(String yaml) {
        RulePackException e = catchThrowableOfType(RulePackException.class,
                () -> Classifier.builder().noDefaultRules().addRules("bad.yaml", yaml).build());
        assertThat(e).as("a pack error").isNotNull();
        return e.getMessage();
    }
}
