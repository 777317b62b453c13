package io.github.changetalk.internal.shortcut;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The trigger clauses of a rule set's patterns but the rarest of each, indexed by key so that one pass
 * over a sentence's few keys tells which clauses it hits ({@link #hits}); the rest of a pattern's
 * trigger then costs a bit test per clause ({@link #satisfied}). Checking each pattern's clauses
 * against the sentence instead read a few scattered arrays per pattern, and was a quarter of the
 * matching time. The rarest clauses are left to the gate's index of live patterns ({@link TriggerGate}),
 * which indexes them already; leaving them out keeps the lists of common keys short.
 *
 * <p>Clauses sharing one key set (as the clauses read from a pattern index do, one per distinct key set)
 * are one entry. Immutable.
 */
final class ClauseIndex {
    private static final int[] NONE = new int[0];

    private final int[][] setsByKeyId; // key id -> the clause sets holding it
    private final int[][] patternSets; // pattern number -> the sets of its trigger's clauses (none for ANY)
    private final int setCount;

    private ClauseIndex(int[][] setsByKeyId, int[][] patternSets, int setCount) {
        this.setsByKeyId = setsByKeyId;
        this.patternSets = patternSets;
        this.setCount = setCount;
    }

    /** The index of these triggers' clauses but the first (rarest), the i-th trigger being pattern number i. */
    static ClauseIndex of(List<Trigger> patternTriggers, KeyTable.Builder keys) {
        IdentityHashMap<int[], Integer> setOf = new IdentityHashMap<>();
        List<int[]> sets = new ArrayList<>();
        int[][] patternSets = new int[patternTriggers.size()][];
        int maxId = -1;
        for (int p = 0; p < patternSets.length; p++) {
            List<Trigger.Clause> clauses = patternTriggers.get(p).clauses();
            int[] own = new int[Math.max(0, clauses.size() - 1)];
            for (int k = 0; k < own.length; k++) {
                int[] ids = keys.idsOf(clauses.get(k + 1));
                Integer set = setOf.get(ids);
                if (set == null) {
                    set = sets.size();
                    setOf.put(ids, set);
                    sets.add(ids);
                    for (int id : ids) {
                        maxId = Math.max(maxId, id);
                    }
                }
                own[k] = set;
            }
            patternSets[p] = own;
        }
        int[] counts = new int[maxId + 1];
        for (int[] ids : sets) {
            for (int id : ids) {
                counts[id]++;
            }
        }
        int[][] byKey = new int[maxId + 1][];
        for (int id = 0; id <= maxId; id++) {
            byKey[id] = counts[id] == 0 ? NONE : new int[counts[id]];
        }
        int[] filled = new int[maxId + 1];
        for (int s = 0; s < sets.size(); s++) {
            for (int id : sets.get(s)) {
                byKey[id][filled[id]++] = s;
            }
        }
        return new ClauseIndex(byKey, patternSets, sets.size());
    }

    /** Which clause sets a sentence with these key ids hits, as bits. */
    long[] hits(int[] sentenceIds) {
        long[] hit = new long[(setCount + 63) >>> 6];
        for (int id : sentenceIds) {
            if (id < setsByKeyId.length) {
                for (int s : setsByKeyId[id]) {
                    hit[s >>> 6] |= 1L << s;
                }
            }
        }
        return hit;
    }

    /** Whether every clause of pattern {@code pattern}'s trigger but the rarest is in {@code hits} (from {@link #hits}). */
    boolean satisfied(long[] hits, int pattern) {
        for (int s : patternSets[pattern]) {
            if ((hits[s >>> 6] & (1L << s)) == 0) {
                return false;
            }
        }
        return true;
    }
}
