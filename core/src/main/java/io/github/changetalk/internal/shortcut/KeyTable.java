package io.github.changetalk.internal.shortcut;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Small integer ids for the trigger keys of one rule set, so that checking a sentence against the
 * triggers is a few bit tests instead of string hashing. Made with the rule set's {@link TriggerGate} and
 * never changed afterwards, so each gate has its own and none outlives its rules. Keys no trigger uses
 * get no id and are left out of a sentence's ids. Immutable.
 */
final class KeyTable {
    private final Map<String, Integer> ids;

    private KeyTable(Map<String, Integer> ids) {
        this.ids = Map.copyOf(ids);
    }

    /** How many keys have an id: ids run from 0 to {@code size() - 1}. */
    int size() {
        return ids.size();
    }

    /** The ids of a sentence's keys that some trigger uses, in no particular order. */
    int[] of(Set<String> sentenceKeys) {
        int[] out = new int[sentenceKeys.size()];
        int count = 0;
        for (String key : sentenceKeys) {
            Integer id = ids.get(key);
            if (id != null) {
                out[count++] = id;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** Hands out ids while a gate is built; a clause's key set is numbered once, however many clauses share it. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final IdentityHashMap<Set<String>, int[]> byKeySet = new IdentityHashMap<>();

        /** The ids of the clause's keys. */
        int[] idsOf(Trigger.Clause clause) {
            return byKeySet.computeIfAbsent(clause.keys(), keys -> {
                int[] out = new int[keys.size()];
                int i = 0;
                for (String key : keys) {
                    Integer id = ids.get(key);
                    if (id == null) {
                        id = ids.size();
                        ids.put(key, id);
                    }
                    out[i++] = id;
                }
                return out;
            });
        }

        int size() {
            return ids.size();
        }

        KeyTable build() {
            return new KeyTable(ids);
        }
    }
}
