package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.changetalk.internal.weights.EvidenceWeights;
import io.github.changetalk.internal.weights.WeightsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval --folds (with and without --weights fit) and train, through the real command, on gold written for the test. */
class FoldsAndTrainTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TURNS = List.of(
            "client,I want to quit.,desire",
            "client,I don't want to quit.,sustain",
            "counselor,What else?,",
            "client,The weather was grey all week.,neutral",
            "client,I will stop soon.,commitment",
            "client,My cousin came over on Sunday.,neutral");

    @TempDir
    Path dir;

    /** Twelve sessions of the same turns, six in each fold; in fold 1 the commitment is coded neutral. */
    private Path gold() throws IOException {
        StringBuilder b = new StringBuilder("session,speaker,text,label,fold\n");
        for (int s = 0; s < 12; s++) {
            int fold = s % 2;
            for (String t : TURNS) {
                String row = fold == 1 ? t.replace("I will stop soon.,commitment", "I will stop soon.,neutral") : t;
                b.append("s").append(s).append(',').append(row).append(',').append(fold).append('\n');
            }
        }
        Path p = dir.resolve("gold.csv");
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void evalScoresEachFoldApart() throws IOException {
        Cli.Result r = Cli.run("", "eval", "--gold", gold().toString(), "--folds", "fold", "--format", "json",
                "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rep = JSON.readTree(r.out());
        assertThat(rep.get("scored").asInt()).isEqualTo(60);
        assertThat(rep.get("folds").get("0").get("scored").asInt()).isEqualTo(30);
        assertThat(rep.get("folds").get("0").get("three_way").get("accuracy").asDouble()).isEqualTo(1.0);
        // fold 1 codes the six commitments neutral: 24 of 30 right
        assertThat(rep.get("folds").get("1").get("three_way").get("accuracy").asDouble()).isEqualTo(0.8);
        Cli.Result text = Cli.run("", "eval", "--gold", gold().toString(), "--folds", "fold", "--only-rules", Cli.TEST_PACK);
        assertThat(text.out()).contains("per fold (column 'fold'; weights: default):");
        assertThat(text.lines()).anyMatch(l -> l.matches("1\\s+30\\s+0\\.800\\s.*"));
    }

    @Test
    void weightsFitOnOneFoldScoreTheOther() throws IOException {
        Cli.Result r = Cli.run("", "eval", "--gold", gold().toString(), "--folds", "fold", "--weights", "fit",
                "--format", "json", "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rep = JSON.readTree(r.out());
        assertThat(rep.get("weights").asText()).isEqualTo("fitted on the other folds");
        JsonNode f0 = rep.get("folds").get("0");
        assertThat(f0.get("fitted").get("trained_on").asInt()).isEqualTo(30);
        // fitted on fold 1, where "I will" is neutral, fold 0's commitments come out neutral: 24 of 30 right
        assertThat(f0.get("three_way").get("accuracy").asDouble()).isEqualTo(0.8);
        // and fitted on fold 0 the weights keep them change, which fold 1 codes neutral
        assertThat(rep.get("folds").get("1").get("three_way").get("accuracy").asDouble()).isEqualTo(0.8);
        Cli.Result noFolds = Cli.run("", "eval", "--gold", gold().toString(), "--weights", "fit", "--only-rules", Cli.TEST_PACK);
        assertThat(noFolds.code()).isEqualTo(2);
        assertThat(noFolds.err()).contains("--weights fit needs --folds COLUMN");
    }

    @Test
    void trainWritesAWeightsFileThatClassifyUses() throws IOException {
        Path g = gold();
        Path out = dir.resolve("weights.yaml");
        Cli.Result r = Cli.run("", "train", "--gold", g.toString(), "--out", out.toString(), "--only-rules", Cli.TEST_PACK,
                "--provenance", "commit=test");
        assertThat(r.code()).as(r.err()).isZero();
        String file = Files.readString(out);
        EvidenceWeights w = WeightsFile.read(out);
        assertThat(w.decides()).isEqualTo("client-direction");
        assertThat(w.classes()).containsExactly("change", "sustain", "neutral");
        // every loaded rule is listed, even one that never fired
        assertThat(w.features()).contains("CLITEST_WANT", "CLITEST_NOT_WANT", "CLITEST_WILL", "CLITEST_YES_TO_WILL",
                "prior=change", "prior=neutral");
        assertThat(w.weight("CLITEST_YES_TO_WILL", 0)).isZero();
        assertThat(w.weight("CLITEST_NOT_WANT", 1)).isGreaterThan(0);
        assertThat(w.provenance().get("corpora").get(0)).isEqualTo(g + ": 60 coded client turns, folds 0 (30) 1 (30)");
        assertThat(w.provenance().get("commit")).containsExactly("test");
        assertThat(w.provenance().get("lambda").get(0)).contains("chosen by 5-fold cross-validation grouped by session");
        assertThat(file).contains("# changetalk evidence weights").doesNotContain("weather", "cousin", "quit.");
        Cli.Result c = Cli.run("I don't want to quit.\n", "classify", "--only-rules", Cli.TEST_PACK, "--weights", out.toString(),
                "--format", "jsonl");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(JSON.readTree(c.out()).get("label").asText()).isEqualTo("sustain");
    }
}
