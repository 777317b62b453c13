package io.github.changetalk.internal.compile;

import io.github.changetalk.Label;
import io.github.changetalk.internal.pack.RuleSpec;
import io.github.changetalk.internal.shortcut.Trigger;
import java.util.List;

/** A rule with its patterns compiled. Immutable. {@code order} is its position in load order. */
public record CompiledRule(RuleSpec spec, int order, List<CompiledPattern> patterns, List<CompiledPattern> unless,
                           List<CompiledPattern> context, Trigger trigger) {
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

    /** Every pattern of the rule: its patterns, then its unless, then its context patterns. */
    public List<CompiledPattern> allPatterns() {
        List<CompiledPattern> all = new java.util.ArrayList<>(patterns.size() + unless.size() + context.size());
        all.addAll(patterns);
        all.addAll(unless);
        all.addAll(context);
        return all;
    }

    public boolean usesDependencies() {
        return allPatterns().stream().anyMatch(CompiledPattern::needsParse);
    }
}
