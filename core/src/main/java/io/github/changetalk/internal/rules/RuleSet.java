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
    private final int[] always;
    private final EnumSet<GraphKind> graphs;

    RuleSet(List<CompiledRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, List<Integer>> index = new HashMap<>();
        List<Integer> any = new ArrayList<>();
        EnumSet<GraphKind> kinds = EnumSet.noneOf(GraphKind.class);
        for (int i = 0; i < this.rules.size(); i++) {
            CompiledRule rule = this.rules.get(i);
            if (rule.trigger().isAny()) {
                any.add(i);
            } else {
                for (String key : rule.trigger().keys()) {
                    index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
            for (List<CompiledPattern> group : List.of(rule.patterns(), rule.unless(), rule.context())) {
                for (CompiledPattern p : group) {
                    if (p instanceof CompiledPattern.Dependency d) {
                        kinds.add(d.graph());
                    }
                }
            }
        }
        Map<String, int[]> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.byKey = Map.copyOf(frozen);
        this.always = any.stream().mapToInt(Integer::intValue).toArray();
        this.graphs = kinds;
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    /** The rules a sentence with these keys could match, in load order. */
    public List<CompiledRule> candidates(Set<String> sentenceKeys) {
        BitSet hit = new BitSet(rules.size());
        for (int i : always) {
            hit.set(i);
        }
        for (String key : sentenceKeys) {
            int[] ids = byKey.get(key);
            if (ids != null) {
                for (int i : ids) {
                    hit.set(i);
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
        return EnumSet.copyOf(graphs.isEmpty() ? EnumSet.noneOf(GraphKind.class) : graphs);
    }

    public boolean usesDependencies() {
        return !graphs.isEmpty();
    }
}
