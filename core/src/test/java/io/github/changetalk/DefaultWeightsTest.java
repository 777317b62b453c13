package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.internal.weights.DefaultWeights;
import io.github.changetalk.internal.weights.EvidenceWeights;
import io.github.changetalk.internal.weights.WeightsFile;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The weights file shipped with the packs: readable, fitted for the client direction, naming only known features. */
class DefaultWeightsTest {
    @Test
    void theShippedFileReadsAndNamesOnlyLoadedRulesAndContextFeatures() {
        EvidenceWeights w = WeightsFile.readResource(DefaultWeights.RESOURCE);
        assertThat(w.decides()).isEqualTo("client-direction");
        assertThat(w.classes()).containsExactly("change", "sustain", "neutral");
        Set<String> rules = SharedClassifier.get().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        for (String f : w.features()) {
            assertThat(rules.contains(f) || f.contains("=") || f.startsWith("after.") || f.startsWith("answer."))
                    .as("feature %s is a loaded rule or a named context feature", f).isTrue();
        }
        assertThat(w.features()).contains("prior=change", "prior=sustain", "prior=neutral", "previous=change");
        // the prior counts toward its own direction
        assertThat(w.weight("prior=change", 0)).isGreaterThan(w.weight("prior=change", 2));
        assertThat(w.weight("prior=sustain", 1)).isGreaterThan(w.weight("prior=sustain", 2));
        assertThat(String.join(" ", w.provenance().get("corpora"))).contains("annomi-dev", "dev.csv")
                .doesNotContain("heldout", "annomi-check");
        assertThat(w.provenance()).containsKeys("date", "commit", "fitting", "lambda");
    }

    @Test
    void theDefaultIsOffUnlessTheFileWinsOnBothFolds() {
        // README, "Evidence weights": the fitted file tied with the rules on the study set's two folds
        assertThat(DefaultWeights.ON).isFalse();
        assertThat(SharedClassifier.get().weights()).isNull();
    }

    @Test
    void theShippedCounselorFileReadsNamesOnlyCounselorRulesAndNamedFeaturesAndDecidesTurns() throws java.io.IOException {
        EvidenceWeights w = WeightsFile.readResource(DefaultWeights.COUNSELOR_RESOURCE);
        assertThat(w.decides()).isEqualTo("counselor-behaviour");
        assertThat(w.classes()).containsExactly("question", "reflection", "input", "other");
        Set<String> counselorRules = SharedClassifier.get().rules().stream().filter(r -> r.speaker() == Speaker.COUNSELOR)
                .map(RuleInfo::id).collect(Collectors.toSet());
        for (String f : w.features()) {
            assertThat(counselorRules.contains(f) || f.contains("=") || Set.of("asks", "turn.asks", "cut-off").contains(f))
                    .as("feature %s is a loaded counselor rule or a named feature", f).isTrue();
        }
        assertThat(w.features()).contains("code=OQ", "turn.code=SR", "previous=change", "Q_CLOSED");
        assertThat(String.join(" ", w.provenance().get("corpora"))).contains("annomi-dev", "2039 coded counselor turns")
                .doesNotContain("heldout", "annomi-check");
        assertThat(w.provenance()).containsKeys("date", "commit", "command", "fitting", "lambda", "two-fold", "default");
        // off by default (README, "Evidence weights"): it loses to the rules' roll-up on fold 0
        assertThat(DefaultWeights.COUNSELOR_ON).isFalse();
        assertThat(SharedClassifier.get().counselorWeights()).isNull();
        // given by name, the file decides counselor turns and explains them
        String text;
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(DefaultWeights.COUNSELOR_RESOURCE)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Classifier weighted = Classifier.builder().weights("counselor-behaviour.yaml", text).build();
        CounselorCoding c = weighted.classify(new Utterance("What would you like to do about it?", Speaker.COUNSELOR,
                java.util.List.of(), null)).coding();
        assertThat(c.behaviour()).isEqualTo(Behaviour.QUESTION);
        assertThat(c.weighing().sentences().get(0).features()).anyMatch(f -> f.feature().equals("code=OQ"));
        assertThat(weighted.classify(new Utterance("Mm-hmm.", Speaker.COUNSELOR, java.util.List.of(), null)).coding()
                .behaviour()).isEqualTo(Behaviour.OTHER);
    }
}
