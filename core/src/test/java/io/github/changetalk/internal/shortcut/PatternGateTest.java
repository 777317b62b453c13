package io.github.changetalk.internal.shortcut;

import io.github.changetalk.internal.compile.StepBudget;
import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.CompiledRule;
import io.github.changetalk.internal.compile.DefaultRules;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.match.RuleMatcher;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate skips a pattern only when the sentence cannot satisfy its trigger or is longer than it can
 * match, and finds what the pattern itself finds: checked for every slot of every rule (patterns,
 * unless and context patterns) on every testdata sentence.
 */
class PatternGateTest {
    private static RuleSet rules;
    private static TriggerGate gate;
    private static List<SentenceView> sentences;

    @BeforeAll
    static void load() {
        rules = DefaultRules.compiled();
        gate = TriggerGate.of(rules, PatternHints.NONE);
        sentences = DefaultRules.testdataSentences(Analyzer.load(Analyzer.Options.DEFAULTS.withoutParser()));
    }

    @Test
    void theGateFindsWhatEachPatternFindsAndSkipsOnlyWhatCannotMatch() {
        long skipped = 0;
        long tried = 0;
        long matched = 0;
        for (SentenceView s : sentences) {
            TriggerGate.Screen screen = gate.screen(s);
            for (int index : screen.candidates()) {
                CompiledRule rule = rules.rules().get(index);
                List<CompiledPattern> slots = rule.allPatterns();
                for (int slot = 0; slot < slots.size(); slot++) {
                    CompiledPattern p = slots.get(slot);
                    if (!(p instanceof CompiledPattern.Tokens)) {
                        continue; // the sentences are not parsed here; GatingEquivalenceTest covers dependency patterns
                    }
                    var plain = p.find(s, new StepBudget(RuleMatcher.DEFAULT_STEP_LIMIT));
                    assertThat(screen.find(p, index, slot, new StepBudget(RuleMatcher.DEFAULT_STEP_LIMIT))).as(rule.id() + " slot " + slot + " on " + s.tokens())
                            .isEqualTo(plain);
                    if (screen.mayMatch(index, slot)) {
                        tried++;
                        matched += plain.isPresent() ? 1 : 0;
                    } else {
                        skipped++;
                    }
                }
            }
        }
        // The gate does real work (most patterns of candidate rules are skipped) and leaves the matches.
        assertThat(skipped).isGreaterThan(tried);
        assertThat(matched).isGreaterThan(1000);
    }

    @Test
    void aPatternMayMatchExactlyWhenItsWholeTriggerHoldsAndTheSentenceIsShortEnough() {
        long satisfied = 0;
        long checked = 0;
        for (SentenceView s : sentences) {
            TriggerGate.Screen screen = gate.screen(s);
            Set<String> keys = KeySets.of(s.tokens());
            for (int index = 0; index < rules.rules().size(); index++) {
                CompiledRule rule = rules.rules().get(index);
                for (int slot = 0; slot < rule.allPatterns().size(); slot++) {
                    boolean expected = gate.trigger(index, slot).satisfiedBy(keys) && s.tokens().size() <= gate.maxTokens(index, slot);
                    assertThat(screen.mayMatch(index, slot)).as(rule.id() + " slot " + slot + " on " + s.tokens()).isEqualTo(expected);
                    satisfied += expected ? 1 : 0;
                    checked++;
                }
            }
        }
        assertThat(satisfied).isGreaterThan(10_000).isLessThan(checked / 2);
    }

    @Test
    void aRuleIsACandidateWhenItsTriggersRarestClauseHolds() {
        for (SentenceView s : sentences.subList(0, 500)) {
            Set<String> keys = KeySets.of(s.tokens());
            int[] candidates = gate.screen(s).candidates();
            for (int index = 0; index < rules.rules().size(); index++) {
                boolean rarest = gate.triggerWords(index).isEmpty() || Trigger.of(ruleTriggerKeys(index)).satisfiedBy(keys);
                assertThat(java.util.Arrays.binarySearch(candidates, index) >= 0).as(rules.rules().get(index).id()).isEqualTo(rarest);
            }
        }
    }

    /** The keys of the rarest clause of a rule's trigger, from its description (word:x, lemma:y). */
    private static List<String> ruleTriggerKeys(int index) {
        return gate.triggerWords(index).stream()
                .map(w -> (w.startsWith("word:") ? "w:" + w.substring(5) : "l:" + w.substring(6))).toList();
    }
}
