package io.github.changetalk.internal.match;

import io.github.changetalk.Evidence;
import io.github.changetalk.Notice;
import io.github.changetalk.RuleVerdict;
import io.github.changetalk.RuleVerdict.Outcome;
import io.github.changetalk.Veto;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.CompiledRule;
import io.github.changetalk.internal.compile.MatchLimitException;
import io.github.changetalk.internal.compile.RuleSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a rule set over one sentence: only the candidate rules (whose trigger the sentence has), each
 * pattern in order until one matches, then the rule's {@code context:} against the preceding counselor
 * turn, then its {@code unless:} vetoes. Stateless; all state is local to the call.
 */
public final class RuleMatcher {
    /**
     * The default number of token reads one token pattern may make on one sentence before it is stopped:
     * thousands of times what an ordinary pattern needs, and a few tens of milliseconds of work.
     */
    public static final long DEFAULT_STEP_LIMIT = 2_000_000L;

    private RuleMatcher() {
    }

    /**
     * How patterns are tried in one call: with trigger gating or not, and with what budget of token reads.
     * Token patterns compiled once for several rules (same text) are run once per sentence: their
     * result (a span, or none) is remembered for the call.
     */
    private record Scope(boolean gated, long stepLimit, Map<SentenceView, Map<Object, Optional<MatchedSpan>>> memo) {
        Scope(boolean gated, long stepLimit) {
            this(gated, stepLimit, new IdentityHashMap<>());
        }

        /** {@code triggerKnown}: the sentence is known to satisfy the pattern's trigger. */
        Optional<MatchedSpan> find(CompiledPattern p, SentenceView sentence, String text, boolean triggerKnown) {
            if (p instanceof CompiledPattern.Tokens t && t.shared()) {
                Map<Object, Optional<MatchedSpan>> bySentence = memo.computeIfAbsent(sentence, s -> new IdentityHashMap<>());
                Optional<MatchedSpan> found = bySentence.get(t.source());
                if (found == null) {
                    found = MatchedSpan.find(p, sentence, text, gated, triggerKnown, stepLimit);
                    bySentence.put(t.source(), found);
                }
                // The same words, reported under this pattern's own slot (patterns[0], unless[1]...).
                return found.map(m -> new MatchedSpan(p.spec().slot(), m.text(), m.begin(), m.end(), m.tokenCount()));
            }
            return MatchedSpan.find(p, sentence, text, gated, triggerKnown, stepLimit);
        }
    }

    public static SentenceMatch match(RuleSet rules, SentenceView sentence, Supplier<List<SentenceView>> context,
                                      String text, boolean trace) {
        return match(rules, sentence, context, text, trace, DEFAULT_STEP_LIMIT);
    }

