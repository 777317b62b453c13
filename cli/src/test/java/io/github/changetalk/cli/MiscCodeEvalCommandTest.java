package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changetalk eval} against a gold MISC 2.5 {@code code} column, through the real command: a small gold
 * file written for this test in the counselor-corpus layout (session, turn, speaker, text, label, kind, topic,
 * code; client rows give context, some with no label), coded by the tests' own counselor pack
 * ({@link Cli#COUNSELOR_PACK}: what/how questions OQ, do/is questions CQ, "so you" SR, "you have to" DI,
 * a lone "Okay." FA).
 */
class MiscCodeEvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /*
     * gold code -> what the test pack gives (group gold -> predicted; * = flagged mi_inconsistent):
     *  a2  OQ  -> OQ             adherent -> adherent
     *  a4  REC -> SR  (REC = CR) adherent -> adherent
     *  a6  DI  -> DI *           inconsistent -> inconsistent
     *  a7  FA  -> FA             neutral -> neutral
     *  b1  quc -> CQ  (QUC = CQ) neutral -> neutral
     *  b3  WA  -> DI *           inconsistent -> inconsistent
     *  b4  RF  -> SR             adherent -> adherent (RF: never given)
     *  b5  EC  -> DI *           adherent -> inconsistent (a false alarm)
     *  b6  ADW -> SR             inconsistent -> adherent (a righting reflex missed)
     *  b7  OQ  -> nothing fires: not coded, not scored
     * Client rows: two labelled, two with an empty label (not scored); one client code (C+) is not read.
     */
    static final String GOLD = String.join("\n",
            "session,turn,speaker,text,label,kind,topic,code",
            "a,1,client,I want to quit.,desire,desire,smoking,",
            "a,2,counselor,What brings you in?,,,smoking,OQ",
            "a,3,client,It is hard.,,,smoking,",
            "a,4,counselor,So you want to stop.,,,smoking,REC",
            "a,5,client,It is a lot.,,,smoking,",
            "a,6,counselor,You have to stop now.,,,smoking,DI",
            "a,7,counselor,Okay.,,,smoking,FA",
            "b,1,counselor,Is it hard for you?,,,drinking,quc",
            "b,2,client,I will quit.,commitment,commitment,drinking,C+",
            "b,3,counselor,You have to think about your kids.,,,drinking,WA",
            "b,4,counselor,So you have been trying.,,,drinking,RF",
            "b,5,counselor,You have to be ready for it.,,,drinking,EC",
            "b,6,counselor,So you should stop.,,,drinking,ADW",
            "b,7,counselor,Tell me more.,,,drinking,OQ",
            "");

    @TempDir
    Path dir;

    private Path gold(String content) throws IOException {
        return Cli.write(dir, "misc-gold.csv", content);
    }

    private Cli.Result eval(Path gold, String... more) {
        return Cli.evalWithTestPacks(gold, more);
    }

    @Test
    void scoresTheRightingReflexTheGroupsAndTheCodes() throws IOException {
        Cli.Result r = eval(gold(GOLD), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rep = JSON.readTree(r.out());
        assertThat(rep.get("scored").asInt()).isEqualTo(2); // the two labelled client rows
        assertThat(rep.get("not_scored").asInt()).isEqualTo(12); // two unlabelled client rows and ten counselor rows
        JsonNode h = rep.get("helper");
        assertThat(h.get("not_coded").asInt()).isEqualTo(1);
        assertThat(h.has("behaviour")).isFalse();
        JsonNode c = h.get("code");
        assertThat(c.get("column").asText()).isEqualTo("code");
        assertThat(c.get("turns").asInt()).isEqualTo(9);
        // flagged a6 b3 b5, gold a6 b3 b6: two of three each way
        JsonNode rr = c.get("righting_reflex");
        assertThat(rr.get("gold").asInt()).isEqualTo(3);
        assertThat(rr.get("flagged").asInt()).isEqualTo(3);
        assertThat(rr.get("both").asInt()).isEqualTo(2);
        assertThat(rr.get("precision").asDouble()).isEqualTo(0.667);
        assertThat(rr.get("recall").asDouble()).isEqualTo(0.667);
        assertThat(rr.get("f1").asDouble()).isEqualTo(0.667);
        assertThat(rr.get("gold_not_coded").asInt()).isZero(); // b7 is an open question
        JsonNode g = c.get("groups");
        assertThat(g.get("accuracy").asDouble()).isEqualTo(0.778); // 7 of 9
        JsonNode gc = g.get("confusion");
        assertThat(gc.get("mi_adherent").get("mi_adherent").asInt()).isEqualTo(3);
        assertThat(gc.get("mi_adherent").get("mi_inconsistent").asInt()).isEqualTo(1);
        assertThat(gc.get("mi_inconsistent").get("mi_adherent").asInt()).isEqualTo(1);
        assertThat(gc.get("mi_inconsistent").get("mi_inconsistent").asInt()).isEqualTo(2);
        assertThat(gc.get("neutral").get("neutral").asInt()).isEqualTo(2);
        // codes right: a2 a6 a7 b1
        assertThat(c.get("accuracy").asDouble()).isEqualTo(0.444);
        JsonNode labels = c.get("labels");
        assertThat(labels.fieldNames()).toIterable()
                .containsExactly("OQ", "CQ", "SR", "CR", "EC", "ADW", "DI", "WA", "FA", "RF");
        assertThat(labels.get("DI").get("gold").asInt()).isEqualTo(1);
        assertThat(labels.get("DI").get("predicted").asInt()).isEqualTo(3);
        assertThat(labels.get("DI").get("precision").asDouble()).isEqualTo(0.333);
        assertThat(labels.get("DI").get("recall").asDouble()).isEqualTo(1.0);
        assertThat(labels.get("DI").get("f1").asDouble()).isEqualTo(0.5);
        assertThat(labels.get("CQ").get("f1").asDouble()).isEqualTo(1.0); // 'quc' read as CQ
        assertThat(labels.get("CR").get("gold").asInt()).isEqualTo(1); // 'REC' read as CR
        assertThat(labels.get("RF").get("predicted").asInt()).isZero();
        assertThat(c.get("confusion").get("RF").get("SR").asInt()).isEqualTo(1);
        assertThat(c.get("confusion").has("AF")).isFalse();
        assertThat(c.get("not_given").get("RF").asInt()).isEqualTo(1);
    }

    @Test
    void textPutsTheRightingReflexFirst() throws IOException {
        Cli.Result r = eval(gold(GOLD));
        assertThat(r.code()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("helper turns: 9 scored against column code (1 counselor turns with gold were not coded")
                .contains("RIGHTING REFLEX (MI-inconsistent: ADW RCW CO DI WA) on the 9 counselor turns with a gold MISC code in column code:")
                .contains("  precision 0.667  recall 0.667  F1 0.667  (gold 3, flagged 3, both 2)")
                .contains("MI-adherent / neutral / MI-inconsistent: accuracy 0.778")
                .contains("MISC codes (turn code): accuracy 0.444")
                .contains("gold codes changetalk never gives (counted as missed): RF 1");
        assertThat(out.indexOf("RIGHTING REFLEX")).isLessThan(out.indexOf("MISC codes"));
    }

    @Test
    void codesAndTheAnnoMiColumnsAreScoredTogether() throws IOException {
        StringBuilder both = new StringBuilder();
        for (String line : GOLD.split("\n")) {
            both.append(line).append(line.startsWith("session") ? ",behaviour" : line.endsWith(",smoking,OQ") ? ",question"
                    : line.endsWith(",smoking,DI") ? ",therapist_input" : ",").append('\n');
        }
        JsonNode h = JSON.readTree(eval(gold(both.toString()), "--format", "json").out()).get("helper");
        assertThat(h.get("scored").asInt()).isEqualTo(2);
        assertThat(h.get("behaviour").get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(h.get("code").get("turns").asInt()).isEqualTo(9);
    }

    @Test
    void eachFoldHasItsOwnCodeFigures() throws IOException {
        Cli.Result r = eval(gold(GOLD), "--folds", "session", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode folds = JSON.readTree(r.out()).get("helper").get("folds");
        // a: OQ, REC->SR, DI, FA; b: quc, WA->DI, RF->SR, EC->DI, ADW->SR
        assertThat(folds.get("a").get("code").get("turns").asInt()).isEqualTo(4);
        assertThat(folds.get("a").get("code").get("accuracy").asDouble()).isEqualTo(0.75);
        assertThat(folds.get("a").get("code").get("righting_reflex").get("f1").asDouble()).isEqualTo(1.0);
        assertThat(folds.get("b").get("code").get("turns").asInt()).isEqualTo(5);
        assertThat(folds.get("b").get("code").get("righting_reflex").get("precision").asDouble()).isEqualTo(0.5);
        assertThat(folds.get("b").get("code").get("righting_reflex").get("recall").asDouble()).isEqualTo(0.5);
        assertThat(eval(gold(GOLD), "--folds", "session").out()).contains("code accuracy").contains("righting reflex F1");
    }

    @Test
    void aRightingReflexNoRuleCodedIsReportedBesideTheFigures() throws IOException {
        Path g = gold(GOLD.replace("Tell me more.,,,drinking,OQ", "Tell me more.,,,drinking,co"));
        JsonNode rr = JSON.readTree(eval(g, "--format", "json").out()).get("helper").get("code").get("righting_reflex");
        assertThat(rr.get("gold_not_coded").asInt()).isEqualTo(1);
        assertThat(rr.get("recall").asDouble()).isEqualTo(0.667); // the scored turns only
        assertThat(eval(g).out()).contains("  and 1 more gold MI-inconsistent turns that no rule coded");
    }

    @Test
    void aValueThatIsNoMiscCodeNamesFileLineAndColumn() throws IOException {
        Path g = gold(GOLD.replace("Okay.,,,smoking,FA", "Okay.,,,smoking,nodding"));
        Cli.Result r = eval(g);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("changetalk: " + g + ":8: unknown gold code 'nodding' in column code"
                + " (expected a MISC 2.5 code: OQ CQ SR CR").endsWith(" RF, or QUC QUO REC RES)").doesNotContain("\n");
        // the same check when the records are kept for fitting, and on a turn no rule coded
        assertThat(eval(g, "--folds", "session", "--weights", "fit").err()).contains(":8: unknown gold code 'nodding'");
        Path uncoded = gold(GOLD.replace("Tell me more.,,,drinking,OQ", "Tell me more.,,,drinking,XX"));
        assertThat(eval(uncoded).err()).contains(":15: unknown gold code 'XX' in column code");
    }

    @Test
    void clientRowsCodesAreNotRead() throws IOException {
        Cli.Result r = eval(gold(GOLD.replace("commitment,drinking,C+", "commitment,drinking,anything at all")), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("helper").get("code").get("turns").asInt()).isEqualTo(9);
    }
}
