package io.github.changetalk.internal.match;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.List;
import java.util.function.Supplier;

/**
 * A rule set with the shortcuts that skip what cannot match it: what utterances are matched against.
 * Immutable and shared by all threads; {@link #matcher} makes the per-call part.
 */
public record MatchingRules(RuleSet rules, Shortcuts shortcuts) {
    /** The rules with no shortcut: every rule tried on every sentence (for verifying the shortcuts, and benchmarks). */
    public static MatchingRules plain(RuleSet rules) {
        return new MatchingRules(rules, Shortcuts.none(rules));
    }

    /**
     * A matcher for one call.
     *
     * @param counselorTurn the analyzed counselor turn just before the utterance, worked out on first use
     *                      (empty when there is none); rules' {@code context:} patterns are matched against it
     * @param text          the utterance text the sentences' offsets point into
     * @param trace         whether to record a verdict for every rule (for explanations)
     * @param stepLimit     how many tokens one pattern may read on one sentence; a rule with a pattern that
     *                      runs over is treated as not matching, and the result carries a {@code match-limit} notice
     */
    public RuleMatcher matcher(Supplier<List<SentenceView>> counselorTurn, String text, boolean trace, long stepLimit) {
        return matcher(counselorTurn, () -> null, () -> CounselorCoding.ReflectedTalk.NONE, text, trace, stepLimit);
    }

    /**
     * As above, for utterances after a coded counselor turn: {@code counselorCoding} gives that turn's coding
     * on first use (null when there is none), which rules' {@code after:} conditions test, and
     * {@code reflectedTalk} that turn read in the client's voice (never null), asked only by an
     * {@code after: reflected} condition on a turn that puts words in the client's mouth.
     */
    public RuleMatcher matcher(Supplier<List<SentenceView>> counselorTurn, Supplier<CounselorCoding> counselorCoding,
                               Supplier<CounselorCoding.ReflectedTalk> reflectedTalk, String text, boolean trace,
                               long stepLimit) {
        return new RuleMatcher(this, counselorTurn, counselorCoding, reflectedTalk, text, trace, stepLimit);
    }
}
