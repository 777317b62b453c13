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
}
