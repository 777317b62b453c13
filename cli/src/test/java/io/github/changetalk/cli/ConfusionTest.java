package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.changetalk.cli.eval.Confusion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics on hand-made confusion data, checked against values worked out by hand. */
class ConfusionTest {
    private static Confusion of(List<String> labels, String[][] pairs) {
        Confusion c = new Confusion(labels);
        for (String[] p : pairs) {
            c.add(p[0], p[1]);
        }
        return c;
    }

    @Test
    void twoByTwo() {
        // gold yes: 20 predicted yes, 5 no; gold no: 10 yes, 15 no (n = 50)
        Confusion c = new Confusion(List.of("yes", "no"));
        for (int i = 0; i < 20; i++) c.add("yes", "yes");
        for (int i = 0; i < 5; i++) c.add("yes", "no");
        for (int i = 0; i < 10; i++) c.add("no", "yes");
        for (int i = 0; i < 15; i++) c.add("no", "no");
        // accuracy = 35/50 = 0.7; chance = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7-0.5)/0.5 = 0.4
        assertThat(c.accuracy()).isCloseTo(0.7, within(1e-12));
        assertThat(c.kappa()).isCloseTo(0.4, within(1e-12));
        // yes: P = 20/30, R = 20/25, F1 = 2*(2/3)(4/5)/((2/3)+(4/5)) = 8/11
        assertThat(c.precision("yes")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.recall("yes")).isCloseTo(0.8, within(1e-12));
        assertThat(c.f1("yes")).isCloseTo(8.0 / 11, within(1e-12));
        // no: P = 15/20, R = 15/25, F1 = 2*0.75*0.6/1.35 = 2/3; macro = (8/11 + 2/3)/2 = 23/33
        assertThat(c.f1("no")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.macroF1()).isCloseTo(23.0 / 33, within(1e-12));
    }

    @Test
    void threeWayWithAnUnpredictedLabel() {
        List<String> labels = List.of("change", "sustain", "neutral");
        Confusion c = of(labels, new String[][] {
            {"change", "change"}, {"change", "change"}, {"change", "neutral"},
            {"sustain", "neutral"}, {"sustain", "neutral"},
            {"neutral", "neutral"}, {"neutral", "neutral"}, {"neutral", "change"},
        });
        // accuracy 4/8; gold marginals 3,2,3 /8; predicted 3,0,5 /8; chance = (9+0+15)/64 = 0.375
        assertThat(c.accuracy()).isCloseTo(0.5, within(1e-12));
        assertThat(c.kappa()).isCloseTo((0.5 - 0.375) / 0.625, within(1e-12));
        // sustain is never predicted: precision 0 by convention, recall 0, F1 0
        assertThat(c.precision("sustain")).isZero();
        assertThat(c.f1("sustain")).isZero();
        // change P = R = 2/3 -> F1 2/3; neutral P = 2/5, R = 2/3 -> F1 = 0.5
        assertThat(c.f1("change")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.f1("neutral")).isCloseTo(0.5, within(1e-12));
        assertThat(c.macroF1()).isCloseTo((2.0 / 3 + 0 + 0.5) / 3, within(1e-12));
        assertThat(c.count("sustain", "neutral")).isEqualTo(2);
        assertThat(c.total()).isEqualTo(8);
    }

    @Test
    void perfectAgreementAndLabelsNeverSeen() {
        Confusion c = of(List.of("a", "b", "c"), new String[][] {{"a", "a"}, {"b", "b"}});
        assertThat(c.kappa()).isEqualTo(1.0);
        assertThat(c.macroF1()).isEqualTo(1.0); // "c" never occurs, so it is not averaged in
    }

    @Test
    void pearson() {
        assertThat(Confusion.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isCloseTo(1.0, within(1e-12));
        assertThat(Confusion.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1.0, within(1e-12));
        // x = 1,2,3,4; y = 1,3,2,4: sxy = 4, sxx = syy = 5 -> r = 0.8
        assertThat(Confusion.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4})).isCloseTo(0.8, within(1e-12));
        assertThat(Confusion.pearson(new double[] {1}, new double[] {1})).isNaN();
        assertThat(Confusion.pearson(new double[] {1, 1}, new double[] {1, 2})).isNaN();
    }
}
