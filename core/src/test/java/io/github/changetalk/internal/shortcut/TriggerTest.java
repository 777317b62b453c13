package io.github.changetalk.internal.shortcut;

import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.DefaultRules;
import io.github.changetalk.internal.compile.LazyTokenPattern;
import io.github.changetalk.internal.compile.RuleSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

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
    void triggersRememberedAcrossPatternsEqualTriggersWorkedOutAlone() {
        RuleSet rules = DefaultRules.compiled();
        TriggerGate gate = TriggerGate.of(rules, PatternHints.NONE);
        int compared = 0;
        for (int r = 0; r < rules.rules().size(); r++) {
            List<CompiledPattern> slots = rules.rules().get(r).allPatterns();
            for (int slot = 0; slot < slots.size(); slot++) {
                if (slots.get(slot) instanceof CompiledPattern.Tokens t) {
                    Trigger alone = TriggerExtractor.ofTokens(t.source().expr(), new java.util.HashMap<>());
                    assertThat(gate.trigger(r, slot).toString()).as(t.spec().text() + " " + t.spec().slot()).isEqualTo(alone.toString());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(200);
    }

    @Test
    void anyAbsorbsOrAndIsNeutralForAnd() {
        assertThat(Trigger.ANY.or(QUIT).isAny()).isTrue();
        assertThat(Trigger.ANY.and(QUIT).satisfiedBy(Set.of("l:quit"))).isTrue();
        assertThat(Trigger.ANY.satisfiedBy(Set.of())).isTrue();
    }

    @Test
    void anyOfManyAlternativesHoldsForEachAndFailsWhenNoneCan() {
        List<Trigger> parts = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            parts.add(Trigger.of(List.of("w:word" + i)).and(Trigger.of(List.of("l:lemma" + i))));
        }
        Trigger t = Trigger.anyOf(parts);
        for (int i = 0; i < 500; i++) {
            assertThat(t.satisfiedBy(Set.of("w:word" + i, "l:lemma" + i))).isTrue();
        }
        assertThat(t.satisfiedBy(Set.of("w:other", "l:other"))).isFalse();
        assertThat(t.satisfiedBy(Set.of("w:word3"))).isFalse(); // the lemma clause of every part is missing
        assertThat(Trigger.anyOf(List.of(QUIT, Trigger.ANY)).isAny()).isTrue();
        assertThat(Trigger.anyOf(List.of()).isAny()).isTrue();
    }

    @Test
    void semgrexRequiresEveryNodeThatIsNeitherNegatedNorOptionalNorAnAlternative() {
        Trigger t = semgrex("{lemma:want} >advmod {lemma:/not|never/} >xcomp ({lemma:quit} !>obj {word:smoking})");
        assertThat(t.satisfiedBy(Set.of("l:want", "l:not", "l:quit"))).isTrue();
        assertThat(t.satisfiedBy(Set.of("l:want", "l:quit"))).isFalse(); // no negation: never parsed
        assertThat(t.satisfiedBy(Set.of("l:want", "l:never"))).isFalse();

        Trigger optional = semgrex("{lemma:want} ?>advmod {lemma:not}");
        assertThat(optional.satisfiedBy(Set.of("l:want"))).isTrue();

        Trigger either = semgrex("{lemma:want} [>advmod {lemma:not} | >obj {word:me}]");
        assertThat(either.satisfiedBy(Set.of("l:want", "w:me"))).isTrue();
        assertThat(either.satisfiedBy(Set.of("l:want", "l:not"))).isTrue();
        assertThat(either.satisfiedBy(Set.of("l:want"))).isFalse();

        Trigger negatedRoot = semgrex("!{lemma:want} >advmod {lemma:not}");
        assertThat(negatedRoot.satisfiedBy(Set.of("l:not"))).isTrue();

        Trigger nonLiteral = semgrex("{lemma:want} >nsubj {word:/(?i)(?!(?:i|we)$).+/}");
        assertThat(nonLiteral.satisfiedBy(Set.of("l:want"))).isTrue();
    }

    private static Trigger semgrex(String pattern) {
        return TriggerExtractor.ofSemgrex(edu.stanford.nlp.semgraph.semgrex.SemgrexPattern.compile(pattern), pattern);
    }

    @Test
    void aPatternPinnedToBothEndsBoundsTheSentenceLength() {
        assertThat(maxTokens("^ [{word:/(?i)yes|yeah/}] ([{tag:/UH|RB/}]){0,2} [{word:/\\./}]? $")).isEqualTo(4);
        assertThat(maxTokens("^ ([{tag:UH}] | [{word:well}] [{word:yes}]){0,3} [{word:sure}] $")).isEqualTo(7);
        assertThat(maxTokens("[{word:yes}] ([{tag:/UH|RB/}]){0,2} $")).isEqualTo(Integer.MAX_VALUE); // not pinned at the start
        assertThat(maxTokens("^ [{word:yes}] []* $")).isEqualTo(Integer.MAX_VALUE); // unbounded
    }

    private static int maxTokens(String pattern) {
        return TriggerExtractor.maxSentenceTokens(
                LazyTokenPattern.parse(edu.stanford.nlp.ling.tokensregex.TokenSequencePattern.getNewEnv(), pattern).expr());
    }
}
