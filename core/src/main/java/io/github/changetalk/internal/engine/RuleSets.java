package io.github.changetalk.internal.engine;

import io.github.changetalk.internal.helper.CounselorRules;
import io.github.changetalk.internal.match.MatchingRules;

/**
 * The rules compiled for one selection of targets: the client rules, which label client turns (and read
 * a counselor turn in the client's voice), and the counselor rules, which code counselor turns.
 * Immutable and shared by all threads.
 */
public record RuleSets(MatchingRules client, CounselorRules counselor) {
    /** Client rules alone: counselor turns stay uncoded. */
    public static RuleSets clientOnly(MatchingRules client) {
        MatchingRules none = MatchingRules.plain(client.rules().of(spec -> false));
        return new RuleSets(client, new CounselorRules(none, none));
    }
}
