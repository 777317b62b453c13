package io.github.changetalk.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MitiBandTest {
    @Test
    void reflectionToQuestionBands() {
        assertThat(MitiBand.reflectionToQuestion(0.99)).isEqualTo(MitiBand.BELOW);
        assertThat(MitiBand.reflectionToQuestion(1.0)).isEqualTo(MitiBand.FAIR);
        assertThat(MitiBand.reflectionToQuestion(1.99)).isEqualTo(MitiBand.FAIR);
        assertThat(MitiBand.reflectionToQuestion(2.0)).isEqualTo(MitiBand.GOOD);
        assertThat(MitiBand.reflectionToQuestion(Double.POSITIVE_INFINITY)).isEqualTo(MitiBand.GOOD);
        assertThat(MitiBand.reflectionToQuestion(null)).isEqualTo(MitiBand.NOT_AVAILABLE);
        assertThat(MitiBand.reflectionToQuestion(Double.NaN)).isEqualTo(MitiBand.NOT_AVAILABLE);
    }

    @Test
    void complexReflectionBands() {
        assertThat(MitiBand.complexReflectionShare(0.39)).isEqualTo(MitiBand.BELOW);
        assertThat(MitiBand.complexReflectionShare(2 / 5.0)).isEqualTo(MitiBand.FAIR);
        assertThat(MitiBand.complexReflectionShare(0.49)).isEqualTo(MitiBand.FAIR);
        assertThat(MitiBand.complexReflectionShare(0.5)).isEqualTo(MitiBand.GOOD);
    }
}
