package io.github.changetalk.internal.match;

import io.github.changetalk.Notice;
import io.github.changetalk.RuleVerdict;
import io.github.changetalk.Veto;
import java.util.List;

/**
 * Everything the rules did on one sentence. {@code verdicts} is filled only when tracing (explain);
 * {@code notices} name rules whose matching was stopped at the time limit.
 */
public record SentenceMatch(List<Match> matches, List<Veto> vetoes, List<RuleVerdict> verdicts, List<Notice> notices) {
}
