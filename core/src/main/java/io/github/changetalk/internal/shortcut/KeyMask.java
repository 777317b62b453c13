package io.github.changetalk.internal.shortcut;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sentence's trigger keys as a bit set over small integer ids, so that checking a trigger clause is a
 * few bit tests instead of string hashing (clauses are checked for every candidate pattern of every
 * sentence). Ids are handed out once per distinct key, JVM-wide, when a trigger clause is built; keys
 * no trigger uses get none and are simply left out of the mask.
 *
 * <p>A mask knows only the ids that existed when it was made ({@code limit}); a clause with a newer key
 * (a rule set compiled concurrently, after the mask) is checked on the key strings instead. {@code ids}
 * lists the set bits in ascending order: a sentence has a few dozen keys, a lexicon's clause hundreds,
 * so a large clause is checked by walking the sentence's ids instead of its own. Immutable (the arrays
 * are never written after construction).
 */
public record KeyMask(long[] bits, int limit, int[] ids) {
    private static final ConcurrentHashMap<String, Key> IDS = new ConcurrentHashMap<>(1 << 14); // the packs have some 4,000 keys
    private static final ConcurrentHashMap<String, Integer> WORDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AtomicInteger NEXT_WORD = new AtomicInteger();

    /**
     * What is known about one trigger key: its id, the id of its word ({@code w:want} and
     * {@code l:want} share one) and that word's {@linkplain Trigger#wordCost cost}, worked out once per key
     * rather than for every clause that holds it.
     */
    public record Key(int id, int word, int cost) {
    }

    /** The key's ids, handing out the next ones on first sight. */
    public static Key intern(String key) {
        Key k = IDS.get(key);
        return k != null ? k : IDS.computeIfAbsent(key, s -> {
            String word = s.substring(2);
            int wordId = WORDS.computeIfAbsent(word, w -> NEXT_WORD.getAndIncrement());
            return new Key(NEXT.getAndIncrement(), wordId, Trigger.wordCost(word));
        });
    }

    /** The mask of a sentence's keys. */
    public static KeyMask of(Set<String> keys) {
        int limit = NEXT.get();
        long[] bits = new long[(limit + 63) >>> 6];
        int[] ids = new int[keys.size()];
        int count = 0;
        for (String key : keys) {
            Key k = IDS.get(key);
            if (k != null && k.id() < limit) {
                bits[k.id() >>> 6] |= 1L << k.id();
                ids[count++] = k.id();
            }
        }
        ids = java.util.Arrays.copyOf(ids, count);
        java.util.Arrays.sort(ids);
        return new KeyMask(bits, limit, ids);
    }

    boolean has(int id) {
        return (bits[id >>> 6] & (1L << id)) != 0;
    }

    /** A bit set over these ids, for {@link #intersects}. */
    static long[] bitsOf(int[] ids, int maxId) {
        long[] bits = new long[(maxId >>> 6) + 1];
        for (int id : ids) {
            bits[id >>> 6] |= 1L << id;
        }
        return bits;
    }

    /** Whether one of this sentence's ids is set in {@code other} (a clause's {@link #bitsOf}). */
    boolean intersects(long[] other) {
        for (int id : ids) {
            int word = id >>> 6;
            if (word >= other.length) {
                return false; // ids ascend: the rest lie beyond the clause's largest id too
            }
            if ((other[word] & (1L << id)) != 0) {
                return true;
            }
        }
        return false;
    }
}
