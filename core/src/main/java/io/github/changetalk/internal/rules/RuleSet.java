package io.github.changetalk.internal.rules;

import io.github.changetalk.internal.pack.GraphKind;
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
        List<Integer> any = new ArrayList<>();
        EnumSet<GraphKind> kinds = EnumSet.noneOf(GraphKind.class);
        List<Trigger> parseTriggers = new ArrayList<>();
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
        if (!gated) {
            return rules;
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
        List<CompiledRule> out = new ArrayList<>(hit.cardinality());
        for (int i = hit.nextSetBit(0); i >= 0; i = hit.nextSetBit(i + 1)) {
            out.add(rules.get(i));
        }
        return out;
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

    /** The {@link PatternIndex#fingerprint} of the lexicons these rules were compiled with. */
    String lexiconFingerprint() {
        return lexiconFingerprint;
    }

    public boolean usesDependencies() {
        return !graphs.isEmpty();
    }
}
