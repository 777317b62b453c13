package io.github.changetalk.internal.rules;

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
 * (a rule set compiled concurrently, after the mask) is checked on the key strings instead. Immutable.
 */
public record KeyMask(long[] bits, int limit) {
    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** The id of a key, handing out the next one on first sight. */
    static int intern(String key) {
        return IDS.computeIfAbsent(key, k -> NEXT.getAndIncrement());
    }

    /** The mask of a sentence's keys. */
    public static KeyMask of(Set<String> keys) {
        int limit = NEXT.get();
        long[] bits = new long[(limit + 63) >>> 6];
        for (String key : keys) {
            Integer id = IDS.get(key);
            if (id != null && id < limit) {
                bits[id >>> 6] |= 1L << id;
            }
        }
        return new KeyMask(bits, limit);
    }

    boolean has(int id) {
        return (bits[id >>> 6] & (1L << id)) != 0;
    }
}
