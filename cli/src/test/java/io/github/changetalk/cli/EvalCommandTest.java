package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval against gold files whose predictions under the test pack are known. */
class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // Under the test pack: 7 scored rows, 5 right. Wrong: "My job is hard." (gold reason, predicted
    // neutral) and the last row (gold neutral, predicted desire). The counselor row is context only.
    private static final String GOLD = """
            session,speaker,text,label
            s1,counselor,Will you quit?,
            s1,client,Yes.,commitment
            s2,client,I want to quit.,desire
            s2,client,I don't want to quit.,sustain
            s2,client,It is raining.,neutral
            s3,client,I will stop soon.,commitment
            s3,client,My job is hard.,reason
            s3,client,I want to quit.,neutral
            """;

    @TempDir
    Path dir;

    private Path gold(String content) throws IOException {
        Path p = dir.resolve("gold.csv");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void nineWayAndThreeWayFigures() throws IOException {
        Path g = gold(GOLD);
        Cli.Result r = Cli.run("", "eval", "--gold", g.toString(), "--format", "json", "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rep = JSON.readTree(r.out());
        assertThat(rep.get("scored").asInt()).isEqualTo(7);
        assertThat(rep.get("not_scored").asInt()).isEqualTo(1);
        JsonNode nine = rep.get("nine_way");
        assertThat(nine.get("accuracy").asDouble()).isEqualTo(0.714);
        assertThat(nine.get("confusion").get("reason").get("neutral").asInt()).isEqualTo(1);
        assertThat(nine.get("confusion").get("neutral").get("desire").asInt()).isEqualTo(1);
        assertThat(nine.get("labels").get("commitment").get("f1").asDouble()).isEqualTo(1.0);
        // desire: predicted 2, right 1 -> P 0.5, R 1, F1 0.667
        assertThat(nine.get("labels").get("desire").get("f1").asDouble()).isEqualTo(0.667);
        JsonNode three = rep.get("three_way");
        assertThat(three.get("accuracy").asDouble()).isEqualTo(0.714);
        assertThat(three.get("confusion").get("change").get("neutral").asInt()).isEqualTo(1);
        // 3-way: change P 3/4 R 3/4; sustain 1/1; neutral P 1/2 R 1/2 -> macro (0.75+1+0.5)/3
        assertThat(three.get("macro_f1").asDouble()).isEqualTo(0.75);
    }

    @Test
    void threeWayGoldGetsThreeWayFiguresOnly() throws IOException {
        Path g = gold(GOLD.replace(",commitment", ",change").replace(",desire", ",change").replace(",reason", ",change"));
        Cli.Result r = Cli.run("", "eval", "--gold", g.toString(), "--format", "json", "--only-rules", Cli.TEST_PACK);
        JsonNode rep = JSON.readTree(r.out());
        assertThat(rep.has("nine_way")).isFalse();
        assertThat(rep.get("three_way").get("accuracy").asDouble()).isEqualTo(0.714);
        Cli.Result text = Cli.run("", "eval", "--gold", g.toString(), "--only-rules", Cli.TEST_PACK);
        assertThat(text.out()).contains("three-way figures only").doesNotContain("nine labels:");
    }

    @Test
    void errorsAndSummary() throws IOException {
        Path g = gold(GOLD);
        Cli.Result r = Cli.run("", "eval", "--gold", g.toString(), "--errors", "--summary", "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(g + ":8  gold reason, predicted neutral: \"My job is hard.\"  rules: none");
        assertThat(r.out()).contains(g + ":9  gold neutral, predicted desire: \"I want to quit.\"  rules: CLITEST_WANT");
        assertThat(r.out()).contains("misclassified (2)").contains("Pearson r");
        JsonNode rep = JSON.readTree(Cli.run("", "eval", "--gold", g.toString(), "--summary", "--format", "json",
                "--only-rules", Cli.TEST_PACK).out());
        // s2: predicted CT 1 ST 1 (0.5), gold CT 1 ST 1 (0.5); s3: predicted 2/2 = 1, gold 2/2 = 1; s1: 1 vs 1
        assertThat(rep.get("sessions").size()).isEqualTo(3);
        assertThat(rep.get("sessions").get(1).get("predicted_share").asDouble()).isEqualTo(0.5);
        assertThat(rep.get("share_correlation").asDouble()).isEqualTo(1.0);
    }

    @Test
    void unknownGoldLabelNamesFileAndLine() throws IOException {
        Path g = gold("text,label\nI want to quit.,wish\n");
        Cli.Result r = Cli.run("", "eval", "--gold", g.toString(), "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("changetalk: " + g + ":2: unknown gold label 'wish' in column label"
                + " (expected one of the nine labels, or change/sustain/neutral)");
    }

    @Test
    void devGoldRunsWithTheDefaultPacks() {
        Path dev = Path.of(System.getProperty("changetalk.root", ".."), "testdata/gold/dev.csv");
        Cli.Result r = Cli.run("", "eval", "--gold", dev.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("nine labels: accuracy").contains("three-way (change / sustain / neutral)");
    }
}
