package io.github.changetalk.internal.compile;

import io.github.changetalk.internal.pack.GraphKind;
import io.github.changetalk.internal.shortcut.ClauseIndex;
import io.github.changetalk.internal.shortcut.KeyMask;
import io.github.changetalk.internal.shortcut.Trigger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled rules for one selection of targets, indexed by trigger key so that a sentence is
 * tried only against the rules it could match: the cost per sentence grows with the candidates,
 * not with the size of the pack. Immutable and shared by all threads.
 */
public final class RuleSet {
    private final List<CompiledRule> rules;
    private final Map<String, int[]> byKey;
    private final int[][] byKeyId; // the same index by KeyMask id (null where no rule is indexed)
    // Pattern-level gating: every pattern and unless pattern has a number (a rule's patterns from
    // patternBase[rule], its unless patterns right after) and is indexed by its rarest clause, so that a
    // sentence's patterns whose rarest words are absent are skipped without checking their triggers.
    private final int[] patternBase;
    private final int[][] patternsByKeyId;
    private final long[] alwaysLivePatterns;
    private final ClauseIndex clauses; // the clauses of every pattern's and unless pattern's trigger but the rarest
    private final int[] always;
    private final EnumSet<GraphKind> graphs;
    private final boolean gated;
    private final List<Trigger> parserTriggers; // one per dependency pattern; null when there is none
    private final String lexiconFingerprint;

    RuleSet(List<CompiledRule> rules, String lexiconFingerprint) {
        this(rules, true, lexiconFingerprint);
    }

