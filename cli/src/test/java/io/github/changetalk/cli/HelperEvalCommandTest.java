package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changetalk eval} on counselor turns, through the real command: a small gold file (written for
 * this test, in AnnoMI's columns) coded by the tests' own counselor pack ({@link Cli#COUNSELOR_PACK}).
 */
class HelperEvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /*
     * What the test pack codes each counselor turn (gold behaviour -> predicted):
     * s1 (high): OQ question->question; SR reflection->reflection (gold simple); SR reflection->reflection
     *            (gold complex: kind wrong); FA reflection->other (gold complex: no reflection found)
     * s2 (low):  CQ question->question; DI input->input (MI-inconsistent); CQ question->question;
     *            FA other->other; SR input->reflection
     * s3 (high): CQ question->question
     */
    static final String GOLD = String.join("\n",
            "session,speaker,text,label,mi_quality,behaviour,question,reflection",
            "s1,counselor,What brings you here today?,,high,question,open,",
            "s1,client,I want to quit.,desire,high,,,",
            "s1,counselor,So you want to quit.,,high,reflection,,simple",
            "s1,client,I will quit.,commitment,high,,,",
            "s1,counselor,So you feel ready for this.,,high,reflection,,complex",
            "s1,counselor,Right. You have been through a lot.,,high,reflection,,complex",
            "s2,counselor,Do you drink every day?,,low,question,closed,",
            "s2,client,I do not want to stop.,sustain,low,,,",
            "s2,counselor,You have to stop drinking.,,low,therapist_input,,",
            "s2,counselor,Is it that hard?,,low,question,closed,",
            "s2,counselor,Okay.,,low,other,,",
            "s2,counselor,So you could try the patches.,,low,therapist_input,,",
            "s3,counselor,Is it hard?,,high,question,closed,",
            "s3,client,I want to quit.,desire,high,,,",
            "");

    @TempDir
    Path dir;

    private Path gold(String content) throws IOException {
        return Cli.write(dir, "helper-gold.csv", content);
    }

    private Cli.Result eval(Path gold, String... more) {
        return Cli.evalWithTestPacks(gold, more);
    }

    @Test
    void scoresBehaviourAndTheQuestionAndReflectionKinds() throws IOException {
        Cli.Result r = eval(gold(GOLD), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rep = JSON.readTree(r.out());
        assertThat(rep.get("three_way").get("accuracy").asDouble()).isEqualTo(1.0); // client figures stay
        JsonNode h = rep.get("helper");
        assertThat(h.get("scored").asInt()).isEqualTo(10);
        assertThat(h.get("not_coded").asInt()).isZero();
        JsonNode b = h.get("behaviour");
        assertThat(b.get("accuracy").asDouble()).isEqualTo(0.8);
        // question 1/1/1; reflection P 2/3 R 2/3; input P 1 R 1/2; other P 1/2 R 1: each F1 2/3 but question's
        assertThat(b.get("macro_f1").asDouble()).isEqualTo(0.75);
        assertThat(b.get("labels").get("input").get("recall").asDouble()).isEqualTo(0.5);
        assertThat(b.get("labels").get("other").get("precision").asDouble()).isEqualTo(0.5);
        assertThat(b.get("confusion").get("input").get("reflection").asInt()).isEqualTo(1);
        assertThat(b.get("confusion").get("reflection").get("other").asInt()).isEqualTo(1);
        JsonNode q = h.get("question");
        assertThat(q.get("turns").asInt()).isEqualTo(4);
        assertThat(q.get("accuracy").asDouble()).isEqualTo(1.0);
        JsonNode refl = h.get("reflection");
        assertThat(refl.get("turns").asInt()).isEqualTo(3);
        assertThat(refl.get("accuracy").asDouble()).isEqualTo(0.333);
        assertThat(refl.get("no_prediction").asInt()).isEqualTo(1);
        assertThat(refl.get("accuracy_when_predicted").asDouble()).isEqualTo(0.5);
        assertThat(refl.get("confusion").get("complex").get("simple").asInt()).isEqualTo(1);
        assertThat(h.has("sessions")).isFalse();
        assertThat(h.has("mi_adherence_auc")).isFalse();
    }

    @Test
    void summaryRanksSessionsByMiAdherence() throws IOException {
        JsonNode h = JSON.readTree(eval(gold(GOLD), "--summary", "--format", "json").out()).get("helper");
        JsonNode s = h.get("sessions");
        assertThat(s).hasSize(3);
        // s1: OQ SR SR FA -> R:Q 2 (full), %CR 0, %OQ 1 (full), no righting reflex: 2/3
        assertThat(s.get(0).get("mi_adherence").asDouble()).isEqualTo(0.667);
        // s2: CQ DI CQ FA SR -> R:Q 1/2 (a quarter), %CR 0, %OQ 0; 1 MI-inconsistent in 5 turns: 2^-2
        assertThat(s.get(1).get("mi_adherence").asDouble()).isEqualTo(0.021);
        assertThat(s.get(1).get("mi_inconsistent").asInt()).isEqualTo(1);
        assertThat(s.get(1).get("mi_quality").asText()).isEqualTo("low");
        // s3: one closed question: nothing of the three parts
        assertThat(s.get(2).get("mi_adherence").asDouble()).isZero();
        assertThat(s.get(2).get("complex_reflection_share").isNull()).isTrue();
        // high {2/3, 0} vs low {0.021}: one pair ordered right, one wrong
        JsonNode auc = h.get("mi_adherence_auc");
        assertThat(auc.get("auc").asDouble()).isEqualTo(0.5);
        assertThat(auc.get("high_sessions").asInt()).isEqualTo(2);
        assertThat(auc.get("low_sessions").asInt()).isEqualTo(1);
    }

    @Test
    void textReportsTheHelperFiguresAndTheAuc() throws IOException {
        Cli.Result r = eval(gold(GOLD), "--summary");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("helper behaviour (question / reflection / input / other): accuracy 0.800")
                .contains("macro-F1 0.750")
                .contains("open vs closed on the 4 turns whose gold has a question code: accuracy 1.000")
                .contains("simple vs complex on the 3 turns whose gold has a reflection code: accuracy 0.333")
                .contains("ROC AUC of mi_adherence, high vs low practice: 0.500 (2 high, 1 low sessions)");
    }

    @Test
    void helperGoldAloneIsEnoughToScore() throws IOException {
        Path g = gold(GOLD.replace(",desire,", ",,").replace(",commitment,", ",,").replace(",sustain,", ",,"));
        Cli.Result r = eval(g, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rep = JSON.readTree(r.out());
        assertThat(rep.has("three_way")).isFalse();
        assertThat(rep.get("helper").get("behaviour").get("accuracy").asDouble()).isEqualTo(0.8);
        assertThat(eval(g).out()).contains("helper codes only").contains("helper behaviour");
    }

    @Test
    void withoutCounselorPacksTheTurnsAreCountedAsNotCoded() throws IOException {
        Cli.Result r = Cli.run("", "eval", "--gold", gold(GOLD).toString(), "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("10 counselor turns with gold were not coded");
    }

    @Test
    void unknownGoldValuesNameFileLineAndColumn() throws IOException {
        Path g = gold(GOLD.replace("s2,counselor,Okay.,,low,other,,", "s2,counselor,Okay.,,low,chitchat,,"));
        Cli.Result r = eval(g);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("changetalk: " + g + ":12: unknown gold behaviour 'chitchat' in column behaviour"
                + " (expected question, reflection, therapist_input, input or other)");
        Path q = gold(GOLD.replace("s3,counselor,Is it hard?,,high,", "s3,counselor,Is it hard?,,middling,"));
        assertThat(eval(q, "--summary").err()).contains(":14: unknown gold mi_quality 'middling'");
        Path mixed = gold(GOLD.replace("s3,client,I want to quit.,desire,high", "s3,client,I want to quit.,desire,low"));
        assertThat(eval(mixed, "--summary").err()).contains(":15: session s3 is 'high' in column mi_quality on an earlier row and 'low' here");
    }
}
