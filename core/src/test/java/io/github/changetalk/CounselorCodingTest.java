package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.CounselorCoding.Function;
import io.github.changetalk.CounselorCoding.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counselor turns coded by the default counselor packs (rules/helper): each turn once, with its behaviour,
 * MISC code, the words that decided it, permission read from context, and the same coding handed to the
 * client turn after it.
 */
class CounselorCodingTest {
    private static CounselorCoding code(String counselor, Turn... before) {
        UtteranceResult r = SharedClassifier.get().classify(new Utterance(counselor, Speaker.COUNSELOR, List.of(before), null));
        assertThat(r.labelled()).as("a counselor turn gets no client label").isFalse();
        assertThat(r.coding()).as("coding of \"%s\"", counselor).isNotNull();
        return r.coding();
    }

    @Test
    void aTranscriptsCounselorTurnsAreCodedWithTheirEvidence() {
        List<Turn> turns = List.of(
                Turn.counselor("Hi, thanks for coming in today."),
                Turn.client("My wife says I drink too much."),
                Turn.counselor("What do you make of what she says?"),
                Turn.client("Maybe she has a point, I don't know."),
                Turn.counselor("So part of you thinks she's right, and part of you isn't sure it's a problem."),
                Turn.client("Yeah."),
                Turn.counselor("You need to stop before it costs you your job."));
        List<UtteranceResult> results = SharedClassifier.get().classifyTranscript(turns, null);
        assertThat(results).hasSize(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            UtteranceResult r = results.get(i);
            if (turns.get(i).speaker() == Speaker.CLIENT) {
                assertThat(r.coding()).isNull();
                assertThat(r.labelled()).isTrue();
                continue;
            }
            CounselorCoding c = r.coding();
            assertThat(c).as("turn %d coded", i).isNotNull();
            assertThat(c.code().behaviour()).isEqualTo(c.behaviour());
            CounselorCoding.Sentence decider = c.sentences().stream().filter(s -> c.decidedBy().equals(s.decidedBy()))
                    .findFirst().orElseThrow();
            assertThat(decider.evidence()).as("the deciding rule's words are in the evidence")
                    .anyMatch(e -> e.rule().equals(c.decidedBy()) && !e.text().isBlank());
        }
        assertThat(results.get(0).coding().code()).isEqualTo(MiscCode.FI);
        assertThat(results.get(2).coding().code()).isEqualTo(MiscCode.OQ);
        assertThat(results.get(2).coding().questionKind()).isEqualTo(CounselorCoding.QuestionKind.OPEN);
        assertThat(results.get(4).coding().code()).as("a double-sided reflection").isEqualTo(MiscCode.CR);
        assertThat(results.get(4).coding().reflectionKind()).isEqualTo(CounselorCoding.ReflectionKind.COMPLEX);
        CounselorCoding directive = results.get(6).coding();
        assertThat(directive.code()).isEqualTo(MiscCode.DI);
        assertThat(directive.behaviour()).isEqualTo(Behaviour.INPUT);
        assertThat(directive.miInconsistent()).isTrue();
        assertThat(directive.inconsistentSentences()).singleElement()
                .satisfies(s -> assertThat(s.evidence()).anyMatch(e -> e.rule().equals("DI_MUST") && e.text().contains("need to")));
    }

    @Test
    void questionAndReflectionKindsDescribeTheirSentencesWhateverTheTurnIsCoded() {
        CounselorCoding greeting = code("Hello, Sam. How are you today?");
        assertThat(greeting.code()).as("a pleasantry decides the turn").isEqualTo(MiscCode.FI);
        assertThat(greeting.questionKind()).as("but it holds an open question").isEqualTo(CounselorCoding.QuestionKind.OPEN);

        CounselorCoding rising = code("So you'd rather keep the weekends for your kids?",
                Turn.client("I don't want to spend Saturdays at the bar anymore."));
        assertThat(rising.behaviour()).isEqualTo(Behaviour.QUESTION);
        assertThat(rising.reflectionKind()).as("a reflection said with a rising voice has a depth").isNotNull();

        CounselorCoding plain = code("Do you work on Saturdays?");
        assertThat(plain.questionKind()).isEqualTo(CounselorCoding.QuestionKind.CLOSED);
        assertThat(plain.reflectionKind()).as("a plain yes/no question reflects nothing").isNull();
    }