    private RuleSet(List<CompiledRule> rules, boolean gated, String lexiconFingerprint) {
        this.gated = gated;
        this.lexiconFingerprint = lexiconFingerprint;
        this.rules = List.copyOf(rules);
        Map<String, List<Integer>> index = new HashMap<>();
        Map<Integer, List<Integer>> indexById = new HashMap<>();
        Map<Integer, List<Integer>> patternsById = new HashMap<>();
        BitSet alwaysLive = new BitSet();
        this.patternBase = new int[this.rules.size()];
        int patternCount = 0;
        List<Integer> any = new ArrayList<>();
        EnumSet<GraphKind> kinds = EnumSet.noneOf(GraphKind.class);
        List<Trigger> parseTriggers = new ArrayList<>();
        List<Trigger> patternTriggers = new ArrayList<>();
        for (int i = 0; i < this.rules.size(); i++) {
            CompiledRule rule = this.rules.get(i);
            if (rule.trigger().isAny()) {
                any.add(i);
            } else {
                for (String key : rule.trigger().keys()) {
                    index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
                for (int id : rule.trigger().clauses().get(0).ids()) {
                    indexById.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
                }
            }
            patternBase[i] = patternCount;
            for (List<CompiledPattern> group : List.of(rule.patterns(), rule.unless())) {
                for (CompiledPattern p : group) {
                    int number = patternCount++;
                    patternTriggers.add(p.trigger());
                    if (p.trigger().isAny()) {
                        alwaysLive.set(number);
                    } else {
                        for (int id : p.trigger().clauses().get(0).ids()) {
                            patternsById.computeIfAbsent(id, k -> new ArrayList<>()).add(number);
                        }
                    }
                }
            }
            for (CompiledPattern p : rule.allPatterns()) {
                if (p instanceof CompiledPattern.Dependency d) {
                    kinds.add(d.graph());
                    parseTriggers.add(d.trigger());
                }
            }
        }
        Map<String, int[]> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.byKey = Map.copyOf(frozen);
        this.byKeyId = new int[indexById.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1][];
        indexById.forEach((id, v) -> byKeyId[id] = v.stream().mapToInt(Integer::intValue).toArray());
        this.patternsByKeyId = new int[patternsById.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1][];
        patternsById.forEach((id, v) -> patternsByKeyId[id] = v.stream().mapToInt(Integer::intValue).toArray());
        this.alwaysLivePatterns = java.util.Arrays.copyOf(alwaysLive.toLongArray(), (patternCount + 63) >>> 6);
        this.clauses = ClauseIndex.of(patternTriggers);
        this.always = any.stream().mapToInt(Integer::intValue).toArray();
        this.graphs = kinds;
        this.parserTriggers = parseTriggers.isEmpty() ? null : List.copyOf(parseTriggers);
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    /**
     * The same rules with trigger gating off: every rule is a candidate for every sentence, patterns
     * are tried whatever their trigger, and (see {@code RuleMatcher}) every sentence is parsed when
     * any rule uses a dependency pattern. Labels must not change; this exists to verify that and to
     * measure what gating saves.
     */
    public RuleSet ungated() {
        return gated ? new RuleSet(rules, false, lexiconFingerprint) : this;
    }

    /** Whether triggers select the candidate rules and patterns (the default). */
    public boolean gated() {
        return gated;
    }

    /** The rules a sentence with these keys could match, in load order. */
    public List<CompiledRule> candidates(Set<String> sentenceKeys) {
        return candidates(KeyMask.of(sentenceKeys), sentenceKeys);
    }

    /** The same, {@code mask} being {@code KeyMask.of(sentenceKeys)}: bit ids instead of string hashing. */
    public List<CompiledRule> candidates(KeyMask mask, Set<String> sentenceKeys) {
        int[] indexes = candidateIndexes(mask, sentenceKeys);
        List<CompiledRule> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(rules.get(i));
        }
        return out;
    }

    /** The positions in {@link #rules()} of the candidates, ascending. */
    public int[] candidateIndexes(KeyMask mask, Set<String> sentenceKeys) {
        if (!gated) {
            int[] all = new int[rules.size()];
            java.util.Arrays.setAll(all, i -> i);
            return all;
        }
        BitSet hit = new BitSet(rules.size());
        for (int i : always) {
            hit.set(i);
        }
        if (mask.limit() >= byKeyId.length) {
            for (int id : mask.ids()) {
                int[] ruleIds = id < byKeyId.length ? byKeyId[id] : null;
                if (ruleIds != null) {
                    for (int i : ruleIds) {
                        hit.set(i);
                    }
                }
            }
        } else {
            // The mask predates some of these rules' key ids (compiled concurrently, after it).
            for (String key : sentenceKeys) {
                int[] ids = byKey.get(key);
                if (ids != null) {
                    for (int i : ids) {
                        hit.set(i);
                    }
                }
            }
        }
        return hit.stream().toArray();
    }

    /**
     * Which patterns and unless patterns could match a sentence with this key mask: those whose rarest
     * clause the sentence hits (their other clauses are checked when the pattern is tried). Null means
     * all: gating is off, or the mask predates some of these patterns' key ids. Read it with {@link #live}.
     */
    public long[] livePatterns(KeyMask mask) {
        if (!gated || mask.limit() < patternsByKeyId.length) {
            return null;
        }
        long[] live = alwaysLivePatterns.clone();
        for (int id : mask.ids()) {
            int[] numbers = id < patternsByKeyId.length ? patternsByKeyId[id] : null;
            if (numbers != null) {
                for (int n : numbers) {
                    live[n >>> 6] |= 1L << n;
                }
            }
        }
        return live;
    }

    /**
     * Whether pattern {@code slot} of rule {@code rule} (its patterns numbered first, then its unless
     * patterns) is in {@code live}, as {@link #livePatterns} made it; true when {@code live} is null.
     */
    public boolean live(long[] live, int rule, int slot) {
        if (live == null) {
            return true;
        }
        int n = patternBase[rule] + slot;
        return (live[n >>> 6] & (1L << n)) != 0;
    }

    /**
     * Whether some rule could match a sentence whose keys are among {@code keys}: a rule such that one
     * of its patterns has every trigger clause hit. Rules with a context need the counselor turn before,
     * so they count only {@code withContext}. False is exact (no rule can match such a sentence), which
     * lets a caller skip tagging a sentence by its possible keys; true may be wrong. Always true when
     * gating is off.
     */
    public boolean couldMatch(Set<String> keys, boolean withContext) {
        if (!gated) {
            return true;
        }
        KeyMask mask = KeyMask.of(keys);
        long[] live = livePatterns(mask);
        for (int index : candidateIndexes(mask, keys)) {
            CompiledRule rule = rules.get(index);
            if (!withContext && !rule.context().isEmpty()) {
                continue;
            }
            for (int slot = 0; slot < rule.patterns().size(); slot++) {
                if (live(live, index, slot) && rule.patterns().get(slot).trigger().satisfiedBy(mask, keys)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Which trigger clauses of the patterns a sentence with this key mask hits, for {@link #satisfied};
     * null when gating is off or the mask predates some of these clauses' key ids.
     */
    public long[] clauseHits(KeyMask mask) {
        return gated ? clauses.hits(mask) : null;
    }

    /**
     * Whether pattern {@code slot} of rule {@code rule} (numbered as for {@link #live}) has every clause of
     * its trigger but the rarest in {@code hits}, from {@link #clauseHits}. With {@link #live} (the
     * rarest clause), its whole trigger holds.
     */
    public boolean satisfied(long[] hits, int rule, int slot) {
        return clauses.satisfied(hits, patternBase[rule] + slot);
    }

    /** The dependency graphs some rule uses; empty when no rule needs the parser. */
    public Set<GraphKind> graphs() {
        return EnumSet.copyOf(graphs);
    }

    /**
     * What a text must contain for some dependency pattern to be tried on it: any one of these
     * triggers, one per dependency pattern (kept apart, not merged into one, so that the test stays
     * exact: "want" from one pattern and "me" from another do not together call for a parse);
     * {@link Trigger#ANY} alone when gating is off; null when no rule uses the parser.
     */
    public List<Trigger> parserTriggers() {
        return parserTriggers == null ? null : gated ? parserTriggers : List.of(Trigger.ANY);
    }

    /**
     * What a sentence must contain for some rule to match it with no counselor turn before: any one of
     * these triggers, one per pattern of every rule without a context ({@link #couldMatch} with
     * {@code withContext} false, for a whole text at once); {@link Trigger#ANY} alone when gating is off.
     */
    public List<Trigger> matchTriggers() {
        if (!gated) {
            return List.of(Trigger.ANY);
        }
        List<Trigger> out = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (rule.context().isEmpty()) {
                for (CompiledPattern p : rule.patterns()) {
                    out.add(p.trigger());
                }
            }
        }
        return List.copyOf(out);
    }

    /** The {@link PatternIndex#fingerprint} of the lexicons these rules were compiled with. */
    public String lexiconFingerprint() {
        return lexiconFingerprint;
    }

    public boolean usesDependencies() {
        return !graphs.isEmpty();
    }
}
