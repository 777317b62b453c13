package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --summary} with coded counselor turns, through the real command: the helper scores per session
 * and overall in every format, and in text the MI-inconsistent turns with the words that decided them.
 * The counselor turns are coded by the tests' own counselor pack ({@link Cli#COUNSELOR_PACK}).
 */
class HelperSummaryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Session a: an open question, a simple reflection, a closed question and a directive (4 coded turns,
     * one MI-inconsistent), with three client turns. Session b: one open question, one client turn.
     * (A test resource, so that the Spark job's test reads the same transcript.)
     */
    private static Path transcript() {
        return Path.of(System.getProperty("changetalk.root", ".."), "cli/src/test/resources/helper-session.csv");
    }

    private Cli.Result summary(String format) {
        Cli.Result r = Cli.run("", "--summary", "--format", format, "--only-rules", Cli.TEST_PACK,
                "--only-rules", Cli.COUNSELOR_PACK, transcript().toString());
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    @Test
    void jsonLinesCarryHelperScoresPerSessionAndOverall() throws IOException {
        List<JsonNode> rows = ClassifyCommandTest.jsonLines(summary("jsonl").out());
        assertThat(rows).extracting(n -> n.get("session").asText()).containsExactly("a", "b", "null");
        assertThat(rows).extracting(n -> n.get("scope").asText()).containsExactly("session", "session", "total");
        JsonNode a = rows.get(0).get("helper");
        assertThat(rows.get(0).get("change_talk").asInt()).isEqualTo(2); // client counts stay beside them
        assertThat(a.get("turns").asInt()).isEqualTo(4);
        assertThat(a.get("codes").get("OQ").asInt()).isEqualTo(1);
        assertThat(a.get("codes").get("SR").asInt()).isEqualTo(1);
        assertThat(a.get("codes").get("DI").asInt()).isEqualTo(1);
        assertThat(a.get("codes").get("CR").asInt()).isZero();
        assertThat(a.get("reflection_to_question").asDouble()).isEqualTo(0.5);
        assertThat(a.get("reflection_to_question_band").asText()).isEqualTo("below");
        assertThat(a.get("complex_reflection_share").asDouble()).isZero();
        assertThat(a.get("open_question_share").asDouble()).isEqualTo(0.5);
        assertThat(a.get("mi_inconsistent").asInt()).isEqualTo(1);
        assertThat(a.get("mi_consistent_share").asDouble()).isEqualTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
        // formula D: (min(1, 0.5/2) + 0 + min(1, 0.5/0.5)) / 3 x 2^-(1 per 4 turns x 10)
        assertThat(a.get("mi_adherence").asDouble()).isEqualTo((0.25 + 0 + 1) / 3 * Math.pow(2, -2.5),
                org.assertj.core.api.Assertions.within(1e-9));
        JsonNode b = rows.get(1).get("helper");
        assertThat(b.get("turns").asInt()).isEqualTo(1);
        assertThat(b.get("reflection_to_question").asDouble()).isZero();
        assertThat(b.get("complex_reflection_share").isNull()).isTrue(); // no reflection: undefined, not 0
        assertThat(b.get("complex_reflection_band").isNull()).isTrue();
        assertThat(b.get("mi_adherence").asDouble()).isEqualTo(1 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
        JsonNode all = rows.get(2).get("helper");
        assertThat(all.get("turns").asInt()).isEqualTo(5);
        assertThat(all.get("codes").get("OQ").asInt()).isEqualTo(2);
        assertThat(all.get("open_question_share").asDouble()).isEqualTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void jsonListsTheFlaggedTurns() throws IOException {
        JsonNode root = JSON.readTree(summary("json").out());
        assertThat(root.get("sessions").get(0).get("helper").get("mi_inconsistent").asInt()).isEqualTo(1);
        JsonNode flagged = root.get("mi_inconsistent_turns");
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0).get("where").asText()).endsWith("helper-session.csv:8");
        assertThat(flagged.get(0).get("sentences").get(0).get("code").asText()).isEqualTo("DI");
        assertThat(flagged.get(0).get("sentences").get(0).get("rule").asText()).isEqualTo("CLITEST_DIRECT");
        assertThat(flagged.get(0).get("sentences").get(0).get("words").asText()).isEqualTo("You have to");
    }

    @Test
    void csvAndTsvAddOneColumnPerCodeAndScore() throws IOException {
        List<String> csv = summary("csv").lines();
        assertThat(csv).hasSize(4);
        List<String> head = List.of(csv.get(0).split(","));
        assertThat(head).contains("ct_share", "helper_turns", "OQ", "ST", "reflection_to_question", "reflection_to_question_band",
                "complex_reflection_share", "complex_reflection_band", "open_question_share", "mi_inconsistent",
                "mi_consistent_share", "mi_adherence");
        List<String> b = List.of(csv.get(2).split(",", -1));
        assertThat(b.get(head.indexOf("helper_turns"))).isEqualTo("1");
        assertThat(b.get(head.indexOf("complex_reflection_share"))).isEmpty(); // undefined
        assertThat(b.get(head.indexOf("reflection_to_question_band"))).isEqualTo("below");
        List<String> a = List.of(csv.get(1).split(",", -1));
        assertThat(a.get(head.indexOf("DI"))).isEqualTo("1");
        assertThat(a.get(head.indexOf("mi_adherence"))).isEqualTo("0.074");
        List<String> tsv = summary("tsv").lines();
        assertThat(tsv.get(0).split("\t")).hasSameSizeAs(head.toArray());
    }

    @Test
    void textShowsBandsAndTheMiInconsistentTurnsWithTheirWords() throws IOException {
        String out = summary("text").out();
        assertThat(out).contains("ct_share").contains("0.667");
        assertThat(out).contains("R:Q").contains("below fair").contains("mi_adherence").contains("0.074");
        assertThat(out).contains("MI-inconsistent turns (1):");
        assertThat(out).containsPattern("helper-session\\.csv:8 \\(session a\\)  DI by CLITEST_DIRECT: \"You have to\"");
        assertThat(out).doesNotContain("Do you smoke at work"); // only the deciding words, not whole turns
    }

    @Test
    void withoutCounselorRulesTheSummaryIsTheClientOneAlone() throws IOException {
        Cli.Result r = Cli.run("", "--summary", "--format", "jsonl", "--only-rules", Cli.TEST_PACK, transcript().toString());
        List<JsonNode> rows = ClassifyCommandTest.jsonLines(r.out());
        assertThat(rows).allSatisfy(n -> assertThat(n.has("helper")).isFalse());
        Cli.Result text = Cli.run("", "--summary", "--format", "text", "--only-rules", Cli.TEST_PACK, transcript().toString());
        assertThat(text.out()).doesNotContain("MI-inconsistent").doesNotContain("R:Q");
    }
}
