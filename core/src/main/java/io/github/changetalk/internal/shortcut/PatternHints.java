package io.github.changetalk.internal.shortcut;

/**
 * Triggers and length bounds of token patterns known without parsing them (the command line's pattern
 * index, {@code internal.startup.PatternIndex}), for the patterns whose parse the compiler deferred
 * ({@code internal.compile.KnownPatterns}).
 */
public interface PatternHints {
    /** Knows no pattern (then the compiler defers none). */
    PatternHints NONE = text -> null;

    /** What is known of a token pattern's text: its trigger and the longest sentence it can match. */
    record Hint(Trigger trigger, int maxTokens) {
    }

    /** The hint for this pattern text, or null. */
    Hint lookup(String patternText);
}
