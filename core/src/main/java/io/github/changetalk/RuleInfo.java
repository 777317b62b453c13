package io.github.changetalk;

import java.util.List;

/**
 * A loaded rule, for listing and documentation. {@code band} is its precedence band and
 * {@code priority} that band's rank; {@code overrides} the rules whose readings
 * it sets aside when both fire. {@code patterns}, {@code unless} and {@code context} are as the pack
 * writes them (macros unexpanded, comments kept). {@code triggers} are the words ({@code word:x}) or
 * lemmas ({@code lemma:x}) of which a sentence must contain one for the rule to be tried; empty when
 * the rule is tried on every sentence.
 *
 * <p>{@code speaker} is whose turns the rule reads. A counselor rule has a neutral direction, no kind,
 * and says what it hears with its {@code code}, the {@code function} of a question (with the kind it
 * {@code asks} for, or a ruler's {@code dimension}) and a {@code cue} (as written, e.g.
 * {@code client-asks}); each null when not given, and all null for client rules. {@code after} is a
 * client rule's condition on the counselor turn before, as written in a pack ({@code {function: ruler}}),
 * or null. {@code targets} are the target directions
 * ({@code less}, {@code more}, {@code none}) the rule is restricted to; empty when it is for every target.
 */
public record RuleInfo(String id, Label label, Direction direction, Kind kind, int priority, Band band,
                       List<String> overrides, String pack, String source, int line, String description,
                       List<String> patterns, List<String> unless, List<String> context, List<Example> examples,
                       List<String> triggers, boolean usesDependencies, Speaker speaker, MiscCode code,
                       CounselorCoding.Function function, Kind asks, CounselorCoding.Dimension dimension, String cue,
                       String after, List<String> targets) {
    public RuleInfo {
        overrides = List.copyOf(overrides);
        patterns = List.copyOf(patterns);
        unless = List.copyOf(unless);
        context = List.copyOf(context);
        examples = List.copyOf(examples);
        triggers = List.copyOf(triggers);
        targets = List.copyOf(targets);
    }

    /**
     * An example sentence of the rule; {@code context} is the counselor turn before it, or null;
     * {@code target} the target behaviour it is classified under, or null for the default targets.
     */
    public record Example(String text, String context, boolean match, String target) {
    }
}
