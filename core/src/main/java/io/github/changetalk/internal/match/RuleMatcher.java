package io.github.changetalk.internal.match;

import io.github.changetalk.Evidence;
import io.github.changetalk.RuleVerdict;
import io.github.changetalk.RuleVerdict.Outcome;
import io.github.changetalk.Veto;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.rules.CompiledPattern;
import io.github.changetalk.internal.rules.CompiledRule;
import io.github.changetalk.internal.rules.MatchedSpan;
import io.github.changetalk.internal.rules.RuleSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a rule set over one sentence: only the candidate rules (whose trigger the sentence has), each
 * pattern in order until one matches, then the rule's {@code context:} against the preceding counselor
 * turn, then its {@code unless:} vetoes. Stateless; all state is local to the call.
 */
public final class RuleMatcher {
    private RuleMatcher() {
    }

    /**
     * @param context the analyzed preceding counselor turn, computed on first use (empty if none)
     * @param text    the utterance text the sentence's offsets point into
     * @param trace   whether to record a verdict for every rule (for explanations)
     */
    public static SentenceMatch match(RuleSet rules, SentenceView sentence, Supplier<List<SentenceView>> context,
                                      String text, boolean trace) {
        boolean gated = rules.gated();
        if (!gated) {
            // Parse-everything mode (verification, benchmarks): every graph the rules use, up front.
            for (var kind : rules.graphs()) {
                sentence.graph(kind);
            }
        }
        List<CompiledRule> candidates = rules.candidates(sentence.keys());
        List<Match> matches = new ArrayList<>();
        List<Veto> vetoes = new ArrayList<>();
        List<RuleVerdict> verdicts = new ArrayList<>();
        Set<CompiledRule> tried = trace ? new HashSet<>(candidates) : Set.of();
        for (CompiledRule rule : candidates) {
            checkInterrupt();
            MatchedSpan hit = first(rule.patterns(), sentence, text, gated);
            if (hit == null) {
                if (trace) {
                    verdicts.add(new RuleVerdict(rule.id(), Outcome.NO_MATCH, "no pattern matched"));
                }
                continue;
            }
            if (!rule.context().isEmpty() && !contextMatches(rule, context.get(), gated)) {
                if (trace) {
                    verdicts.add(new RuleVerdict(rule.id(), Outcome.NO_CONTEXT, hit.slot() + " matched '" + hit.text()
                            + "' but the preceding counselor turn did not match the rule's context"));
                }
                continue;
            }
            MatchedSpan veto = first(rule.unless(), sentence, text, gated);
            if (veto != null) {
                vetoes.add(new Veto(rule.id(), veto.slot(), veto.text(), veto.begin(), veto.end()));
                if (trace) {
                    verdicts.add(new RuleVerdict(rule.id(), Outcome.VETOED, hit.slot() + " matched '" + hit.text()
                            + "' but " + veto.slot() + " matched '" + veto.text() + "'"));
                }
                continue;
            }
            var spec = rule.spec();
            matches.add(new Match(rule, new Evidence(rule.id(), spec.label(), spec.direction(), spec.kind(),
                    spec.priority(), hit.slot(), hit.text(), hit.begin(), hit.end()), hit.tokenCount()));
            if (trace) {
                verdicts.add(new RuleVerdict(rule.id(), Outcome.MATCHED, hit.slot() + " matched '" + hit.text() + "'"));
            }
        }
        if (trace) {
            for (CompiledRule rule : rules.rules()) {
                if (!tried.contains(rule)) {
                    verdicts.add(new RuleVerdict(rule.id(), Outcome.NOT_CANDIDATE,
                            "the sentence has none of its trigger words " + rule.trigger().describe()));
                }
            }
        }
        return new SentenceMatch(matches, vetoes, verdicts);
    }

    private static MatchedSpan first(List<CompiledPattern> patterns, SentenceView sentence, String text, boolean gated) {
        for (CompiledPattern p : patterns) {
            Optional<MatchedSpan> m = MatchedSpan.find(p, sentence, text, gated);
            if (m.isPresent()) {
                return m.get();
            }
        }
        return null;
    }

    private static boolean contextMatches(CompiledRule rule, List<SentenceView> context, boolean gated) {
        for (SentenceView s : context) {
            if (first(rule.context(), s, null, gated) != null) {
                return true;
            }
        }
        return false;
    }

    private static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("classification interrupted");
        }
    }
}
