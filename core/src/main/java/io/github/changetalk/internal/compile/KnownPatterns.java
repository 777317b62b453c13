package io.github.changetalk.internal.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Token patterns known to parse, whose parse a compilation may leave until a sentence first needs them
 * (what needs the parse without a sentence, their trigger words and length bound, is known too). The
 * command line's start-up keeps such a record ({@code internal.startup.PatternIndex}); without one,
 * every pattern is parsed at load, so that a broken pattern fails its pack at once.
 */
public interface KnownPatterns {
    /** Knows no pattern: every pattern is parsed at load. */
    KnownPatterns NONE = lexicons -> Set.of();

    /**
     * The pattern texts known to parse under these lexicons (each lexicon a pattern names, with its
     * tokenized entries, as {@link RuleSet#lexicons()}); none when the record was made for other lexicons.
     */
    Set<String> knownUnder(Map<String, Set<List<String>>> lexicons);
}
