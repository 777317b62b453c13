package io.github.changetalk.internal.shortcut;

import edu.stanford.nlp.ling.CoreLabel;
import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.CompiledRule;
import io.github.changetalk.internal.compile.LazyTokenPattern;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.compile.Span;
import io.github.changetalk.internal.compile.StepBudget;
import io.github.changetalk.internal.match.Shortcuts;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shortcuts of one rule set: what lets a sentence skip the rules and patterns it cannot match, and
 * find the matches of the others faster, never changing a result.
 *
 * <p>Every pattern has a {@link Trigger}, the words or lemmas any match must contain (worked out from the
 * parsed pattern, or known from the command line's pattern index), and a length bound (patterns pinned to
 * both ends of a sentence). For each sentence the gate works out once, from the sentence's keys:
 * <ul>
 *   <li>the candidate rules: those whose trigger's rarest clause the sentence hits (rules are indexed by
 *       the keys of that clause), so the cost per sentence grows with the candidates, not the packs;</li>
 *   <li>for each pattern, whether it could match: its rarest clause is hit (patterns are indexed by it),
 *       so are its other clauses ({@link ClauseIndex}), and the sentence is no longer than its bound.</li>
 * </ul>
 * A pattern that could match is found by {@link TokenReach} where that models it, else by the pattern's
 * own matcher; a token pattern several rules share is run once per sentence. Before tagging, the same
 * question asked of the keys a sentence could have once tagged ({@link KeySets#possible}) tells whether
 * it needs tagging at all. Keys are numbered per gate ({@link KeyTable}).
 *
 * <p>Immutable and thread-safe; built once per rule set.
 */
public final class TriggerGate implements Shortcuts {
    private final RuleSet rules;
    private final KeyTable keys;
    private final int[] firstPattern; // per rule: the number of its slot 0; its slots are numbered on from there
    private final Trigger[] triggers; // per pattern number
    private final int[] maxTokens; // per pattern number
    private final Reach[] reach; // per pattern number; null for a dependency pattern
    private final Trigger[] ruleTriggers; // per rule: any one of its patterns' triggers
    private final int[][] rulesByKey; // key id -> the rules whose trigger's rarest clause holds the key (null: none)
    private final int[] alwaysCandidates; // rules with no trigger
    private final int[][] patternsByKey; // key id -> the patterns whose rarest clause holds the key (null: none)
    private final long[] alwaysLive; // patterns with no trigger
    private final ClauseIndex clauses; // every clause but the rarest, of every pattern
    private final List<Trigger> parserTriggers; // one per dependency pattern; null when there is none
    private final List<Trigger> matchTriggers;

    /**
     * The gate of a rule set. A token pattern whose parse the compiler deferred takes its trigger and
     * bound from {@code hints}; the others' are worked out from their parse.
     */
    public static TriggerGate of(RuleSet rules, PatternHints hints) {
        return new TriggerGate(rules, hints);
    }

    private TriggerGate(RuleSet rules, PatternHints hints) {
        this.rules = rules;
        List<CompiledRule> all = rules.rules();
        int count = 0;
        for (CompiledRule rule : all) {
            count += rule.allPatterns().size();
        }
        this.firstPattern = new int[all.size()];
        this.triggers = new Trigger[count];
        this.maxTokens = new int[count];
        this.reach = new Reach[count];
        this.ruleTriggers = new Trigger[all.size()];
        Map<Object, Trigger> memo = new HashMap<>(); // shared by the extractions (see TriggerExtractor#ofTokens)
        Map<LazyTokenPattern, PatternHints.Hint> bySource = new IdentityHashMap<>();
        Map<LazyTokenPattern, Reach> reachBySource = new IdentityHashMap<>();
        List<Trigger> parsing = new ArrayList<>();
        List<Trigger> matching = new ArrayList<>();
        int number = 0;
        for (int r = 0; r < all.size(); r++) {
            CompiledRule rule = all.get(r);
            firstPattern[r] = number;
            List<Trigger> ruleAlternatives = new ArrayList<>();
            for (CompiledPattern p : rule.allPatterns()) {
                PatternHints.Hint hint;
                if (p instanceof CompiledPattern.Tokens t) {
                    hint = bySource.computeIfAbsent(t.source(), source -> tokenHint(source, hints, memo));
                    reach[number] = reachBySource.computeIfAbsent(t.source(), Reach::new);
                } else {
                    CompiledPattern.Dependency d = (CompiledPattern.Dependency) p;
                    hint = new PatternHints.Hint(TriggerExtractor.ofSemgrex(d.pattern(), d.text()), Integer.MAX_VALUE);
                    parsing.add(hint.trigger());
                }
                triggers[number] = hint.trigger();
                maxTokens[number] = hint.maxTokens();
                if (number - firstPattern[r] < rule.patterns().size()) {
                    ruleAlternatives.add(hint.trigger());
                    if (!rule.spec().needsCounselorTurn()) {
                        matching.add(hint.trigger());
                    }
                }
                number++;
            }
            ruleTriggers[r] = Trigger.anyOf(ruleAlternatives);
        }
        KeyTable.Builder ids = new KeyTable.Builder();
        Map<Integer, List<Integer>> rulesById = new HashMap<>();
        List<Integer> always = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            if (ruleTriggers[r].isAny()) {
                always.add(r);
            } else {
                for (int id : ids.idsOf(ruleTriggers[r].clauses().get(0))) {
                    rulesById.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
                }
            }
        }
        Map<Integer, List<Integer>> patternsById = new HashMap<>();
        BitSet live = new BitSet();
        for (int n = 0; n < count; n++) {
            if (triggers[n].isAny()) {
                live.set(n);
            } else {
                for (int id : ids.idsOf(triggers[n].clauses().get(0))) {
                    patternsById.computeIfAbsent(id, k -> new ArrayList<>()).add(n);
                }
            }
        }
        this.clauses = ClauseIndex.of(List.of(triggers), ids);
        this.keys = ids.build();
        this.rulesByKey = byKey(rulesById, keys.size());
        this.alwaysCandidates = always.stream().mapToInt(Integer::intValue).toArray();
        this.patternsByKey = byKey(patternsById, keys.size());
        this.alwaysLive = java.util.Arrays.copyOf(live.toLongArray(), (count + 63) >>> 6);
        this.parserTriggers = parsing.isEmpty() ? null : List.copyOf(parsing);
        this.matchTriggers = List.copyOf(matching);
    }

    /** A token pattern's trigger and bound: from the hints when its parse was deferred, else from its parse. */
    private static PatternHints.Hint tokenHint(LazyTokenPattern source, PatternHints hints, Map<Object, Trigger> memo) {
        PatternHints.Hint known = source.deferred() ? hints.lookup(source.text()) : null;
        if (known != null) {
            return known;
        }
        var expr = source.expr();
        return new PatternHints.Hint(TriggerExtractor.ofTokens(expr, memo), TriggerExtractor.maxSentenceTokens(expr));
    }

    private static int[][] byKey(Map<Integer, List<Integer>> index, int size) {
        int[][] out = new int[size][];
        index.forEach((id, v) -> out[id] = v.stream().mapToInt(Integer::intValue).toArray());
        return out;
    }

    @Override
    public boolean couldMatch(List<CoreLabel> untaggedTokens, boolean afterCounselorTurn) {
        return couldMatch(KeySets.possible(untaggedTokens), untaggedTokens.size(), afterCounselorTurn);
    }

    /**
     * Whether some rule could match a sentence of {@code length} tokens whose keys are among {@code keys}:
     * a rule one of whose patterns could match. Rules with a context or an after: condition need the counselor turn before, so
     * they count only {@code withContext}. False is exact; true may be wrong.
     */
    public boolean couldMatch(Set<String> keys, int length, boolean withContext) {
        Screen screen = new Screen(null, this.keys.of(keys), length);
        for (int index : screen.candidates()) {
            CompiledRule rule = rules.rules().get(index);
            if (!withContext && rule.spec().needsCounselorTurn()) {
                continue;
            }
            for (int slot = 0; slot < rule.patterns().size(); slot++) {
                if (screen.mayMatch(firstPattern[index] + slot)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public OnSentence on(SentenceView sentence) {
        return screen(sentence);
    }

    /** What the gate knows of a sentence (as {@link #on}; tests ask it more). */
    Screen screen(SentenceView sentence) {
        return new Screen(sentence, keys.of(KeySets.of(sentence.tokens())), sentence.tokens().size());
    }

    @Override
    public List<String> triggerWords(int rule) {
        return ruleTriggers[rule].describe();
    }

    /** The rules this gate is for. */
    public RuleSet rules() {
        return rules;
    }

    /** The trigger of slot {@code slot} of rule {@code rule} (slots as {@link CompiledRule} numbers them). */
    public Trigger trigger(int rule, int slot) {
        return triggers[firstPattern[rule] + slot];
    }

    /** The longest sentence slot {@code slot} of rule {@code rule} can match ({@link Integer#MAX_VALUE}: no bound). */
    public int maxTokens(int rule, int slot) {
        return maxTokens[firstPattern[rule] + slot];
    }

    /**
     * What a text must contain for some dependency pattern to be tried on it: any one of these triggers,
     * one per dependency pattern (kept apart, not merged into one, so that the test stays exact: "want"
     * from one pattern and "me" from another do not together call for a parse); null when no rule uses the parser.
     */
    public List<Trigger> parserTriggers() {
        return parserTriggers;
    }

    /**
     * What a sentence must contain for some rule to match it with no counselor turn before: any one of
     * these triggers, one per pattern of every rule without a context or after: ({@link #couldMatch} for a whole
     * text at once, before the rules are compiled, from the command line's pattern index).
     */
    public List<Trigger> matchTriggers() {
        return matchTriggers;
    }

    /** What the gate knows of one sentence: its key ids, and from them which patterns are live. */
    final class Screen implements OnSentence {
        private final SentenceView sentence; // null when screening untagged tokens
        private final int[] ids;
        private final int length;
        private final long[] live; // the patterns whose rarest clause the sentence hits, or that have no trigger
        private final long[] hits; // the other clauses it hits (ClauseIndex)
        private NodeVerdicts verdicts; // what token tests said of its tokens, shared by every reach test on it
        private Map<LazyTokenPattern, Optional<Span>> shared; // results of patterns several rules share

        Screen(SentenceView sentence, int[] ids, int length) {
            this.sentence = sentence;
            this.ids = ids;
            this.length = length;
            this.live = alwaysLive.clone();
            for (int id : ids) {
                int[] numbers = patternsByKey[id];
                if (numbers != null) {
                    for (int n : numbers) {
                        live[n >>> 6] |= 1L << n;
                    }
                }
            }
            this.hits = clauses.hits(ids);
        }

        @Override
        public int[] candidates() {
            BitSet hit = new BitSet(rules.rules().size());
            for (int i : alwaysCandidates) {
                hit.set(i);
            }
            for (int id : ids) {
                int[] ruleIds = rulesByKey[id];
                if (ruleIds != null) {
                    for (int i : ruleIds) {
                        hit.set(i);
                    }
                }
            }
            return hit.stream().toArray();
        }

        /** Whether slot {@code slot} of rule {@code rule} could match the sentence. */
        boolean mayMatch(int rule, int slot) {
            return mayMatch(firstPattern[rule] + slot);
        }

        /** Whether pattern number {@code n} could match: its whole trigger holds, and the sentence is not too long. */
        private boolean mayMatch(int n) {
            return (live[n >>> 6] & (1L << n)) != 0 && clauses.satisfied(hits, n) && length <= maxTokens[n];
        }

        @Override
        public Optional<Span> find(CompiledPattern pattern, int rule, int slot, StepBudget budget) {
            int n = firstPattern[rule] + slot;
            if (!mayMatch(n)) {
                return Optional.empty();
            }
            if (!(pattern instanceof CompiledPattern.Tokens t)) {
                return pattern.find(sentence, budget);
            }
            if (!t.shared()) {
                return findTokens(t, n, budget);
            }
            if (shared == null) {
                shared = new IdentityHashMap<>();
            }
            Optional<Span> found = shared.get(t.source());
            if (found == null) {
                found = findTokens(t, n, budget);
                shared.put(t.source(), found);
            }
            return found;
        }

        /** The reach test says whether and where the pattern matches; TokensRegex works out what it leaves open. */
        private Optional<Span> findTokens(CompiledPattern.Tokens t, int n, StepBudget budget) {
            TokenReach model = reach[n].model();
            int from = 0;
            if (model != null) {
                if (verdicts == null) {
                    verdicts = new NodeVerdicts(sentence.tokens());
                }
                TokenReach.Hit hit = model.firstMatch(verdicts);
                if (hit == null) {
                    return Optional.empty();
                }
                if (hit.complete()) {
                    return Optional.of(Span.range(hit.start(), hit.end()));
                }
                from = hit.start();
            }
            return t.findFrom(sentence, from, budget);
        }
    }

    /** A token pattern's reach model, built on first use and shared by the rules sharing the pattern. */
    private static final class Reach {
        private final LazyTokenPattern source;
        private volatile Optional<TokenReach> model;

        Reach(LazyTokenPattern source) {
            this.source = source;
        }

        /** The model, or null when TokenReach does not model the pattern. */
        TokenReach model() {
            Optional<TokenReach> m = model;
            if (m == null) {
                m = TokenReach.of(source.expr()); // idempotent: a race builds it twice, harmlessly
                model = m;
            }
            return m.orElse(null);
        }
    }
}
