package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --weights FILE|none on classify and eval, through the real command. */
class WeightsOptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // Written for this test: the desire rule counts against change and a previous sustain turn pulls toward
    // sustain, so the weights give other labels than the rules on the transcript below.
    private static final String WEIGHTS = """
            decides: client-direction
            provenance:
              note: "written by hand for WeightsOptionTest"
            classes: [change, sustain, neutral]
            bias: [0.0, 0.0, 0.5]
            weights:
              CLITEST_WANT:     [-1.0, 0.0, 1.0]
              CLITEST_NOT_WANT: [0.0, 2.0, 0.0]
              CLITEST_WILL:     [2.0, 0.0, 0.0]
              previous=sustain: [0.0, 2.0, 0.0]
            """;
    private static final String TRANSCRIPT = """
            session,speaker,text,label
            s1,client,I don't want to quit.,sustain
            s1,counselor,Go on.,
            s1,client,My brother smokes too.,sustain
            s1,client,I want to quit.,neutral
            s2,client,I will quit.,commitment
            """;

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static List<JsonNode> records(String jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void classifyWithAWeightsFileDecidesByTheWeightsAndExplainsThem() throws IOException {
        Path w = file("w.yaml", WEIGHTS);
        Path t = file("t.csv", TRANSCRIPT);
        for (String threads : List.of("1", "4")) {
            Cli.Result r = Cli.run("", "classify", "--format", "jsonl", "--explain", "--threads", threads,
                    "--only-rules", Cli.TEST_PACK, "--weights", w.toString(), t.toString());
            assertThat(r.code()).as(r.err()).isZero();
            List<JsonNode> rec = records(r.out());
            assertThat(rec).hasSize(5);
            assertThat(rec.get(0).get("label").asText()).isEqualTo("sustain");
            // no rule fired, but the previous client turn was sustain: its kind carries over
            assertThat(rec.get(2).get("direction").asText()).isEqualTo("sustain");
            assertThat(rec.get(2).get("kind").asText()).isEqualTo("desire");
            assertThat(rec.get(3).get("label").asText()).isEqualTo("neutral");
            assertThat(rec.get(4).get("label").asText()).isEqualTo("commitment");
            JsonNode weights = rec.get(3).get("weights");
            assertThat(weights.get("file").asText()).isEqualTo(w.toString());
            assertThat(weights.get("direction").asText()).isEqualTo("neutral");
            assertThat(weights.get("features").toString()).contains("{\"feature\":\"CLITEST_WANT\",\"weight\":1.0}");
        }
        Cli.Result text = Cli.run("", "classify", "--format", "text", "--explain", "--only-rules", Cli.TEST_PACK,
                "--weights", w.toString(), t.toString());
        assertThat(text.out()).contains("weights " + w + ": change -1.0, sustain +0.0, neutral +1.5; toward neutral: bias +0.5, CLITEST_WANT +1.0");
    }

    @Test
    void weightsNoneIsTheRulesResolution() throws IOException {
        Path t = file("t.csv", TRANSCRIPT);
        Cli.Result plain = Cli.run("", "classify", "--format", "jsonl", "--only-rules", Cli.TEST_PACK, t.toString());
        Cli.Result none = Cli.run("", "classify", "--format", "jsonl", "--only-rules", Cli.TEST_PACK, "--weights", "none", t.toString());
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).isEqualTo(plain.out());
        assertThat(records(none.out()).get(3).get("label").asText()).isEqualTo("desire");
    }

    @Test
    void evalScoresTheWeightedLabels() throws IOException {
        Path w = file("w.yaml", WEIGHTS);
        Path t = file("t.csv", TRANSCRIPT);
        Cli.Result r = Cli.run("", "eval", "--gold", t.toString(), "--format", "json", "--only-rules", Cli.TEST_PACK,
                "--weights", w.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // weighted: all four right in three-way terms (sustain, sustain, neutral, change)
        assertThat(JSON.readTree(r.out()).get("three_way").get("accuracy").asDouble()).isEqualTo(1.0);
    }

    @Test
    void badWeightsAreOneLineUsageErrors() throws IOException {
        Path t = file("t.csv", TRANSCRIPT);
        Cli.Result missing = Cli.run("", "classify", "--only-rules", Cli.TEST_PACK, "--weights", dir.resolve("nope.yaml").toString(), t.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("changetalk: " + dir.resolve("nope.yaml") + ": cannot read weights file: no such file");
        Path broken = file("broken.yaml", WEIGHTS.replace("[2.0, 0.0, 0.0]", "[2.0, zero, 0.0]"));
        Cli.Result bad = Cli.run("", "classify", "--only-rules", Cli.TEST_PACK, "--weights", broken.toString(), t.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(broken + ":9: feature CLITEST_WILL: 'zero' is not a number");
        Cli.Result fit = Cli.run("", "classify", "--only-rules", Cli.TEST_PACK, "--weights", "fit", t.toString());
        assertThat(fit.code()).isEqualTo(2);
        assertThat(fit.err()).contains("--weights fit is for eval --folds COLUMN only");
    }
}
