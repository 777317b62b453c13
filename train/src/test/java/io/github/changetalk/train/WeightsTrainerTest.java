package io.github.changetalk.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.changetalk.internal.weights.EvidenceWeights;
import io.github.changetalk.internal.weights.WeightsFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeightsTrainerTest {
    private static final List<String> CLASSES = List.of("change", "sustain", "neutral");

    /** Synthetic evidence: a rule that is right 80% of the time for its class, noise features, 40 sessions. */
    static List<Example> examples(long seed) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            int c = r.nextInt(10) < 5 ? 2 : r.nextInt(2);
            Set<String> f = new HashSet<>();
            if (c == 0 && r.nextDouble() < 0.7 || c != 0 && r.nextDouble() < 0.08) {
                f.add("CHANGE_RULE");
            }
            if (c == 1 && r.nextDouble() < 0.6 || c != 1 && r.nextDouble() < 0.05) {
                f.add("SUSTAIN_RULE");
            }
            if (r.nextBoolean()) {
                f.add("noise=" + r.nextInt(3));
            }
            out.add(new Example(f, CLASSES.get(c), "session-" + (i % 40)));
        }
        return out;
    }

    @Test
    void learnsWhichWayEachFeaturePointsAndChoosesAPenaltyByGroupedCrossValidation() {
        WeightsTrainer.Fit fit = WeightsTrainer.fit("client-direction", CLASSES, examples(1), List.of("NEVER_FIRED"),
                FitSettings.DEFAULTS, Map.of("corpora", List.of("synthetic")));
        EvidenceWeights w = fit.weights();
        assertThat(w.weight("CHANGE_RULE", 0)).isGreaterThan(0.5);
        assertThat(w.weight("CHANGE_RULE", 0)).isGreaterThan(w.weight("CHANGE_RULE", 2));
        assertThat(w.weight("SUSTAIN_RULE", 1)).isGreaterThan(0.5);
        assertThat(w.bias(2)).isGreaterThan(w.bias(0));
        assertThat(w.knows("NEVER_FIRED")).isTrue();
        assertThat(w.weight("NEVER_FIRED", 0)).isZero();
        double sum = w.weight("CHANGE_RULE", 0) + w.weight("CHANGE_RULE", 1) + w.weight("CHANGE_RULE", 2);
        assertThat(sum).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fit.crossValidated()).hasSize(FitSettings.DEFAULTS.lambdas().size());
        assertThat(fit.crossValidated().get(fit.lambda())).isGreaterThan(0.6).isEqualTo(java.util.Collections.max(fit.crossValidated().values()));
        assertThat(fit.featureCounts().get("CHANGE_RULE")).isPositive();
        assertThat(w.provenance()).containsKeys("corpora", "examples", "fitting", "lambda", "features");
        assertThat(w.score(Set.of("CHANGE_RULE")).best()).isEqualTo(0);
        assertThat(w.score(Set.of()).best()).isEqualTo(2);
    }

    @Test
    void theSameExamplesGiveTheSameFile() {
        FitSettings s = FitSettings.DEFAULTS;
        String a = WeightsFile.write(WeightsTrainer.fit("client-direction", CLASSES, examples(2), List.of(), s, Map.of()).weights(), List.of(), Map.of());
        String b = WeightsFile.write(WeightsTrainer.fit("client-direction", CLASSES, examples(2), List.of(), s, Map.of()).weights(), List.of(), Map.of());
        assertThat(a).isEqualTo(b);
    }

    @Test
    void foldsNeverSplitAGroup() {
        List<Example> ex = examples(3);
        int[] fold = WeightsTrainer.folds(ex, 5);
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < ex.size(); i++) {
            Integer before = seen.putIfAbsent(ex.get(i).group(), fold[i]);
            assertThat(before == null || before == fold[i]).isTrue();
        }
        assertThat(new HashSet<>(seen.values())).hasSize(5);
    }

    @Test
    void fitsTwoClassesAndRefusesAClassWithNoExample() {
        List<Example> two = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            two.add(new Example(i % 2 == 0 ? Set.of("YES_RULE") : Set.of(), i % 2 == 0 ? "yes" : "no", "g" + (i % 10)));
        }
        EvidenceWeights w = WeightsTrainer.fit("test", List.of("yes", "no"), two, List.of(), FitSettings.DEFAULTS.withLambda(1), Map.of()).weights();
        assertThat(w.score(Set.of("YES_RULE")).best()).isEqualTo(0);
        assertThat(w.score(Set.of()).best()).isEqualTo(1);
        assertThatThrownBy(() -> WeightsTrainer.fit("test", List.of("yes", "no", "maybe"), two, List.of(), FitSettings.DEFAULTS, Map.of()))
                .hasMessageContaining("no example of class 'maybe'");
    }
}
