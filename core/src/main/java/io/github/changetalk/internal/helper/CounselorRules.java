package io.github.changetalk.internal.helper;

import io.github.changetalk.internal.match.MatchingRules;

/**
 * The counselor rules compiled for one selection of targets: those matched on the counselor turn itself,
 * and those ({@code cue: client-asks}, {@code cue: client-declines}) matched on the client turn before it.
 * Immutable and shared by all threads.
 */
public record CounselorRules(MatchingRules onTurn, MatchingRules onClientTurn) {
    /** Whether any counselor rule codes counselor turns; with none (no counselor pack loaded) they stay uncoded. */
    public boolean codesTurns() {
        return !onTurn.rules().rules().isEmpty();
    }
}
