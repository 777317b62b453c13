package io.github.changetalk.internal.match;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Evidence;
import io.github.changetalk.Notice;
import io.github.changetalk.RuleVerdict;
import io.github.changetalk.RuleVerdict.Outcome;
import io.github.changetalk.Veto;
import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.CompiledRule;
import io.github.changetalk.internal.compile.MatchLimitException;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.compile.Span;
import io.github.changetalk.internal.compile.StepBudget;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.pack.AfterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Matches a rule set against the sentences of one utterance. As with CoreNLP's
 * {@code TokenSequencePattern.getMatcher()}, the rules are compiled once and shared, and a matcher holds
 * what one call needs: the utterance text, the counselor turn before it, whether to explain, the step
 * budget. Made by {@link MatchingRules#matcher}; not thread-safe.
 *
 * <p>On each sentence the candidate rules (those the {@link Shortcuts} do not rule out; with none, every
 * rule) are tried in load order: the rule's patterns in order until one matches, then its {@code context:}
 * patterns against the counselor turn before (for a counselor rule: the client turn before), then its
 * {@code after:} condition against that counselor turn's coding, then its {@code unless:} patterns, any
 * of which vetoes it.
 */
public final class RuleMatcher implements SentenceMatcher {
    /**
     * The default number of steps (tokens, graph nodes and word-regex characters read) one pattern may
     * take on one sentence before it is stopped:
     * thousands of times what an ordinary pattern needs, and a few tens of milliseconds of work.
     */
    public static final long DEFAULT_STEP_LIMIT = 2_000_000L;

    private static final SentenceMatch NOTHING = new SentenceMatch(List.of(), List.of(), List.of(), List.of());

    private final RuleSet rules;
    private final Shortcuts shortcuts;
    private final Supplier<List<SentenceView>> counselorTurn;
    private final Supplier<CounselorCoding> counselorCoding;
    private final Supplier<CounselorCoding.ReflectedTalk> reflectedTalk; // asked only by after: reflected
    private final String text;
    private final boolean trace;
    private final long stepLimit;
    private List<Screened> counselorSentences; // the counselor turn's sentences as the shortcuts see them, on first use

    /** A sentence with what the shortcuts know of it. */
    private record Screened(SentenceView sentence, Shortcuts.OnSentence shortcuts) {
    }

    RuleMatcher(MatchingRules rules, Supplier<List<SentenceView>> counselorTurn, Supplier<CounselorCoding> counselorCoding,
                Supplier<CounselorCoding.ReflectedTalk> reflectedTalk, String text, boolean trace, long stepLimit) {
        this.rules = rules.rules();
        this.shortcuts = rules.shortcuts();
        this.counselorTurn = counselorTurn;
        this.counselorCoding = counselorCoding;
        this.reflectedTalk = reflectedTalk;
        this.text = text;
        this.trace = trace;
        this.stepLimit = stepLimit;
    }

    /** Everything the rules did on one sentence of the utterance; nothing for a sentence left untagged. */
    @Override
    public SentenceMatch match(SentenceView sentence) {
        if (!sentence.tagged()) {
            return NOTHING; // the shortcuts found, before tagging, that no rule could match it
        }
        Screened screened = new Screened(sentence, shortcuts.on(sentence));
        Found found = new Found();
        boolean[] tried = trace ? new boolean[rules.rules().size()] : null;
        for (int index : screened.shortcuts().candidates()) {
            CompiledRule rule = rules.rules().get(index);
            if (trace) {
                tried[index] = true;
            }
            checkInterrupt();
            try {
                tryRule(index, rule, screened, found);
            } catch (MatchLimitException e) {
                // A runaway pattern must not hang the call or label the sentence: the rule counts as not matching.
                found.notices.add(new Notice("match-limit", "rule " + rule.id() + " was stopped after "
                        + stepLimit + " steps on this sentence (a runaway match: tokens, graph nodes and word-regex characters read;"
                        + " or it recursed too deeply) and was treated as not matching"));
                if (trace) {
                    found.verdict(rule, Outcome.NO_MATCH, "stopped at the match step limit");
                }
            }
        }
        if (trace) {
            for (int index = 0; index < tried.length; index++) {
                if (!tried[index]) {
                    found.verdict(rules.rules().get(index), Outcome.NOT_CANDIDATE,
                            "the sentence has none of its trigger words " + shortcuts.triggerWords(index));
                }
            }
        }
        return new SentenceMatch(found.matches, found.vetoes, found.verdicts, found.notices);
    }

    private void tryRule(int index, CompiledRule rule, Screened sentence, Found found) {
        MatchedSpan hit = first(sentence, text, index, rule.patterns(), 0);
        if (hit == null) {
            if (trace) {
                found.verdict(rule, Outcome.NO_MATCH, "no pattern matched");
            }
            return;
        }
        if (!rule.context().isEmpty() && !counselorTurnMatches(index, rule)) {
            if (trace) {
                found.verdict(rule, Outcome.NO_CONTEXT, hit.slot() + " matched '" + hit.text()
                        + "' but the preceding counselor turn did not match the rule's context");
            }
            return;
        }
        AfterSpec after = rule.spec().after();
        if (after != null && !after.test(counselorCoding.get(), reflectedTalk)) {
            if (trace) {
                found.verdict(rule, Outcome.NO_CONTEXT, hit.slot() + " matched '" + hit.text()
                        + "' but the counselor turn before is not as the rule's after: condition asks");
            }
            return;
        }
        MatchedSpan veto = first(sentence, text, index, rule.unless(), rule.firstUnlessSlot());
        if (veto != null) {
            found.vetoes.add(new Veto(rule.id(), veto.slot(), veto.text(), veto.begin(), veto.end()));
            if (trace) {
                found.verdict(rule, Outcome.VETOED, hit.slot() + " matched '" + hit.text() + "' but " + veto.slot()
                        + " matched '" + veto.text() + "'");
            }
            return;
        }
        var spec = rule.spec();
        found.matches.add(new Match(rule, new Evidence(rule.id(), spec.label(), spec.direction(), spec.kind(),
                spec.priority(), hit.slot(), hit.text(), hit.begin(), hit.end()), hit.tokenCount()));
        if (trace) {
            found.verdict(rule, Outcome.MATCHED, hit.slot() + " matched '" + hit.text() + "'");
        }
    }

    /**
     * The first of {@code patterns} (slots from {@code firstSlot} of rule {@code rule}) to match the
     * sentence, or null; {@code utterance} (may be null) is the text the sentence's offsets point into.
     */
    private MatchedSpan first(Screened sentence, String utterance, int rule, List<CompiledPattern> patterns, int firstSlot) {
        for (int i = 0; i < patterns.size(); i++) {
            CompiledPattern p = patterns.get(i);
            Optional<Span> span;
            StepBudget budget = new StepBudget(stepLimit); // per pattern and sentence, as documented
            try (StepBudget.Scope open = budget.open()) {
                span = sentence.shortcuts().find(p, rule, firstSlot + i, budget);
            }
            if (span.isPresent()) {
                return MatchedSpan.of(p.spec().slot(), span.get(), sentence.sentence(), utterance);
            }
        }
        return null;
    }

    /** Whether some context pattern of the rule matches some sentence of the counselor turn before. */
    private boolean counselorTurnMatches(int index, CompiledRule rule) {
        if (counselorSentences == null) {
            counselorSentences = new ArrayList<>();
            for (SentenceView s : counselorTurn.get()) {
                counselorSentences.add(new Screened(s, shortcuts.on(s)));
            }
        }
        for (Screened s : counselorSentences) {
            if (first(s, null, index, rule.context(), rule.firstContextSlot()) != null) {
                return true;
            }
        }
        return false;
    }

    private static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("classification interrupted");
        }
    }

    /** What the rules did on the sentence being matched; {@code verdicts} only when explaining. */
    private static final class Found {
        final List<Match> matches = new ArrayList<>();
        final List<Veto> vetoes = new ArrayList<>();
        final List<RuleVerdict> verdicts = new ArrayList<>();
        final List<Notice> notices = new ArrayList<>(0);

        void verdict(CompiledRule rule, Outcome outcome, String detail) {
            verdicts.add(new RuleVerdict(rule.id(), outcome, detail));
        }
    }
}
