package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Short answers take their meaning from the counselor turn before them, read in the client's voice:
 * agreeing with a reflection or question about change is change talk, refusing one is sustain talk.
 */
class EchoAnswerTest {
    private static final String PACK = """
            pack: echo-test
            lexicons:
              CUT: [cut down, quit, stop]
              YES: ["yes", yeah, exactly, definitely, right]
              NO: ["no", nope, not really]
            rules:
              - id: ECHO_WANT_CUT
                kind: desire
                direction: change
                patterns:
                  - tokens: '[{word:/(?i)i/}] []{0,2} [{lemma:want}] []{0,2} $CUT'
                examples:
                  match: ["I want to cut down.", "i really want to quit"]
                  nomatch: ["She wants to quit."]
              - id: ECHO_GOING_TO_CUT
                kind: commitment
                direction: change
                patterns:
                  - tokens: '[{word:/(?i)i/}] [{lemma:be}] [{word:going}] [{word:to}] $CUT'
                examples:
                  match: ["I am going to cut down.", "I'm going to quit."]
                  nomatch: ["I might quit."]
              - id: ECHO_NOT_GOING_TO_CUT
                kind: commitment
                direction: sustain
                priority: reversal
                patterns:
                  - tokens: '[{word:/(?i)i/}] [{lemma:be}] [{lemma:not}] [{word:going}] [{word:to}] $CUT'
                examples:
                  match: ["I'm not going to quit.", "I am not going to cut down."]
                  nomatch: ["I am going to quit."]
              - id: ECHO_YES
                neutral: true
                echo: affirm
                patterns:
                  - tokens: '^ $YES [{tag:/[.,]/}]? $'
                examples:
                  match: [{text: "Yeah.", context: "Do you want to cut down?"}, "Exactly."]
                  nomatch: ["Yeah, I drove here."]
              - id: ECHO_NO
                neutral: true
                echo: deny
                patterns:
                  - tokens: '^ $NO [{tag:/[.,]/}]? $'
                examples:
                  match: [{text: "No.", context: "Are you going to quit?"}, "Nope."]
                  nomatch: ["No way I'm doing that."]
            """;
    private static Classifier classifier;

    @BeforeAll
    static void load() {
        classifier = Classifier.builder().noDefaultRules().addRules("echo-test.yaml", PACK).build();
    }

    private static UtteranceResult answer(String counselor, String client) {
        return classifier.classify(Utterance.answering(counselor, client));
    }

    @Test
    void agreeingWithAQuestionOrReflectionAboutChangeIsChangeTalk() {
        UtteranceResult r = answer("Do you want to cut down?", "Yeah.");
        assertThat(r.label()).isEqualTo(Label.DESIRE);
        assertThat(r.sentences().get(0).evidence()).anySatisfy(e -> {
            assertThat(e.pattern()).isEqualTo("echo");
            assertThat(e.rule()).isEqualTo("ECHO_WANT_CUT");
            assertThat(e.text()).isEqualTo("I want to cut down");
        });
        assertThat(answer("So you really want to quit.", "Exactly.").label()).isEqualTo(Label.DESIRE);
    }

    @Test
    void refusingAQuestionAboutChangeIsSustainTalkOfTheSameKind() {
        UtteranceResult r = answer("Are you going to quit?", "No.");
        assertThat(r.label()).isEqualTo(Label.SUSTAIN);
        assertThat(r.kind()).isEqualTo(Kind.COMMITMENT);
    }

    @Test
    void theCounselorTurnIsResolvedAsClientSpeechIsButRuleIncluded() {
        // Read in the client's voice: "So I'm not going to quit, but I want to cut down." The sustain reading
        // has the higher priority, but the side after "but" decides, as it does for the client's own words.
        UtteranceResult r = answer("So you're not going to quit, but you want to cut down.", "Yeah.");
        assertThat(r.label()).isEqualTo(Label.DESIRE);
        assertThat(r.sentences().get(0).evidence()).anySatisfy(e -> assertThat(e.rule()).isEqualTo("ECHO_WANT_CUT"));
        assertThat(answer("So you want to cut down, but you're not going to quit.", "Yeah.").label()).isEqualTo(Label.SUSTAIN);
    }

    @Test
    void answersToOtherQuestionsOrWithoutACounselorTurnStayNeutral() {
        assertThat(answer("Did you drive here today?", "Yeah.").label()).isEqualTo(Label.NEUTRAL);
        assertThat(classifier.classify("Yeah.").label()).isEqualTo(Label.NEUTRAL);
        assertThat(answer("Your wife wants you to quit.", "Yeah.").label())
                .as("'my wife wants me to quit' is not the client's own desire").isEqualTo(Label.NEUTRAL);
        assertThat(classifier.checkExamples()).allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue());
    }

    @Test
    void echoIsOnlyForNeutralRules() {
        String bad = PACK.replace("neutral: true\n    echo: affirm", "kind: desire\n    direction: change\n    echo: affirm");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RulePackException.class,
                () -> Classifier.builder().noDefaultRules().addRules("bad.yaml", bad).build()).getMessage())
                .startsWith("bad.yaml:").contains("rule ECHO_YES: 'echo' is for neutral answer rules");
    }
}
