package io.github.changetalk.internal.shortcut;

import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.CompiledRule;
import io.github.changetalk.internal.compile.DefaultRules;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pattern-level gating skips a candidate rule's pattern when the sentence lacks the words of the
 * pattern's rarest trigger clause. It must only ever skip patterns that cannot match: checked for every
 * pattern and unless pattern of every candidate rule on every testdata sentence.
 */
class PatternGateTest {
    private static RuleSet rules;
    private static List<SentenceView> sentences;

    @BeforeAll
    static void load() {
        rules = DefaultRules.compiled();
        sentences = DefaultRules.testdataSentences(Analyzer.load(Analyzer.Options.DEFAULTS.withoutParser()));
    }

    @Test
    void aSkippedPatternIsOneWhoseTriggerTheSentenceDoesNotSatisfy() {
        long skipped = 0;
        long tried = 0;
        long matchedWhileLive = 0;
        for (SentenceView s : sentences) {
            long[] live = rules.livePatterns(s.keyMask());
            assertThat(live).isNotNull();
            for (int index : rules.candidateIndexes(s.keyMask(), s.keys())) {
                CompiledRule rule = rules.rules().get(index);
                List<CompiledPattern> slots = slots(rule);
                for (int slot = 0; slot < slots.size(); slot++) {
                    CompiledPattern p = slots.get(slot);
                    if (rules.live(live, index, slot)) {
                        tried++;
                        if (p instanceof CompiledPattern.Tokens && p.find(s, true, 2_000_000L).isPresent()) {
                            matchedWhileLive++;
                        }
                    } else {
                        skipped++;
                        assertThat(p.trigger().satisfiedBy(s.keys())).as(rule.id() + " slot " + slot + " on " + s.tokens()).isFalse();
                        if (p instanceof CompiledPattern.Tokens) {
                            assertThat(p.find(s, false, 2_000_000L)).as(rule.id() + " slot " + slot).isEmpty();
                        }
                    }
                }
            }
        }
        // The gate does real work (most patterns of candidate rules are skipped) and leaves the matches.
        assertThat(skipped).isGreaterThan(tried);
        assertThat(matchedWhileLive).isGreaterThan(1000);
        // Gating off: every pattern is live.
        SentenceView first = sentences.get(0);
        assertThat(rules.ungated().livePatterns(first.keyMask())).isNull();
        assertThat(rules.ungated().live(null, 0, 0)).isTrue();
        assertThat(rules.ungated().clauseHits(first.keyMask())).isNull();
    }

    @Test
    void theLiveBitsAndTheClauseIndexTogetherSayOfEveryPatternExactlyWhatItsTriggerSays() {
        long satisfied = 0;
        long checked = 0;
        for (SentenceView s : sentences) {
            long[] live = rules.livePatterns(s.keyMask());
            long[] hits = rules.clauseHits(s.keyMask());
            assertThat(hits).isNotNull();
            for (int index = 0; index < rules.rules().size(); index++) {
                CompiledRule rule = rules.rules().get(index);
                List<CompiledPattern> slots = slots(rule);
                for (int slot = 0; slot < slots.size(); slot++) {
                    boolean expected = slots.get(slot).trigger().satisfiedBy(s.keys());
                    // live: the rarest clause (or no trigger at all); satisfied: the others.
                    assertThat(rules.live(live, index, slot) && rules.satisfied(hits, index, slot))
                            .as(rule.id() + " slot " + slot + " on " + s.tokens()).isEqualTo(expected);
                    satisfied += expected ? 1 : 0;
                    checked++;
                }
            }
        }
        assertThat(satisfied).isGreaterThan(10_000).isLessThan(checked / 2);
    }

    /** A rule's patterns then its unless patterns, numbered as {@link RuleSet#live} numbers them. */
    private static List<CompiledPattern> slots(CompiledRule rule) {
        List<CompiledPattern> slots = new java.util.ArrayList<>(rule.patterns());
        slots.addAll(rule.unless());
        return slots;
    }
}
