package io.github.changetalk.internal.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightsFileTest {
    private static EvidenceWeights model() {
        Map<String, double[]> w = new LinkedHashMap<>();
        w.put("prior=change", new double[] {1.25, -0.5, -0.75});
        w.put("DESIRE_WANT", new double[] {0.5, -0.25, -0.25});
        w.put("after.question", new double[] {0.0, 0.1, -0.1});
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("corpora", List.of("a.csv (folds 0 1)", "b.csv"));
        p.put("fitting", List.of("lambda 10: chosen by cross-validation # not a comment"));
        return new EvidenceWeights("client-direction", List.of("change", "sustain", "neutral"),
                new double[] {-0.5, -1.0, 1.5}, w, p);
    }

    @Test
    void scoresAddTheBiasAndTheWeightsOfThePresentFeatures() {
        EvidenceWeights m = model();
        EvidenceWeights.Scores s = m.score(List.of("prior=change", "DESIRE_WANT", "UNKNOWN_RULE", "DESIRE_WANT"));
        assertThat(s.value(0)).isEqualTo(-0.5 + 1.25 + 0.5);
        assertThat(s.value(2)).isEqualTo(1.5 - 0.75 - 0.25);
        assertThat(s.best()).isEqualTo(0);
        assertThat(s.probabilities()).hasSize(3);
        assertThat(s.probabilities()[0] + s.probabilities()[1] + s.probabilities()[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m.score(List.of()).best()).isEqualTo(2);
        assertThat(m.contributions(List.of("DESIRE_WANT", "prior=change", "UNKNOWN_RULE"), 0))
                .containsExactly(new EvidenceWeights.Contribution("prior=change", 1.25),
                        new EvidenceWeights.Contribution("DESIRE_WANT", 0.5));
    }

    @Test
    void aWrittenFileReadsBackTheSameAndIsOneLinePerFeature() {
        EvidenceWeights m = model();
        String text = WeightsFile.write(m, List.of("test weights"), Map.of("DESIRE_WANT", 7));
        EvidenceWeights back = WeightsFile.read("w.yaml", text);
        assertThat(back.decides()).isEqualTo("client-direction");
        assertThat(back.classes()).containsExactly("change", "sustain", "neutral");
        assertThat(back.features()).containsExactly("DESIRE_WANT", "after.question", "prior=change");
        for (String f : m.features()) {
            for (int c = 0; c < 3; c++) {
                assertThat(back.weight(f, c)).isEqualTo(m.weight(f, c));
            }
        }
        assertThat(back.provenance()).isEqualTo(m.provenance());
        assertThat(text).contains("  DESIRE_WANT:    [  0.5000,  -0.2500,  -0.2500]   # n=7\n");
        assertThat(text).doesNotContain("-0.0000");
        assertThat(WeightsFile.write(back, List.of("test weights"), Map.of("DESIRE_WANT", 7))).isEqualTo(text);
    }

    @Test
    void badFilesFailWithOneLineNamingFileAndLine() {
        String good = WeightsFile.write(model(), List.of(), Map.of());
        assertThatThrownBy(() -> WeightsFile.read("w.yaml", good.replace("[  0.5000,  -0.2500,  -0.2500]", "[0.5, -0.25]")))
                .isInstanceOf(WeightsFileException.class)
                .hasMessageMatching("w\\.yaml:\\d+: feature DESIRE_WANT has 2 weights, but there are 3 classes");
        assertThatThrownBy(() -> WeightsFile.read("w.yaml", good.replace("  0.5000,", "  half,")))
                .hasMessageMatching("w\\.yaml:\\d+: feature DESIRE_WANT: 'half' is not a number");
        assertThatThrownBy(() -> WeightsFile.read("w.yaml", good + "extra: 1\n"))
                .hasMessageMatching("w\\.yaml:\\d+: unknown key 'extra' .*");
        assertThatThrownBy(() -> WeightsFile.read("w.yaml", good.replace("decides: client-direction\n", "")))
                .hasMessage("w.yaml:1: missing key 'decides'");
        assertThatThrownBy(() -> WeightsFile.read("w.yaml", good.replace("classes: [change, sustain, neutral]",
                "classes: [change, change, neutral]"))).hasMessageMatching("w\\.yaml:\\d+: a model needs two or more distinct classes.*");
        assertThatThrownBy(() -> WeightsFile.read("w.yaml", "weights: [oops")).hasMessageStartingWith("w.yaml:1: YAML syntax");
        assertThatThrownBy(() -> WeightsFile.read("w.yaml", "")).hasMessage("w.yaml:1: the file is empty");
        for (String bad : List.of("w.yaml:", "oops")) {
            assertThatThrownBy(() -> WeightsFile.read(bad, "- 1\n")).hasMessageNotContaining("\n");
        }
    }
}
