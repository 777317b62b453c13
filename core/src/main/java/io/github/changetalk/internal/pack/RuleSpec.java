package io.github.changetalk.internal.pack;

import io.github.changetalk.Band;
import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.Speaker;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A rule as written in a pack, validated for shape but not yet compiled. {@code kind} is null for
 * neutral rules; {@code echo} is null except for neutral answer rules (see {@link Echo}). {@code band}
 * is the rule's precedence band; {@code overrides} the ids of rules whose readings this rule's sets
 * aside when both fire on a sentence. {@code helper} is what a counselor rule (of a
 * {@code speaker: counselor} pack) says, null for client rules, whose direction is then neutral;
 * {@code after} is a client rule's condition on the counselor turn before, or null. {@code targets} are the target directions the rule is for
 * ({@code targets: [more]}); empty when it is for every target.
 */
public record RuleSpec(String source, String pack, String id, int line, Direction direction, Kind kind,
                       Band band, List<String> overrides, String description,
                       List<PatternSpec> patterns, List<PatternSpec> unless,
                       List<PatternSpec> context, List<ExampleSpec> examples, Echo echo,
                       HelperSpec helper, AfterSpec after, Set<TargetDirection> targets) {
    public RuleSpec {
        overrides = List.copyOf(overrides);
        patterns = List.copyOf(patterns);
        unless = List.copyOf(unless);
        context = List.copyOf(context);
        examples = List.copyOf(examples);
        targets = targets.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(targets));
    }

    /** A rule for every target. */
    public RuleSpec(String source, String pack, String id, int line, Direction direction, Kind kind,
                    Band band, List<String> overrides, String description,
                    List<PatternSpec> patterns, List<PatternSpec> unless,
                    List<PatternSpec> context, List<ExampleSpec> examples, Echo echo) {
        this(source, pack, id, line, direction, kind, band, overrides, description, patterns, unless, context,
                examples, echo, null, null, Set.of());
    }

    /** A client rule restricted to {@code targets} (empty: every target). */
    public RuleSpec(String source, String pack, String id, int line, Direction direction, Kind kind,
                    Band band, List<String> overrides, String description,
                    List<PatternSpec> patterns, List<PatternSpec> unless,
                    List<PatternSpec> context, List<ExampleSpec> examples, Echo echo, Set<TargetDirection> targets) {
        this(source, pack, id, line, direction, kind, band, overrides, description, patterns, unless, context,
                examples, echo, null, null, targets);
    }

    /** A rule for every target, with what a counselor rule says ({@code helper}) and a client rule's {@code after:}. */
    public RuleSpec(String source, String pack, String id, int line, Direction direction, Kind kind,
                    Band band, List<String> overrides, String description,
                    List<PatternSpec> patterns, List<PatternSpec> unless,
                    List<PatternSpec> context, List<ExampleSpec> examples, Echo echo, HelperSpec helper, AfterSpec after) {
        this(source, pack, id, line, direction, kind, band, overrides, description, patterns, unless, context,
                examples, echo, helper, after, Set.of());
    }

    /** Whether the rule is for a selection of targets whose directions are {@code directions}. */
    public boolean appliesTo(Set<TargetDirection> directions) {
        return targets.isEmpty() || directions.stream().anyMatch(targets::contains);
    }

    /** Every pattern of the rule: its patterns, then its unless, then its context patterns. */
    public List<PatternSpec> allPatterns() {
        List<PatternSpec> all = new java.util.ArrayList<>(patterns.size() + unless.size() + context.size());
        all.addAll(patterns);
        all.addAll(unless);
        all.addAll(context);
        return all;
    }

    /** Who the rule is for: counselor rules code counselor turns, client rules label client turns. */
    public Speaker speaker() {
        return helper == null ? Speaker.CLIENT : Speaker.COUNSELOR;
    }

    /** Whether the rule can fire only after a counselor turn (it has a {@code context:} or an {@code after:}). */
    public boolean needsCounselorTurn() {
        return !context.isEmpty() || after != null;
    }

    public Label label() {
        return Label.of(direction, kind);
    }

    /** The rank of the rule's band: higher wins (see {@link Band}). */
    public int priority() {
        return band.rank();
    }

    /** The same rule with its patterns as the compiler reads them (macros expanded). */
    public RuleSpec withPatterns(List<PatternSpec> patterns, List<PatternSpec> unless, List<PatternSpec> context) {
        return new RuleSpec(source, pack, id, line, direction, kind, band, overrides, description,
                patterns, unless, context, examples, echo, helper, after, targets);
    }
}