    @Test
    void theClientTurnAfterReadsTheCodingItAnswers() {
        String said = "So you're worried about what it's doing to your liver.";
        CounselorCoding reflection = code(said);
        assertThat(reflection.behaviour()).isEqualTo(Behaviour.REFLECTION);
        assertThat(reflection.putsWordsInClientsMouth()).isTrue();
        assertThat(reflection.reflected()).as("by default the client turn after reads it, when it needs it").isNull();
        Classifier reading = Classifier.builder().readReflectedTalk(true).build();
        CounselorCoding read = reading.classify(new Utterance(said, Speaker.COUNSELOR, List.of(), null)).coding();
        assertThat(read.reflected()).as("the reflection read in the client's voice").isNotNull();
        assertThat(read.reflected().found()).isTrue();
        assertThat(read.reflected().direction()).isEqualTo(Direction.CHANGE);
        assertThat(read.withReflected(null)).as("the same coding but for the talk read").isEqualTo(reflection);
        CounselorCoding question = reading.classify(new Utterance("What do you make of what she says?",
                Speaker.COUNSELOR, List.of(), null)).coding();
        assertThat(question.code()).isEqualTo(MiscCode.OQ);
        assertThat(question.putsWordsInClientsMouth()).isFalse();
        assertThat(question.reflected()).as("an open question is not read").isNull();

        Utterance afterUnread = new Utterance("Exactly.", Speaker.CLIENT, List.of(Turn.counselor(said, reflection)), null);
        Utterance afterRead = new Utterance("Exactly.", Speaker.CLIENT, List.of(Turn.counselor(said, read)), null);
        UtteranceResult uncoded = SharedClassifier.get().classify(Utterance.answering(said, "Exactly."));
        assertThat(SharedClassifier.get().classify(afterUnread).label()).isEqualTo(uncoded.label())
                .isEqualTo(SharedClassifier.get().classify(afterRead).label())
                .isEqualTo(reading.classify(afterUnread).label())
                .isEqualTo(Label.of(Direction.CHANGE, read.reflected().kind()));
    }

    @Test
    void adviceIsWithoutPermissionUnlessTheContextGivesIt() {
        String advice = "You might want to keep the gum in your coat pocket.";
        CounselorCoding unasked = code(advice, Turn.client("Work has been busy."));
        assertThat(unasked.code()).isEqualTo(MiscCode.ADW);
        assertThat(unasked.permission()).isEqualTo(Permission.NONE);
        assertThat(unasked.miInconsistent()).isTrue();

        CounselorCoding clientAsked = code(advice, Turn.client("What should I do when the cravings hit?"));
        assertThat(clientAsked.code()).isEqualTo(MiscCode.ADP);
        assertThat(clientAsked.permission()).isEqualTo(Permission.CLIENT_ASKED);
        assertThat(clientAsked.miInconsistent()).isFalse();

        CounselorCoding askedHere = code("Would it be okay if I shared an idea? " + advice, Turn.client("Work has been busy."));
        assertThat(askedHere.permission()).isEqualTo(Permission.ASKED_THIS_TURN);
        assertThat(askedHere.sentences().get(1).code()).isEqualTo(MiscCode.ADP);
        assertThat(askedHere.miInconsistent()).isFalse();

        CounselorCoding askedBefore = code(advice, Turn.counselor("Can I tell you what some people try?"), Turn.client("Sure."));
        assertThat(askedBefore.permission()).isEqualTo(Permission.ASKED_EARLIER);
        assertThat(askedBefore.code()).isEqualTo(MiscCode.ADP);

        CounselorCoding declined = code(advice, Turn.counselor("Can I tell you what some people try?"), Turn.client("No thanks."));
        assertThat(declined.code()).as("the client turned the offer down").isEqualTo(MiscCode.ADW);
    }

    @Test
    void theActTheClientAnswersCarriesItsFunction() {
        CounselorCoding ruler = code("On a scale from nought to ten, where would you put your confidence in cutting down?");
        assertThat(ruler.code()).isEqualTo(MiscCode.CQ);
        assertThat(ruler.answered().function()).isEqualTo(Function.RULER);
        assertThat(ruler.answered().dimension()).isEqualTo(CounselorCoding.Dimension.CONFIDENCE);

        CounselorCoding evoking = code("Mm-hmm. What would be better if you stopped?");
        assertThat(evoking.code()).isEqualTo(MiscCode.OQ);
        assertThat(evoking.answered().function()).isEqualTo(Function.EVOKING_CHANGE);
        assertThat(evoking.answered().asks()).isEqualTo(Kind.REASON);

        CounselorCoding backchannel = code("Mm-hmm.");
        assertThat(backchannel.code()).isEqualTo(MiscCode.FA);
        assertThat(backchannel.answered()).as("a backchannel asks nothing").isNull();
    }
}
