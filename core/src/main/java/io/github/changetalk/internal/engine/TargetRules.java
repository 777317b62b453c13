package io.github.changetalk.internal.engine;

import io.github.changetalk.internal.compile.KnownPatterns;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.compile.RuleCompiler;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.shortcut.PatternHints;
import io.github.changetalk.internal.shortcut.TriggerGate;
import io.github.changetalk.internal.startup.PatternIndex;
import java.util.Set;

/**
 * Compiles the catalog's rules for a selection of targets, with the shortcuts that go with them (none
 * when trigger gating is off), deferring the patterns a pattern index knows. Immutable.
 */
record TargetRules(RuleCatalog catalog, PatternIndex index, boolean gating) {
    /** {@code selection} null means every target. */
    MatchingRules compile(Set<String> selection) {
        RuleSet rules = RuleCompiler.compile(catalog, selection, Analyzer::tokenizeEntry,
                index == null ? KnownPatterns.NONE : index);
        if (!gating) {
            return MatchingRules.plain(rules);
        }
        return new MatchingRules(rules, TriggerGate.of(rules, index == null ? PatternHints.NONE : index));
    }
}
