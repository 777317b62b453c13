package io.github.changetalk.internal.compile;

import io.github.changetalk.internal.pack.GraphKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled rules for one selection of targets, in load order. Immutable and shared by all threads.
 * What lets a sentence skip the rules it cannot match is built on top of it, apart (the shortcuts of
 * {@code internal.shortcut}), so that the rules themselves read plainly.
 */
public final class RuleSet {
    private final List<CompiledRule> rules;
    private final EnumSet<GraphKind> graphs;
    private final Map<String, Set<List<String>>> lexicons;

    RuleSet(List<CompiledRule> rules, Map<String, Set<List<String>>> lexicons) {
        this.rules = List.copyOf(rules);
        this.lexicons = Map.copyOf(lexicons);
        EnumSet<GraphKind> kinds = EnumSet.noneOf(GraphKind.class);
        for (CompiledRule rule : this.rules) {
            for (CompiledPattern p : rule.allPatterns()) {
                if (p instanceof CompiledPattern.Dependency d) {
                    kinds.add(d.graph());
                }
            }
        }
        this.graphs = kinds;
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    /**
     * The rules for one speaker's turns (client rules label client turns, counselor rules code counselor
     * turns), in load order and numbered afresh from 0, sharing this set's compiled patterns: so the
     * client rules rank and match exactly as they would with no counselor pack loaded.
     */
    public RuleSet of(io.github.changetalk.Speaker speaker) {
        return of(spec -> spec.speaker() == speaker);
    }

    /** The rules whose specs pass {@code which}, as {@link #of(io.github.changetalk.Speaker)} takes a speaker's. */
    public RuleSet of(java.util.function.Predicate<io.github.changetalk.internal.pack.RuleSpec> which) {
        List<CompiledRule> mine = new java.util.ArrayList<>();
        for (CompiledRule r : rules) {
            if (which.test(r.spec())) {
                mine.add(new CompiledRule(r.spec(), mine.size(), r.patterns(), r.unless(), r.context()));
            }
        }
        return new RuleSet(mine, lexicons);
    }

    /** The dependency graphs some rule uses; empty when no rule needs the parser. */
    public Set<GraphKind> graphs() {
        return EnumSet.copyOf(graphs);
    }

    public boolean usesDependencies() {
        return !graphs.isEmpty();
    }

    /**
     * The lexicons these rules were compiled with: each lexicon a pattern names, with its entries as
     * tokenized (lower-cased token lists). A pattern's text means the same under two compilations exactly
     * when these are equal.
     */
    public Map<String, Set<List<String>>> lexicons() {
        return lexicons;
    }
}
