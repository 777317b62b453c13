package io.github.changetalk.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Triggers are necessary conditions: all clauses required, alternation distributed, rarest clause indexes. */
class TriggerTest {
    private static final Trigger I = Trigger.of(List.of("w:i"));
    private static final Trigger WANT = Trigger.of(List.of("l:want", "l:wish"));
    private static final Trigger QUIT = Trigger.of(List.of("l:quit"));

    @Test
    void andRequiresEveryClauseAndIndexesTheRarest() {
        Trigger t = I.and(WANT);
        assertThat(t.satisfiedBy(Set.of("w:i", "l:want"))).isTrue();
        assertThat(t.satisfiedBy(Set.of("w:i"))).isFalse();
        assertThat(t.satisfiedBy(Set.of("l:wish"))).isFalse();
        assertThat(t.keys()).containsExactlyInAnyOrder("l:want", "l:wish"); // not the ubiquitous "i"
    }

    @Test
    void orOfConjunctionsIsDistributedAndStaysNecessary() {
        Trigger t = I.and(WANT).or(QUIT);
        // (i and want|wish) or quit: true for either side, false when neither side can hold.
        assertThat(t.satisfiedBy(Set.of("w:i", "l:wish"))).isTrue();
        assertThat(t.satisfiedBy(Set.of("l:quit"))).isTrue();
        assertThat(t.satisfiedBy(Set.of("l:want"))).isFalse();
        assertThat(t.satisfiedBy(Set.of("w:i"))).isFalse();
    }

    @Test
    void anyAbsorbsOrAndIsNeutralForAnd() {
        assertThat(Trigger.ANY.or(QUIT).isAny()).isTrue();
        assertThat(Trigger.ANY.and(QUIT).satisfiedBy(Set.of("l:quit"))).isTrue();
        assertThat(Trigger.ANY.satisfiedBy(Set.of())).isTrue();
    }
}
