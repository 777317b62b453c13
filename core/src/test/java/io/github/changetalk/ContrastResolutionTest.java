package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Change and sustain talk on either side of "but" in one sentence: the client lands on what follows
 * it, whatever the priorities of the rules on each side (see Resolution).
 */
class ContrastResolutionTest {
    @Test
    void theSideAfterButDecides() {
        Classifier c = SharedClassifier.get();
        UtteranceResult landsOnChange = c.classify("I really don't see why I should give it up, but I could try cutting back.");
        assertThat(landsOnChange.label().direction()).isEqualTo(Direction.CHANGE);

        UtteranceResult landsOnSustain = c.classify("I could try cutting back, but I really don't see why I should give it up.");
        assertThat(landsOnSustain.label()).isEqualTo(Label.SUSTAIN);
        assertThat(landsOnSustain.kind()).isEqualTo(Kind.NEED);
    }

    @Test
    void withoutButThePrioritiesStillDecide() {
        Classifier c = SharedClassifier.get();
        // The same two readings joined by "and": the higher-priority "sees no need" reading wins.
        UtteranceResult r = c.classify("I really don't see why I should give it up and I could try cutting back.");
        assertThat(r.label()).isEqualTo(Label.SUSTAIN);
    }
}
