package io.github.changetalk;

import java.util.List;

/**
 * A loaded rule, for listing and documentation. {@code triggers} are the words ({@code word:x}) or
 * lemmas ({@code lemma:x}) of which a sentence must contain one for the rule to be tried; empty when
 * the rule is tried on every sentence.
 */
public record RuleInfo(String id, Label label, Direction direction, Kind kind, int priority,
                       String pack, String source, int line, String description,
                       List<String> patterns, List<String> unless, List<String> context,
                       List<String> triggers, boolean usesDependencies) {
    public RuleInfo {
        patterns = List.copyOf(patterns);
        unless = List.copyOf(unless);
        context = List.copyOf(context);
        triggers = List.copyOf(triggers);
    }
}
