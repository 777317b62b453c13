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

/**
 * Counselor-behaviour weights through the real commands, on gold written for the test and the tests' own packs:
 * eval --folds reports the helper figures per fold, --weights fit cross-fits the counselor weights, train
 * --decides counselor-behaviour writes a file that classify --weights uses and --explain shows.
 */
class CounselorWeightsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One session's turns: the test counselor pack codes them OQ, SR, DI and FA, as the gold groups say. */
    private static final List<String> TURNS = List.of(
            "counselor,What brings you here today?,,question",
            "client,I want to quit.,desire,",
            "counselor,So you want to quit.,,reflection",
            "client,I will quit.,commitment,",
            "counselor,You have to stop drinking.,,therapist_input",
            "counselor,Okay.,,other",
            "client,I don't want to quit.,sustain,",
            "client,The weather was grey all week.,neutral,");

    @TempDir
    Path dir;

    /** Twelve sessions, six in each fold. */
    private Path gold() throws IOException {
        StringBuilder b = new StringBuilder("session,speaker,text,label,behaviour,fold\n");
        for (int s = 0; s < 12; s++) {
            for (String t : TURNS) {
                b.append("s").append(s).append(',').append(t).append(',').append(s % 2).append('\n');
            }
        }
        Path p = dir.resolve("gold.csv");
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static Cli.Result run(String stdin, Path gold, String command, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        if (gold != null) {
            args.addAll(List.of("--gold", gold.toString()));
        }
        args.addAll(List.of("--only-rules", Cli.TEST_PACK, "--only-rules", Cli.COUNSELOR_PACK));
        args.addAll(List.of(more));
        return Cli.run(stdin, args.toArray(String[]::new));
    }

    @Test
    void evalScoresTheHelperSideOfEachFoldAndFitsCounselorWeightsOnTheOther() throws IOException {
        Cli.Result plain = run("", gold(), "eval", "--folds", "fold", "--format", "json");
        assertThat(plain.code()).as(plain.err()).isZero();
        JsonNode h = JSON.readTree(plain.out()).get("helper");
        assertThat(h.get("scored").asInt()).isEqualTo(48);
        assertThat(h.get("folds").get("0").get("scored").asInt()).isEqualTo(24);
        assertThat(h.get("folds").get("1").get("behaviour").get("macro_f1").asDouble()).isEqualTo(1.0);
        assertThat(h.get("folds").get("0").has("fitted")).isFalse();

        Cli.Result fit = run("", gold(), "eval", "--folds", "fold", "--weights", "fit", "--format", "json");
        assertThat(fit.code()).as(fit.err()).isZero();
        JsonNode f = JSON.readTree(fit.out()).get("helper");
        assertThat(f.get("scored").asInt()).isEqualTo(48);
        for (String fold : List.of("0", "1")) {
            JsonNode one = f.get("folds").get(fold);
            assertThat(one.get("fitted").get("trained_on").asInt()).as("fitted on the other fold's 24 turns").isEqualTo(24);
            assertThat(one.get("fitted").get("lambda").asDouble()).isPositive();
            // the test pack's codes separate the four groups: the weights fitted on one fold learn them for the other
            assertThat(one.get("behaviour").get("accuracy").asDouble()).isEqualTo(1.0);
        }

        Cli.Result text = run("", gold(), "eval", "--folds", "fold", "--weights", "fit");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("helper turns per fold (counselor weights: fitted on the other folds):");
        assertThat(text.lines()).anyMatch(l -> l.matches("0\\s+24\\s+1\\.000\\s.*24 turns \\(.*\\)"));
    }

    @Test
    void trainWritesCounselorWeightsThatClassifyUsesAndExplains() throws IOException {
        Path out = dir.resolve("counselor.yaml");
        Cli.Result train = run("", gold(), "train", "--decides", "counselor-behaviour", "--out", out.toString(),
                "--lambda", "1");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).contains("fitted on 48 coded counselor turns");
        EvidenceWeights w = WeightsFile.read(out);
        assertThat(w.decides()).isEqualTo("counselor-behaviour");
        assertThat(w.classes()).containsExactly("question", "reflection", "input", "other");
        assertThat(w.features()).contains("CLITEST_REFLECT", "CLITEST_DIRECT", "code=SR", "turn.code=DI")
                .doesNotContain("CLITEST_WANT"); // the client rules are not the counselor model's features
        assertThat(w.weight("code=SR", w.classIndex("reflection"))).isGreaterThan(w.weight("code=SR", w.classIndex("input")));
        assertThat(String.join(" ", w.provenance().get("corpora"))).contains("48 coded counselor turns", "folds 0 (24) 1 (24)");
        assertThat(Files.readString(out)).doesNotContain("drinking", "brings");

        String transcript = "speaker,text\nclient,I want to quit.\ncounselor,So you want to quit. What would help?\n";
        Path in = dir.resolve("t.csv");
        Files.writeString(in, transcript, StandardCharsets.UTF_8);
        Cli.Result weighted = run("", null, "classify", "--weights", out.toString(), "--explain", "--format", "jsonl",
                in.toString());
        assertThat(weighted.code()).as(weighted.err()).isZero();
        JsonNode coding = JSON.readTree(weighted.lines().get(1)).get("coding");
        assertThat(coding.get("weights").get("file").asText()).isEqualTo(out.toString());
        JsonNode first = coding.get("sentences").get(0).get("weights");
        assertThat(first.get("features")).anySatisfy(n -> assertThat(n.get("feature").asText()).isEqualTo("CLITEST_REFLECT"));
        assertThat(first.get("features")).anySatisfy(n -> assertThat(n.get("feature").asText()).isEqualTo("previous=change"));
        Cli.Result textExplain = run("", null, "classify", "--weights", out.toString(), "--explain", "--format", "text",
                in.toString());
        assertThat(textExplain.out()).contains("weights " + out + ": question ").contains("CLITEST_REFLECT");

        Cli.Result none = run("", null, "classify", "--weights", "none", "--explain", "--format", "jsonl", in.toString());
        assertThat(JSON.readTree(none.lines().get(1)).get("coding").has("weights")).isFalse();
    }
}
