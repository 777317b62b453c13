package io.github.changetalk.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RocTest {
    @Test
    void countsOrderedPairsWithTiesAsHalf() {
        assertThat(Roc.auc(List.of(0.9, 0.8), List.of(0.1, 0.2))).isEqualTo(1.0);
        assertThat(Roc.auc(List.of(0.1), List.of(0.9))).isEqualTo(0.0);
        // pairs: 0.5 vs 0.5 tie (0.5), 0.5 vs 0.2 win, 0.1 vs 0.5 loss, 0.1 vs 0.2 loss -> 1.5 / 4
        assertThat(Roc.auc(List.of(0.5, 0.1), List.of(0.5, 0.2))).isEqualTo(0.375);
        assertThat(Roc.auc(List.of(), List.of(0.2))).isNaN();
    }
}
