package io.github.changetalk.internal.compile;

import io.github.changetalk.Label;
import io.github.changetalk.internal.pack.RuleSpec;
import java.util.List;

/**
 * A rule with its patterns compiled. Immutable. {@code order} is its position in load order. Its patterns
 * are numbered in one row of slots, as {@link #allPatterns()} lists them: its patterns from slot 0, then
 * its unless patterns, then its context patterns.
 */
public record CompiledRule(RuleSpec spec, int order, List<CompiledPattern> patterns, List<CompiledPattern> unless,
                           List<CompiledPattern> context) {
    public CompiledRule {
        patterns = List.copyOf(patterns);
        unless = List.copyOf(unless);
        context = List.copyOf(context);
    }

    public String id() {
        return spec.id();
    }

    public Label label() {
        return spec.label();
    }

    /** Every pattern of the rule, in slot order: its patterns, then its unless, then its context patterns. */
    public List<CompiledPattern> allPatterns() {
        List<CompiledPattern> all = new java.util.ArrayList<>(patterns.size() + unless.size() + context.size());
        all.addAll(patterns);
        all.addAll(unless);
        all.addAll(context);
        return all;
    }

    /** The slot of the first unless pattern. */
    public int firstUnlessSlot() {
        return patterns.size();
    }

    /** The slot of the first context pattern. */
    public int firstContextSlot() {
        return patterns.size() + unless.size();
    }

    public boolean usesDependencies() {
        return allPatterns().stream().anyMatch(CompiledPattern::needsParse);
    }
}
