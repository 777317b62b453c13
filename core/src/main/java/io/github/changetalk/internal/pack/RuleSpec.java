package io.github.changetalk.internal.pack;

import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import java.util.List;

/**
 * A rule as written in a pack, validated for shape but not yet compiled. {@code kind} is null for
 * neutral rules; {@code echo} is null except for neutral answer rules (see {@link Echo}).
 */
public record RuleSpec(String source, String pack, String id, int line, Direction direction, Kind kind,
                       int priority, String description, List<PatternSpec> patterns, List<PatternSpec> unless,
                       List<PatternSpec> context, List<ExampleSpec> examples, Echo echo) {
    public RuleSpec {
        patterns = List.copyOf(patterns);
        unless = List.copyOf(unless);
        context = List.copyOf(context);
        examples = List.copyOf(examples);
    }

    /** Every pattern of the rule: its patterns, then its unless, then its context patterns. */
    public List<PatternSpec> allPatterns() {
        List<PatternSpec> all = new java.util.ArrayList<>(patterns.size() + unless.size() + context.size());
        all.addAll(patterns);
        all.addAll(unless);
        all.addAll(context);
        return all;
    }

    public Label label() {
        return Label.of(direction, kind);
    }
}