    /**
     * @param context    the analyzed preceding counselor turn, computed on first use (empty if none)
     * @param text       the utterance text the sentence's offsets point into
     * @param trace      whether to record a verdict for every rule (for explanations)
     * @param stepLimit  how many tokens one pattern may read on this sentence; a rule with a pattern that
     *                   runs over is treated as not matching, and the result carries a {@code match-limit} notice
     */
    public static SentenceMatch match(RuleSet rules, SentenceView sentence, Supplier<List<SentenceView>> context,
                                      String text, boolean trace, long stepLimit) {
        Scope scope = new Scope(rules.gated(), stepLimit);
        if (!scope.gated()) {
            // Parse-everything mode (verification, benchmarks): every graph the rules use, up front.
            for (var kind : rules.graphs()) {
                sentence.graph(kind);
            }
        }
        int[] candidates = rules.candidateIndexes(sentence.keyMask(), sentence.keys());
        long[] live = rules.livePatterns(sentence.keyMask());
        long[] hits = live == null ? null : rules.clauseHits(sentence.keyMask());
        List<Match> matches = new ArrayList<>();
        List<Veto> vetoes = new ArrayList<>();
        List<RuleVerdict> verdicts = new ArrayList<>();
        List<Notice> notices = new ArrayList<>(0);
        Set<CompiledRule> tried = trace ? new HashSet<>() : Set.of();
        for (int index : candidates) {
            CompiledRule rule = rules.rules().get(index);
            if (trace) {
                tried.add(rule);
            }
            checkInterrupt();
            try {
                tryRule(rule, new Gate(rules, live, hits, index), sentence, context, text, trace, scope, matches, vetoes, verdicts);
            } catch (MatchLimitException e) {
                // A runaway pattern must not hang the call or label the sentence: the rule counts as not matching.
                notices.add(new Notice("match-limit", "rule " + rule.id() + " was stopped after "
                        + stepLimit + " token reads on this sentence (or recursed too deeply) and was treated as not matching"));
                if (trace) {
                    verdicts.add(new RuleVerdict(rule.id(), Outcome.NO_MATCH, "stopped at the match step limit"));
                }
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
        return new SentenceMatch(matches, vetoes, verdicts, notices);
    }

    /**
     * Which of one rule's patterns (slots from 0) and unless patterns (slots after them) the sentence could
     * match: {@code live} from the rarest trigger clauses, then {@code hits} for every clause (either null
     * when gating is off or the sentence's key mask predates some key ids: then the pattern checks).
     */
    private record Gate(RuleSet rules, long[] live, long[] hits, int rule) {
        boolean live(int slot) {
            return rules.live(live, rule, slot) && (hits == null || rules.satisfied(hits, rule, slot));
        }

        /** Whether {@link #live} checked the whole trigger, so that the pattern need not. */
        boolean triggerKnown() {
            return hits != null;
        }
    }

    private static void tryRule(CompiledRule rule, Gate gate, SentenceView sentence, Supplier<List<SentenceView>> context,
                                String text, boolean trace, Scope scope, List<Match> matches, List<Veto> vetoes,
                                List<RuleVerdict> verdicts) {
        MatchedSpan hit = first(rule.patterns(), gate, 0, sentence, text, scope);
        if (hit == null) {
            if (trace) {
                verdicts.add(new RuleVerdict(rule.id(), Outcome.NO_MATCH, "no pattern matched"));
            }
            return;
        }
        if (!rule.context().isEmpty() && !contextMatches(rule, context.get(), scope)) {
            if (trace) {
                verdicts.add(new RuleVerdict(rule.id(), Outcome.NO_CONTEXT, hit.slot() + " matched '" + hit.text()
                        + "' but the preceding counselor turn did not match the rule's context"));
            }
            return;
        }
        MatchedSpan veto = first(rule.unless(), gate, rule.patterns().size(), sentence, text, scope);
        if (veto != null) {
            vetoes.add(new Veto(rule.id(), veto.slot(), veto.text(), veto.begin(), veto.end()));
            if (trace) {
                verdicts.add(new RuleVerdict(rule.id(), Outcome.VETOED, hit.slot() + " matched '" + hit.text()
                        + "' but " + veto.slot() + " matched '" + veto.text() + "'"));
            }
            return;
        }
        var spec = rule.spec();
        matches.add(new Match(rule, new Evidence(rule.id(), spec.label(), spec.direction(), spec.kind(),
                spec.priority(), hit.slot(), hit.text(), hit.begin(), hit.end()), hit.tokenCount()));
        if (trace) {
            verdicts.add(new RuleVerdict(rule.id(), Outcome.MATCHED, hit.slot() + " matched '" + hit.text() + "'"));
        }
    }

    /** The first of {@code patterns} to match; {@code gate} null (context patterns) tries them all, else from slot {@code base}. */
    private static MatchedSpan first(List<CompiledPattern> patterns, Gate gate, int base, SentenceView sentence, String text,
                                     Scope scope) {
        for (int i = 0; i < patterns.size(); i++) {
            if (gate != null && !gate.live(base + i)) {
                continue; // its rarest trigger words are absent: it cannot match
            }
            Optional<MatchedSpan> m = scope.find(patterns.get(i), sentence, text, gate != null && gate.triggerKnown());
            if (m.isPresent()) {
                return m.get();
            }
        }
        return null;
    }

    private static boolean contextMatches(CompiledRule rule, List<SentenceView> context, Scope scope) {
        for (SentenceView s : context) {
            if (first(rule.context(), null, 0, s, null, scope) != null) {
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
