package io.github.changetalk.internal.engine;

import io.github.changetalk.Speaker;
import io.github.changetalk.internal.compile.KnownPatterns;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.compile.RuleCompiler;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.helper.CounselorRules;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.shortcut.PatternHints;
import io.github.changetalk.internal.shortcut.TriggerGate;
import io.github.changetalk.internal.startup.PatternIndex;
import java.util.Set;

/**
 * Compiles the catalog's rules for a selection of targets, with the shortcuts that go with them (none
 * when trigger gating is off), deferring the patterns a pattern index knows: the client rules, and the
 * counselor rules split by what they read. Immutable.
 */
record TargetRules(RuleCatalog catalog, PatternIndex index, boolean gating) {
    /** {@code selection} null means every target. */
    RuleSets compile(Set<String> selection) {
        RuleSet all = RuleCompiler.compile(catalog, selection, Analyzer::tokenizeEntry,
                index == null ? KnownPatterns.NONE : index);
        MatchingRules client = matching(all.of(Speaker.CLIENT));
        RuleSet counselor = all.of(Speaker.COUNSELOR);
        return new RuleSets(client, new CounselorRules(
                matching(counselor.of(spec -> spec.helper().cue() == null || !spec.helper().cue().readsClientTurn())),
                matching(counselor.of(spec -> spec.helper().cue() != null && spec.helper().cue().readsClientTurn()))));
    }

    private MatchingRules matching(RuleSet rules) {
        if (!gating) {
            return MatchingRules.plain(rules);
        }
        return new MatchingRules(rules, TriggerGate.of(rules, index == null ? PatternHints.NONE : index));
    }
}
